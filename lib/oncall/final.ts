/**
 * The final schedule: layers and overrides merged into who is on call, per layer and in the end.
 * Pure.
 *
 * At each instant, per layer: the layer's shift (if any) gives one person; then that layer's
 * overrides apply (`replace` sets the one person, `remove` takes a person off, `add` puts one on),
 * then overrides without a layer: `remove` takes the person off every layer, and `replace`/`add`
 * act on the top layer that still has someone (the highest layer when none has). The final people
 * are the top covered layer's (a higher layer overrides the lower ones, as in PagerDuty); nobody
 * is a gap. Overrides are expected to be free of conflicts (overrides.ts refuses the others on
 * save); should conflicting ones be stored anyway, they apply in a fixed order — replace, remove,
 * add, each by start then id — so the result is still defined. Overrides with an empty range or an
 * unknown layer are ignored. The schedule itself is checked (checkSchedule) and refused with a
 * RangeError when invalid.
 */
import { checkRange, layerShifts } from "./layer";
import { checkSchedule } from "./schedule";
import type { FinalShift, LayerOnCall, LayerShift, Override, Schedule } from "./types";

const KIND_ORDER = { replace: 0, remove: 1, add: 2 } as const;

function applicable(schedule: Schedule, overrides: readonly Override[], fromMs: number, toMs: number): Override[] {
  const layerIds = new Set(schedule.layers.map((l) => l.id));
  return overrides
    .filter((o) => o.endMs > o.startMs && o.endMs > fromMs && o.startMs < toMs && (!o.layerId || layerIds.has(o.layerId)) && o.kind in KIND_ORDER)
    .sort((a, b) => a.startMs - b.startMs);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameShift(a: FinalShift, b: FinalShift): boolean {
  return (
    sameList(a.userIds, b.userIds) &&
    a.sourceLayerId === b.sourceLayerId &&
    sameList(a.overrideIds, b.overrideIds) &&
    a.overridden === b.overridden &&
    a.layers.every((l, i) => sameList(l.userIds, b.layers[i].userIds))
  );
}

const byApplicationOrder = (a: Override, b: Override) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function apply(set: string[], o: Override): string[] {
  if (o.kind === "replace") return [o.userId];
  if (o.kind === "remove") return set.includes(o.userId) ? set.filter((u) => u !== o.userId) : set;
  return set.includes(o.userId) ? set : [...set, o.userId];
}

/** As resolveOnCall, with `ordered` already in application order (replace, remove, add; by start, id). */
function resolveOrdered(layerIds: readonly string[], basePeople: readonly (string | null)[], ordered: readonly Override[]) {
  const sets = basePeople.map((p) => (p === null ? [] : [p]));
  for (const o of ordered) {
    if (!o.layerId) continue;
    const i = layerIds.indexOf(o.layerId);
    if (i >= 0) sets[i] = apply(sets[i], o);
  }
  for (const o of ordered) if (!o.layerId && o.kind === "remove") for (let i = 0; i < sets.length; i++) sets[i] = apply(sets[i], o);
  for (const o of ordered) {
    if (o.layerId || o.kind === "remove" || !sets.length) continue;
    let top = sets.length - 1;
    while (top > 0 && !sets[top].length) top--;
    if (!sets[top].length) top = sets.length - 1;
    sets[top] = apply(sets[top], o);
  }
  let source = sets.length - 1;
  while (source >= 0 && !sets[source].length) source--;
  return {
    layers: layerIds.map((layerId, i) => ({ layerId, userIds: sets[i] })),
    userIds: source >= 0 ? [...sets[source]] : [],
    sourceLayerId: source >= 0 ? layerIds[source] : null,
  };
}

/** Who is on call on each layer and finally, given each layer's shift person (null: none) and the overrides in effect. */
export function resolveOnCall(
  layerIds: readonly string[],
  basePeople: readonly (string | null)[],
  active: readonly Override[],
): { layers: LayerOnCall[]; userIds: string[]; sourceLayerId: string | null } {
  if (!active.length) {
    let top = basePeople.length - 1;
    while (top >= 0 && basePeople[top] === null) top--;
    return {
      layers: layerIds.map((layerId, i) => ({ layerId, userIds: basePeople[i] === null ? [] : [basePeople[i]!] })),
      userIds: top >= 0 ? [basePeople[top]!] : [],
      sourceLayerId: top >= 0 ? layerIds[top] : null,
    };
  }
  return resolveOrdered(layerIds, basePeople, [...active].sort(byApplicationOrder));
}

/**
 * The final shifts over [fromMs, toMs): contiguous pieces that partition the range (gaps
 * included, with nobody), each with who is on call per layer and finally and the overrides in
 * effect; neighbours that agree on all of that are one piece (so one person's consecutive turns
 * read as one shift).
 */
export function finalShifts(schedule: Schedule, overrides: readonly Override[], fromMs: number, toMs: number): FinalShift[] {
  checkSchedule(schedule);
  checkRange(fromMs, toMs);
  const out: FinalShift[] = [];
  if (!(toMs > fromMs)) return out;
  const layerIds = schedule.layers.map((l) => l.id);
  const shifts: LayerShift[][] = schedule.layers.map((l) => layerShifts(l, schedule.timeZone, fromMs, toMs));
  const ovs = applicable(schedule, overrides, fromMs, toMs);

  const edges = new Set<number>([fromMs, toMs]);
  for (const list of shifts) for (const s of list) edges.add(s.startMs).add(s.endMs);
  for (const o of ovs) {
    if (o.startMs > fromMs) edges.add(o.startMs);
    if (o.endMs < toMs) edges.add(o.endMs);
  }
  const bounds = [...edges].sort((a, b) => a - b);

  const next = shifts.map(() => 0);
  const people: (string | null)[] = shifts.map(() => null);
  let nextOverride = 0;
  let active: Override[] = [];
  let activeIds: string[] = [];
  let ordered: Override[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const startMs = bounds[b];
    const endMs = bounds[b + 1];
    for (let l = 0; l < shifts.length; l++) {
      const list = shifts[l];
      while (next[l] < list.length && list[next[l]].endMs <= startMs) next[l]++;
      const s = list[next[l]];
      people[l] = s && s.startMs <= startMs ? s.userId : null;
    }
    let changed = false;
    if (active.some((o) => o.endMs <= startMs)) {
      active = active.filter((o) => o.endMs > startMs);
      changed = true;
    }
    while (nextOverride < ovs.length && ovs[nextOverride].startMs <= startMs) {
      const o = ovs[nextOverride++];
      if (o.endMs > startMs) {
        active.push(o);
        changed = true;
      }
    }
    if (changed) {
      activeIds = active.map((o) => o.id).sort();
      ordered = [...active].sort(byApplicationOrder);
    }
    const base = resolveOnCall(layerIds, people, []);
    const who = ordered.length ? resolveOrdered(layerIds, people, ordered) : base;
    const overridden = ordered.length > 0 && !sameList(who.userIds, base.userIds);
    const piece: FinalShift = { startMs, endMs, userIds: who.userIds, sourceLayerId: who.sourceLayerId, layers: who.layers, overrideIds: activeIds, overridden };
    const last = out.at(-1);
    if (last && sameShift(last, piece)) last.endMs = endMs;
    else out.push(piece);
  }
  return out;
}
