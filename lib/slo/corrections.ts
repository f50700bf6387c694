/**
 * SLO corrections (maintenance windows): periods, one-off or recurring by an RFC 5545 RRULE, whose
 * events count neither for the SLI nor against the error budget. Pure.
 *
 * Recurrences are wall-clock times in the correction's zone ("every Sunday 02:00 Europe/London"
 * stays at 02:00 local across DST): rrule expands them in floating local time and each occurrence
 * is then placed in the zone. A local time the clocks skip (spring forward) moves to the first
 * instant after the gap; one they repeat (fall back) is the earlier of the two. The duration is
 * elapsed time. A rule's start sets the time of day and the earliest date; its occurrences are the
 * rule's dates from there on.
 */
import * as rruleNs from "rrule";
import type { Options } from "rrule";
import { isValidTimeZone } from "./window";
import { parseRrule, WEEKDAYS, type CorrectionRule, type WeekdayCode } from "./rrule-text";
import { fromWallClock, toWallClock } from "./wall-clock";

export { formatRrule, parseRrule, WEEKDAYS, type CorrectionRule, type RruleResult, type WeekdayCode } from "./rrule-text";
export { fromWallClock, localDateTimeToMs, toWallClock } from "./wall-clock";

type RRuleModule = typeof rruleNs;
/** Bundlers load rrule's ES module; plain Node (tsx scripts) loads its UMD build, whose exports sit on `default`. */
const rrule: RRuleModule = rruleNs.RRule ? rruleNs : (rruleNs as unknown as { default: RRuleModule }).default;
const { RRule, Weekday } = rrule;

export const MIN_MS = 60_000;
const HOUR = 60 * MIN_MS;
const DAY = 24 * HOUR;
/** At most this many occurrences of one correction are expanded per query; more is reported as truncated. */
export const MAX_OCCURRENCES = 2000;
/** The longest correction: 31 days, in minutes. */
export const MAX_DURATION_MINUTES = 44_640;
const LAST_WALL_CLOCK = Date.UTC(9999, 11, 31);

/** A correction as stored: what the expansion needs. */
export type CorrectionSpec = {
  id: string;
  reason: string;
  startsAt: Date | string;
  durationMinutes: number;
  rrule: string | null;
  timeZone: string;
};

export type CorrectionInterval = { startMs: number; endMs: number; correctionIds: string[]; reasons: string[] };

// ---- Expansion ------------------------------------------------------------------------------

export type Prepared = { id: string; reason: string; startMs: number; durMs: number; tz: string; rule: CorrectionRule | null };

export function prepare(c: CorrectionSpec): Prepared {
  const parsed = c.rrule ? parseRrule(c.rrule) : null;
  return {
    id: c.id,
    reason: c.reason,
    startMs: Math.floor(new Date(c.startsAt).getTime() / MIN_MS) * MIN_MS,
    durMs: c.durationMinutes * MIN_MS,
    tz: isValidTimeZone(c.timeZone) ? c.timeZone : "UTC",
    // A stored rule Keel no longer accepts counts as its first occurrence only (the least it can exclude).
    rule: parsed?.ok ? parsed.rule : null,
  };
}

function rruleOptions(rule: CorrectionRule, wallStart: number): Partial<Options> {
  const day = (code: WeekdayCode, nth?: number) => new Weekday(WEEKDAYS.indexOf(code), nth);
  let until: Date | null = null;
  // A UTC UNTIL is checked exactly on the instants; rrule only needs a bound a few hours beyond it.
  if (rule.until) until = new Date(rule.until.utc ? rule.until.ms + DAY : rule.until.ms);
  return {
    freq: { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY }[rule.freq],
    interval: rule.interval,
    byweekday: rule.byDay.length ? rule.byDay.map((d) => day(d.day, d.nth)) : null,
    bymonthday: rule.byMonthDay.length ? rule.byMonthDay : null,
    wkst: rule.wkst ? day(rule.wkst) : null,
    count: rule.count ?? null,
    until,
    dtstart: new Date(wallStart),
  };
}

/**
 * Calls `visit` with the start of each occurrence whose local start lies in [wallFrom, wallTo], in
 * order, until it returns false.
 */
function eachOccurrence(p: Prepared, wallFrom: number, wallTo: number, visit: (startMs: number) => boolean): void {
  if (!p.rule) {
    visit(p.startMs);
    return;
  }
  const wallStart = toWallClock(p.startMs, p.tz);
  const until = p.rule.until;
  new RRule(rruleOptions(p.rule, wallStart)).between(new Date(wallFrom), new Date(wallTo), true, (d) => {
    const wall = d.getTime();
    const start = wall === wallStart ? p.startMs : fromWallClock(wall, p.tz);
    if (until?.utc && start > until.ms) return false;
    return visit(start);
  });
}

/**
 * The occurrences overlapping [fromMs, toMs), clipped to it, bounds on whole minutes (within the
 * range), overlapping and adjacent ones merged, in order; and whether a correction had more than
 * `maxOccurrences` occurrences in the range (the rest are left out).
 */
export function expandCorrections(
  corrections: readonly CorrectionSpec[],
  fromMs: number,
  toMs: number,
  maxOccurrences = MAX_OCCURRENCES,
): { intervals: CorrectionInterval[]; truncated: boolean } {
  const pieces: { startMs: number; endMs: number; id: string; reason: string }[] = [];
  let truncated = false;
  if (!(toMs > fromMs)) return { intervals: [], truncated };
  for (const c of corrections) {
    const p = prepare(c);
    let n = 0;
    eachOccurrence(p, fromMs - p.durMs - DAY, toMs + DAY, (start) => {
      if (start >= toMs) return false;
      const end = start + p.durMs;
      if (end <= fromMs) return true;
      if (n === maxOccurrences) {
        truncated = true;
        return false;
      }
      n++;
      const startMs = Math.max(fromMs, Math.floor(start / MIN_MS) * MIN_MS);
      const endMs = Math.min(toMs, Math.ceil(end / MIN_MS) * MIN_MS);
      if (endMs > startMs) pieces.push({ startMs, endMs, id: p.id, reason: p.reason });
      return true;
    });
  }
  pieces.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const intervals: CorrectionInterval[] = [];
  for (const piece of pieces) {
    const last = intervals.at(-1);
    if (last && piece.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, piece.endMs);
      if (!last.correctionIds.includes(piece.id)) last.correctionIds.push(piece.id);
      if (!last.reasons.includes(piece.reason)) last.reasons.push(piece.reason);
    } else {
      intervals.push({ startMs: piece.startMs, endMs: piece.endMs, correctionIds: [piece.id], reasons: [piece.reason] });
    }
  }
  return { intervals, truncated };
}

/** The excluded periods within [fromMs, toMs), merged and sorted (see expandCorrections; at most MAX_OCCURRENCES per correction). */
export function correctionIntervals(corrections: readonly CorrectionSpec[], fromMs: number, toMs: number): CorrectionInterval[] {
  return expandCorrections(corrections, fromMs, toMs).intervals;
}

/** The occurrence in progress at `nowMs`, else the next one; null when none is left. */
export function nextOccurrence(c: CorrectionSpec, nowMs: number): { startMs: number; endMs: number } | null {
  const p = prepare(c);
  let found: { startMs: number; endMs: number } | null = null;
  eachOccurrence(p, nowMs - p.durMs - DAY, LAST_WALL_CLOCK, (start) => {
    if (start + p.durMs <= nowMs) return true;
    found = { startMs: start, endMs: start + p.durMs };
    return false;
  });
  return found;
}

