/**
 * OpenSLO timeWindow, budgetingMethod and objectives ↔ Keel's window, budgeting and target. Pure.
 */
import type { Budgeting } from "./definition";
import { isRecord, text, type DocScope } from "./interop-errors";
import { numberOf, percentToRatio } from "./openslo-fields";
import { isValidTimeZone, ROLLING_DAYS, type SloWindow } from "./window";

const ROLLING_LIST = ROLLING_DAYS.map((d) => `${d}d`).join(", ");
const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
/** Any day 1 of January is the start of both a month and a quarter. */
export const CALENDAR_START = "2020-01-01 00:00:00";

export function readWindow(tw: unknown, scope: DocScope): SloWindow | undefined {
  if (tw === undefined || tw === null) return scope.error(`spec.timeWindow is required: Keel needs one window (rolling ${ROLLING_LIST}, or a calendar 1M / 1Q).`);
  const list = Array.isArray(tw) ? tw : [tw];
  if (list.length !== 1) return scope.error(`spec.timeWindow must have exactly one item (found ${list.length}).`);
  const w = list[0];
  if (!isRecord(w)) return scope.error("spec.timeWindow[0] must be a map with duration and isRolling.");
  const duration = typeof w.duration === "number" ? `${w.duration}m` : text(w.duration);
  if (!duration) return scope.error("spec.timeWindow[0].duration is required, e.g. 30d or 1M.");
  if (w.isRolling !== undefined && typeof w.isRolling !== "boolean") return scope.error("spec.timeWindow[0].isRolling must be true or false.");
  const rolling = w.isRolling ?? w.calendar === undefined;
  return rolling ? rollingWindow(duration, scope) : calendarWindow(duration, w.calendar, scope);
}

function rollingWindow(duration: string, scope: DocScope): SloWindow | undefined {
  const m = /^(\d+)([mhdw])$/.exec(duration);
  const days = m ? (Number(m[1]) * MINUTES[m[2]]) / 1440 : NaN;
  const allowed = ROLLING_DAYS.find((d) => d === days);
  if (allowed === undefined) return scope.error(`Rolling window "${duration}" is not supported: use one of ${ROLLING_LIST}.`);
  return { kind: "rolling", days: allowed };
}

function calendarWindow(duration: string, calendar: unknown, scope: DocScope): SloWindow | undefined {
  const unit = duration === "1M" ? "month" : duration === "1Q" ? "quarter" : undefined;
  if (!unit) return scope.error(`Calendar window "${duration}" is not supported: use 1M (a calendar month) or 1Q (a calendar quarter).`);
  if (!isRecord(calendar)) return scope.error("A calendar window needs calendar.timeZone (an IANA name such as Europe/Berlin).");
  const timeZone = text(calendar.timeZone);
  if (!timeZone) return scope.error("calendar.timeZone is required (an IANA name such as Europe/Berlin).");
  if (!isValidTimeZone(timeZone)) return scope.error(`calendar.timeZone "${timeZone}" is not a known IANA time zone.`);
  const start = calendar.startTime instanceof Date ? calendar.startTime.toISOString() : text(calendar.startTime);
  if (start !== undefined) {
    const s = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(start);
    if (!s) return scope.error(`calendar.startTime "${start}" is not a date such as 2024-01-01 00:00:00.`);
    const month = Number(s[2]);
    if (s[3] !== "01" || (unit === "quarter" && month % 3 !== 1)) {
      return scope.error(`calendar.startTime ${start}: Keel's calendar ${unit}s start on the first day of a ${unit === "month" ? "month" : "quarter (January, April, July, October)"}.`);
    }
    if ((s[4] ?? "00") !== "00" || (s[5] ?? "00") !== "00" || (s[6] ?? "00") !== "00") {
      scope.note(`calendar.startTime ${start}: Keel's calendar ${unit}s start at midnight (${timeZone}); the time of day is ignored.`);
    }
  }
  return { kind: "calendar", unit, timeZone };
}

/** target (0.999) or targetPercent (99.9) → a ratio strictly between 0 and 1. */
export function readTarget(o: Record<string, unknown>, scope: DocScope): number | undefined {
  if (o.target !== undefined && o.targetPercent !== undefined) return scope.error("An objective has both target and targetPercent: give one.");
  if (o.targetPercent !== undefined) {
    const p = numberOf(o.targetPercent);
    if (p === undefined || !(p > 0 && p < 100)) return scope.error(`targetPercent must be a number between 0 and 100 (exclusive), not ${JSON.stringify(o.targetPercent)}.`);
    return percentToRatio(p);
  }
  if (o.target === undefined) return scope.error("An objective needs target (e.g. 0.999) or targetPercent (e.g. 99.9).");
  const t = numberOf(o.target);
  if (t === undefined || !(t > 0 && t < 1)) return scope.error(`target must be a ratio between 0 and 1 (exclusive), e.g. 0.999, not ${JSON.stringify(o.target)}.`);
  return t;
}

/**
 * Occurrences → occurrences. Timeslices → timeslices with the slice size and slice target.
 * RatioTimeslices (the average of slice ratios) has no Keel equivalent: with a timeSliceTarget it
 * becomes timeslices (good slices / slices), without one occurrences (the event-weighted ratio,
 * which is what the average of slice ratios approximates when traffic is even).
 */
export function readBudgeting(method: unknown, o: Record<string, unknown>, scope: DocScope): Budgeting | undefined {
  const m = method === undefined ? "occurrences" : typeof method === "string" ? method.toLowerCase() : "";
  if (method === undefined) scope.note("spec.budgetingMethod is not set: Occurrences is used.");
  if (m === "occurrences") return { method: "occurrences" };
  if (m === "ratiotimeslices") {
    if (o.timeSliceTarget === undefined) {
      scope.note("RatioTimeslices (average of slice ratios) is imported as Occurrences (good events / all events over the window): Keel does not average ratios.");
      return { method: "occurrences" };
    }
    scope.note("RatioTimeslices is imported as Timeslices: Keel counts the slices that meet timeSliceTarget rather than averaging slice ratios.");
  } else if (m !== "timeslices") {
    return scope.error(`spec.budgetingMethod must be Occurrences, Timeslices or RatioTimeslices, not ${JSON.stringify(method)}.`);
  }
  const sliceTarget = numberOf(o.timeSliceTarget);
  if (sliceTarget === undefined || !(sliceTarget > 0 && sliceTarget < 1)) {
    return scope.error(`Timeslices budgeting needs timeSliceTarget between 0 and 1 (exclusive), e.g. 0.95, not ${JSON.stringify(o.timeSliceTarget ?? null)}.`);
  }
  const win = typeof o.timeSliceWindow === "number" ? `${o.timeSliceWindow}m` : text(o.timeSliceWindow);
  const sliceMinutes = win === "1m" ? 1 : win === "5m" ? 5 : undefined;
  if (!sliceMinutes) return scope.error(`timeSliceWindow must be 1m or 5m (Keel's slice sizes), not ${JSON.stringify(o.timeSliceWindow ?? null)}.`);
  return { method: "timeslices", sliceMinutes, sliceTarget };
}

export function windowToOpenSlo(w: SloWindow): Record<string, unknown> {
  if (w.kind === "rolling") return { duration: `${w.days}d`, isRolling: true };
  return { duration: w.unit === "month" ? "1M" : "1Q", isRolling: false, calendar: { startTime: CALENDAR_START, timeZone: w.timeZone } };
}

export function budgetingToOpenSlo(b: Budgeting): { budgetingMethod: string; objective: Record<string, unknown> } {
  if (b.method === "occurrences") return { budgetingMethod: "Occurrences", objective: {} };
  return { budgetingMethod: "Timeslices", objective: { timeSliceTarget: b.sliceTarget, timeSliceWindow: `${b.sliceMinutes}m` } };
}
