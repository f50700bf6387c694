/**
 * SLO windows: rolling (the last N days) or calendar (this month or quarter in a time zone). Pure.
 * Calendar periods are wall-clock periods, so a month with a DST change is an hour shorter or
 * longer than 24 h × days, and its budget in minutes follows.
 */
import { TZDate } from "@date-fns/tz";
import { addMonths, addQuarters, startOfMonth, startOfQuarter } from "date-fns";

export const ROLLING_DAYS = [7, 28, 30, 90] as const;
export type SloWindow = { kind: "rolling"; days: (typeof ROLLING_DAYS)[number] } | { kind: "calendar"; unit: "month" | "quarter"; timeZone: string };

export type ResolvedWindow = {
  /** Where the budget is counted from. */
  startMs: number;
  /** The end of the period: now for rolling windows, the start of the next period for calendar ones. */
  endMs: number;
  /** Length of the whole period (the budget's time base). */
  lengthMs: number;
  /** now − start: the part of the period already behind us. */
  elapsedMs: number;
};

const DAY = 86_400_000;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function resolveWindow(w: SloWindow, nowMs: number): ResolvedWindow {
  if (w.kind === "rolling") {
    const lengthMs = w.days * DAY;
    return { startMs: nowMs - lengthMs, endMs: nowMs, lengthMs, elapsedMs: lengthMs };
  }
  if (!isValidTimeZone(w.timeZone)) throw new RangeError(`Unknown time zone: ${w.timeZone}`);
  const now = new TZDate(nowMs, w.timeZone);
  const start = w.unit === "month" ? startOfMonth(now) : startOfQuarter(now);
  const next = w.unit === "month" ? addMonths(start, 1) : addQuarters(start, 1);
  const startMs = start.getTime();
  const endMs = next.getTime();
  return { startMs, endMs, lengthMs: endMs - startMs, elapsedMs: nowMs - startMs };
}

export function describeWindow(w: SloWindow): string {
  return w.kind === "rolling" ? `${w.days} days, rolling` : `calendar ${w.unit} (${w.timeZone})`;
}
