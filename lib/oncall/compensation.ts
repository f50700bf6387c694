/**
 * On-call compensation over a period, with editable rates, and its CSV export. Pure.
 *
 * Per person:
 *  - stipend: the weekly stipend pro-rated by the hours on call in the period
 *    (weeklyStipend × hours on call ÷ 168), so a full week earns one stipend, a weekend two sevenths;
 *  - response pay: the hours spent responding to incidents outside business hours on the person's
 *    wall clock (off-hours and nights, day-parts.ts) × hourlyRate × responseMultiplier; response
 *    inside business hours is ordinary work and earns nothing extra;
 *  - days off: one per SEV1 incident the person responded to starting outside business hours
 *    (when `sev1DayOff` is on). Counted, not paid.
 * Amounts are rounded to cents per line; the total is stipend + response pay.
 */
import type { Severity } from "@/lib/incidents/severity";
import { splitDayParts, dayPartAt } from "./day-parts";
import { mergeIntervals } from "./intervals";
import type { OnCallInterval } from "./health";
import { assertTimeZone, HOUR_MS } from "./zone";

export type CompensationRates = {
  currency: string;
  weeklyStipend: number;
  hourlyRate: number;
  responseMultiplier: number;
  sev1DayOff: boolean;
};

export const DEFAULT_RATES: CompensationRates = { currency: "EUR", weeklyStipend: 300, hourlyRate: 50, responseMultiplier: 1.5, sev1DayOff: true };

/** Time a person spent responding to an incident. */
export type ResponseWork = { userId: string; incidentId: string; severity: Severity; startMs: number; endMs: number };

export type CompensationRow = {
  userId: string;
  timeZone: string;
  onCallHours: number;
  stipend: number;
  responseHours: number;
  responseHoursOutsideBusiness: number;
  responsePay: number;
  daysOff: number;
  /** The SEV1 incidents that earned a day off. */
  dayOffIncidents: string[];
  total: number;
  currency: string;
};

const cents = (v: number) => Math.round(v * 100) / 100;

export function compensation(
  intervals: readonly OnCallInterval[],
  work: readonly ResponseWork[],
  opts: { fromMs: number; toMs: number; timeZones: Readonly<Record<string, string>>; defaultTimeZone?: string; rates: CompensationRates; people?: readonly string[] },
): CompensationRow[] {
  const { fromMs, toMs, rates } = opts;
  if (!(toMs > fromMs)) throw new RangeError("The period must end after it starts.");
  const users = [...new Set([...(opts.people ?? []), ...intervals.map((i) => i.userId), ...work.map((w) => w.userId)])].sort();
  return users.map((userId) => {
    const tz = opts.timeZones[userId] ?? opts.defaultTimeZone ?? "UTC";
    assertTimeZone(tz);
    const clip = (i: { startMs: number; endMs: number }) => ({ startMs: Math.max(fromMs, i.startMs), endMs: Math.min(toMs, i.endMs) });
    const onCallMs = mergeIntervals(intervals.filter((i) => i.userId === userId).map(clip)).reduce((a, i) => a + i.endMs - i.startMs, 0);
    const mine = work.filter((w) => w.userId === userId);
    const responseSpans = mergeIntervals(mine.map(clip));
    let responseMs = 0;
    let outsideMs = 0;
    for (const s of responseSpans) {
      const p = splitDayParts(s.startMs, s.endMs, tz);
      responseMs += s.endMs - s.startMs;
      outsideMs += p["off-hours"] + p.night;
    }
    const dayOffIncidents = rates.sev1DayOff
      ? [...new Set(mine.filter((w) => w.severity === "SEV1" && w.startMs >= fromMs && w.startMs < toMs && dayPartAt(w.startMs, tz) !== "business").map((w) => w.incidentId))].sort()
      : [];
    const stipend = cents((rates.weeklyStipend * onCallMs) / (168 * HOUR_MS));
    const responsePay = cents((outsideMs / HOUR_MS) * rates.hourlyRate * rates.responseMultiplier);
    return {
      userId,
      timeZone: tz,
      onCallHours: onCallMs / HOUR_MS,
      stipend,
      responseHours: responseMs / HOUR_MS,
      responseHoursOutsideBusiness: outsideMs / HOUR_MS,
      responsePay,
      daysOff: dayOffIncidents.length,
      dayOffIncidents,
      total: cents(stipend + responsePay),
      currency: rates.currency,
    };
  });
}

/** A CSV cell: quoted when needed (RFC 4180); text that a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const COMPENSATION_CSV_HEADER = [
  "user",
  "name",
  "time_zone",
  "on_call_hours",
  "stipend",
  "response_hours",
  "response_hours_outside_business",
  "response_pay",
  "sev1_days_off",
  "total",
  "currency",
] as const;

/** The report as CSV (CRLF line ends, a header row); `names` maps user ids to display names. */
export function compensationCsv(rows: readonly CompensationRow[], names: Readonly<Record<string, string>> = {}): string {
  const lines = [COMPENSATION_CSV_HEADER.join(",")];
  for (const r of rows) {
    lines.push(
      [
        cell(r.userId),
        cell(names[r.userId] ?? ""),
        cell(r.timeZone),
        r.onCallHours.toFixed(2),
        r.stipend.toFixed(2),
        r.responseHours.toFixed(2),
        r.responseHoursOutsideBusiness.toFixed(2),
        r.responsePay.toFixed(2),
        String(r.daysOff),
        r.total.toFixed(2),
        cell(r.currency),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
