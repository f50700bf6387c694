/** Whole-schedule checks: a known zone, at least one layer, unique layer ids, each layer valid. Pure. */
import { checkLayer } from "./layer";
import type { Schedule } from "./types";
import { assertTimeZone } from "./zone";

/** Throws a RangeError that says what is wrong with the schedule. */
export function checkSchedule(schedule: Schedule): void {
  assertTimeZone(schedule.timeZone);
  if (!schedule.layers.length) throw new RangeError("A schedule needs at least one layer.");
  const seen = new Set<string>();
  for (const layer of schedule.layers) {
    if (seen.has(layer.id)) throw new RangeError(`Two layers have the id "${layer.id}".`);
    seen.add(layer.id);
    checkLayer(layer);
  }
}
