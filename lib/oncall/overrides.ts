/**
 * Override validation. Pure. The rule for conflicts, from what an override touches:
 *  - an override on a layer touches that layer; one without a layer touches every layer;
 *  - two overrides conflict when their ranges overlap, they touch a common layer, and they do not
 *    merely add or remove two different people: a `replace` overlapping anything on its layer
 *    conflicts (who would be on call?), and adding or removing the same person twice, or adding
 *    and removing them at once, conflicts too.
 * Ranges are half-open, so an override ending when another starts does not overlap it.
 */
import type { Override, Schedule } from "./types";

export type OverrideProblemCode = "empty-range" | "missing-user" | "unknown-layer" | "unknown-kind" | "conflict";
export type OverrideProblem = { code: OverrideProblemCode; overrideIds: string[]; message: string };

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/** What is wrong with one override on its own (or in `schedule`, for its layer). */
export function overrideProblems(o: Override, schedule?: Pick<Schedule, "layers">): OverrideProblem[] {
  const out: OverrideProblem[] = [];
  if (!["add", "replace", "remove"].includes(o.kind)) out.push({ code: "unknown-kind", overrideIds: [o.id], message: `Unknown override kind "${o.kind}": use add, replace or remove.` });
  if (!(Number.isFinite(o.startMs) && Number.isFinite(o.endMs) && o.endMs > o.startMs)) {
    out.push({ code: "empty-range", overrideIds: [o.id], message: `The override must end after it starts (start ${iso(o.startMs)}, end ${iso(o.endMs)}).` });
  }
  if (!o.userId) out.push({ code: "missing-user", overrideIds: [o.id], message: "The override needs a person." });
  if (o.layerId && schedule && !schedule.layers.some((l) => l.id === o.layerId)) {
    out.push({ code: "unknown-layer", overrideIds: [o.id], message: `The schedule has no layer "${o.layerId}".` });
  }
  return out;
}

/** Whether two overrides contradict each other (see the rule above). */
export function overridesConflict(a: Override, b: Override): boolean {
  const overlap = a.startMs < b.endMs && b.startMs < a.endMs;
  const sameLayer = !a.layerId || !b.layerId || a.layerId === b.layerId;
  const compatible = a.kind !== "replace" && b.kind !== "replace" && a.userId !== b.userId;
  return overlap && sameLayer && !compatible;
}

function conflictMessage(a: Override, b: Override): string {
  const where = a.layerId && a.layerId === b.layerId ? `on layer "${a.layerId}"` : "on the same layers";
  const from = Math.max(a.startMs, b.startMs);
  const to = Math.min(a.endMs, b.endMs);
  return `Overrides ${a.id} (${a.kind} ${a.userId}) and ${b.id} (${b.kind} ${b.userId}) overlap ${where} from ${iso(from)} to ${iso(to)}.`;
}

/** Every problem in a set of overrides: each one's own, then each conflicting pair (ids in input order). */
export function conflictingOverrides(overrides: readonly Override[], schedule?: Pick<Schedule, "layers">): OverrideProblem[] {
  const out = overrides.flatMap((o) => overrideProblems(o, schedule));
  const valid = overrides
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => o.endMs > o.startMs)
    .sort((x, y) => x.o.startMs - y.o.startMs);
  let active: typeof valid = [];
  for (const cur of valid) {
    active = active.filter((a) => a.o.endMs > cur.o.startMs);
    for (const a of active) {
      if (!overridesConflict(a.o, cur.o)) continue;
      const [first, second] = a.index < cur.index ? [a.o, cur.o] : [cur.o, a.o];
      out.push({ code: "conflict", overrideIds: [first.id, second.id], message: conflictMessage(first, second) });
    }
    active.push(cur);
  }
  return out;
}

/** The problems that refuse a new override next to the saved ones. */
export function checkNewOverride(candidate: Override, existing: readonly Override[], schedule?: Pick<Schedule, "layers">): OverrideProblem[] {
  const own = overrideProblems(candidate, schedule);
  if (own.length) return own;
  return existing
    .filter((o) => o.id !== candidate.id && overridesConflict(o, candidate))
    .map((o) => ({ code: "conflict" as const, overrideIds: [o.id, candidate.id], message: conflictMessage(o, candidate) }));
}
