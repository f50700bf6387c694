/** Checklist progress of a runbook attached to an incident: the indexes of its done steps. Pure. */

type Step = { title: string; detail?: string };

/** `done` with step `index` set to `value`: sorted, without duplicates. */
export function setDone(done: readonly number[], index: number, value: boolean): number[] {
  const set = new Set(done);
  if (value) set.add(index);
  else set.delete(index);
  return [...set].sort((a, b) => a - b);
}

/**
 * The progress carried over when a runbook's steps are edited: a done step stays done where its
 * title now is (steps that share a title are matched in order), a step that was removed or renamed
 * is no longer counted.
 */
export function remapDone(before: readonly Step[], after: readonly Step[], done: readonly number[]): number[] {
  const slots = new Map<string, number[]>();
  after.forEach((s, i) => slots.set(s.title, [...(slots.get(s.title) ?? []), i]));
  const seen = new Map<string, number>();
  const out: number[] = [];
  before.forEach((s, i) => {
    const nth = seen.get(s.title) ?? 0;
    seen.set(s.title, nth + 1);
    const to = slots.get(s.title)?.[nth];
    if (done.includes(i) && to !== undefined) out.push(to);
  });
  return out.sort((a, b) => a - b);
}

/** How many of the steps are done (indexes past the end, from an older version, are not counted). */
export function doneCount(stepCount: number, done: readonly number[]): number {
  return new Set(done.filter((i) => Number.isInteger(i) && i >= 0 && i < stepCount)).size;
}

const SPLIT = /[\s,]+/;

/** "A, B\nC" → ["A", "B", "C"]: alert names as typed in a form field. */
export function splitAlertNames(text: string): string[] {
  return text.split(SPLIT).filter(Boolean);
}
