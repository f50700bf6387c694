/**
 * The turns of one rotation, before restrictions. Pure.
 *
 * Wall-clock rotations: daily (length days), weekly (length weeks) and custom rotations of whole
 * days (length a multiple of 24 hours) hand off at `handoffTime` on the schedule's wall clock, on
 * every period-th local date from `start`. They keep their hand-off time across DST, so a daily turn
 * lasts 23, 24 or 25 hours around a change (23.5/24.5 on Lord Howe). Every hand-off is one instant,
 * computed once and shared by the turn that ends and the turn that starts there, so turns are
 * contiguous by construction:
 *  - a hand-off at a time the clocks skip (spring forward) happens at the first instant after the
 *    gap (02:30 in Chicago on the changing Sunday is 03:00 CDT);
 *  - a hand-off at a time the clocks repeat (fall back) happens at its first occurrence.
 * The issue words the fall-back rule as "a shift starts at the first occurrence and ends at the
 * last". At one hand-off both halves cannot hold: the outgoing turn ending at the second 01:30 while
 * the incoming one starts at the first would put two people on call for the repeated hour (30
 * minutes on Lord Howe). Keel keeps "starts at the first occurrence" (the rule SLO corrections use
 * for wall-clock times too) and ends the outgoing turn at the same instant, so turns never overlap
 * or leave a gap and the repeated hour is on call exactly once: the part of it before the hand-off
 * belongs to the outgoing turn, the rest, the whole second pass included, to the incoming one. A
 * turn that spans the change without handing off inside it simply holds both passes (25 h). With a
 * hand-off inside the repeated hour (01:30 in Chicago) the turn ending there lasts 24 h and the
 * one starting there 25 h.
 *
 * Elapsed-time rotations: hourly and the other custom rotations are `length` hours of elapsed
 * time, counted from the first hand-off (`handoffTime` on `start`, placed in the zone as above),
 * so their hand-offs drift by the DST change on the wall clock, as a 12-hour or 36-hour pattern
 * must.
 */
import type { Rotation } from "./types";
import { HOUR_MS, localDay, localInstant, requireLocalDate, requireTimeOfDay } from "./zone";

export type Turn = { turn: number; userId: string; startMs: number; endMs: number };

/** Turn-length bounds, per type: at most a year of hours, a year of days, a year of weeks. */
export const MAX_LENGTH: Record<Rotation["type"], number> = { hourly: 8784, daily: 366, weekly: 52, custom: 8784 };

/** Throws a RangeError that says what is wrong with a rotation. */
export function checkRotation(r: Rotation): void {
  if (!["hourly", "daily", "weekly", "custom"].includes(r.type)) throw new RangeError(`Unknown rotation type "${r.type}": use hourly, daily, weekly or custom.`);
  if (!Number.isInteger(r.length) || r.length < 1 || r.length > MAX_LENGTH[r.type]) {
    throw new RangeError(`A ${r.type} rotation's length must be a whole number from 1 to ${MAX_LENGTH[r.type]}; got ${r.length}.`);
  }
  if (!r.participants.length) throw new RangeError("A rotation needs at least one participant.");
  if (r.participants.some((p) => typeof p !== "string" || !p)) throw new RangeError("Participants must be non-empty user ids.");
  requireTimeOfDay(r.handoffTime, "Hand-off time");
  requireLocalDate(r.start, "Start date");
}

/** The rotation's period in local days when it hands off on the wall clock, else null (elapsed time). */
export function wallClockPeriodDays(r: Rotation): number | null {
  if (r.type === "daily") return r.length;
  if (r.type === "weekly") return 7 * r.length;
  if (r.type === "custom" && r.length % 24 === 0) return r.length / 24;
  return null;
}

/** The longest a turn can last, in ms (a wall-clock day may be 25 h). */
export function maxTurnMs(r: Rotation): number {
  const days = wallClockPeriodDays(r);
  return days === null ? r.length * HOUR_MS : days * 25 * HOUR_MS;
}

/** The turns overlapping [fromMs, toMs), unclipped, in order. None before the first hand-off. */
export function rotationTurns(r: Rotation, tz: string, fromMs: number, toMs: number): Turn[] {
  checkRotation(r);
  const out: Turn[] = [];
  if (!(toMs > fromMs)) return out;
  const startDay = requireLocalDate(r.start, "Start date");
  const handoff = requireTimeOfDay(r.handoffTime, "Hand-off time");
  const n = r.participants.length;
  const periodDays = wallClockPeriodDays(r);

  if (periodDays !== null) {
    const at = (k: number) => localInstant(startDay + k * periodDays, handoff, tz);
    let k = Math.max(0, Math.floor((localDay(fromMs, tz) - startDay) / periodDays) - 1);
    let start = at(k);
    while (start < toMs) {
      const end = at(k + 1);
      if (end > fromMs) out.push({ turn: k, userId: r.participants[k % n], startMs: start, endMs: end });
      k++;
      start = end;
    }
    return out;
  }

  const lengthMs = r.length * HOUR_MS;
  const anchor = localInstant(startDay, handoff, tz);
  let k = Math.max(0, Math.floor((fromMs - anchor) / lengthMs));
  for (let start = anchor + k * lengthMs; start < toMs; k++, start += lengthMs) {
    if (start + lengthMs > fromMs) out.push({ turn: k, userId: r.participants[k % n], startMs: start, endMs: start + lengthMs });
  }
  return out;
}
