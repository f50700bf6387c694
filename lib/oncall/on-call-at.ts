/**
 * Who is on call at an instant, per layer and finally, with the start and end of what they are
 * on: the longest stretch around the instant in which the same people stay on call (on that
 * layer, or finally), whatever overrides or turns make it up; a bound is null when no change
 * happens within ON_CALL_HORIZON_MS (35 days) of the instant. Pure.
 */
import { finalShifts } from "./final";
import { layerMaxTurnMs } from "./layer";
import type { FinalShift, Override, Schedule } from "./types";
import { DAY_MS } from "./zone";

/** How far either side of the instant a change is looked for; a stretch that reaches it has a null bound (no change within 35 days). */
export const ON_CALL_HORIZON_MS = 35 * DAY_MS;

export type OnCallStretch = { userIds: string[]; startMs: number | null; endMs: number | null };
export type LayerOnCallAt = OnCallStretch & { layerId: string; name: string };
export type OnCallAt = { atMs: number; layers: LayerOnCallAt[]; final: OnCallStretch & { sourceLayerId: string | null } };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The stretch around index `i` over which `key` stays the same, as indices, and whether it reaches either end of the list. */
function stretch(shifts: FinalShift[], i: number, key: (s: FinalShift) => string[]) {
  const users = key(shifts[i]);
  let a = i;
  let b = i;
  while (a > 0 && same(key(shifts[a - 1]), users)) a--;
  while (b + 1 < shifts.length && same(key(shifts[b + 1]), users)) b++;
  return { users, a, b, openLeft: a === 0, openRight: b === shifts.length - 1 };
}

/**
 * Looks at the final shifts in a window around the instant and widens it, on the side where a
 * stretch still reaches the edge, in growing chunks up to the horizon.
 */
export function onCallAt(schedule: Schedule, overrides: readonly Override[], atMs: number): OnCallAt {
  const keys = [(s: FinalShift) => s.userIds, ...schedule.layers.map((_, l) => (s: FinalShift) => s.layers[l].userIds)];
  let chunk = Math.min(ON_CALL_HORIZON_MS, Math.max(DAY_MS, ...schedule.layers.map(layerMaxTurnMs)));
  let lo = atMs - chunk;
  let hi = atMs + chunk;
  let shifts = finalShifts(schedule, overrides, lo, hi);
  for (;;) {
    const i = shifts.findIndex((s) => s.startMs <= atMs && atMs < s.endMs);
    const found = keys.map((key) => stretch(shifts, i, key));
    const widenLeft = found.some((f) => f.openLeft) && lo > atMs - ON_CALL_HORIZON_MS;
    const widenRight = found.some((f) => f.openRight) && hi < atMs + ON_CALL_HORIZON_MS;
    if (!widenLeft && !widenRight) {
      const bounds = (f: (typeof found)[number]): OnCallStretch => ({
        userIds: f.users,
        startMs: f.openLeft ? null : shifts[f.a].startMs,
        endMs: f.openRight ? null : shifts[f.b].endMs,
      });
      const [fin, ...layers] = found.map(bounds);
      return {
        atMs,
        layers: schedule.layers.map((layer, l) => ({ layerId: layer.id, name: layer.name, ...layers[l] })),
        final: { ...fin, sourceLayerId: shifts[i].sourceLayerId },
      };
    }
    chunk *= 2;
    if (widenLeft) {
      const from = Math.max(atMs - ON_CALL_HORIZON_MS, lo - chunk);
      shifts = [...finalShifts(schedule, overrides, from, lo), ...shifts];
      lo = from;
    }
    if (widenRight) {
      const to = Math.min(atMs + ON_CALL_HORIZON_MS, hi + chunk);
      shifts = [...shifts, ...finalShifts(schedule, overrides, hi, to)];
      hi = to;
    }
  }
}
