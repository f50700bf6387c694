/**
 * The period of the on-call health and compensation reports, from URL parameters. Pure.
 * `from` and `to` are dates (YYYY-MM-DD, whole UTC days, `to` included) or ISO date-times with a
 * zone (`to` excluded). Without them: the 28 days up to the end of today (UTC). At most 366 days.
 */
import { DAY_MS } from "./zone";

export const DEFAULT_PERIOD_DAYS = 28;
export const MAX_PERIOD_DAYS = 366;

export type Period = { fromMs: number; toMs: number };
export type PeriodResult = { ok: true; period: Period } | { ok: false; fields: Record<string, string[]> };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function instant(value: string, end: boolean): number | null {
  const m = DATE.exec(value);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const back = new Date(ms);
    if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
    return end ? ms + DAY_MS : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function parsePeriod(params: { from?: string | null; to?: string | null }, nowMs: number): PeriodResult {
  const fields: Record<string, string[]> = {};
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const to = params.to ? instant(params.to.trim(), true) : today + DAY_MS;
  if (to === null) fields.to = ["The end is a date (YYYY-MM-DD) or an ISO date-time with a zone."];
  const from = params.from ? instant(params.from.trim(), false) : (to ?? today + DAY_MS) - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (from === null) fields.from = ["The start is a date (YYYY-MM-DD) or an ISO date-time with a zone."];
  if (from !== null && to !== null) {
    if (to <= from) fields.to = ["The end must be after the start."];
    else if (to - from > MAX_PERIOD_DAYS * DAY_MS) fields.to = [`The period is at most ${MAX_PERIOD_DAYS} days.`];
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, period: { fromMs: from!, toMs: to! } };
}

/** The period asked for, or the default one with the problems to show when the parameters are bad. */
export function periodOrDefault(params: { from?: string | null; to?: string | null }, nowMs: number): { period: Period; fields: Record<string, string[]> | null } {
  const asked = parsePeriod(params, nowMs);
  if (asked.ok) return { period: asked.period, fields: null };
  const fallback = parsePeriod({}, nowMs);
  if (!fallback.ok) throw new Error("The default period is always valid.");
  return { period: fallback.period, fields: asked.fields };
}

/** The period as URL parameters (dates when it is whole UTC days). */
export function periodParams(p: Period): { from: string; to: string } {
  const whole = p.fromMs % DAY_MS === 0 && p.toMs % DAY_MS === 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  return whole ? { from: iso(p.fromMs).slice(0, 10), to: iso(p.toMs - DAY_MS).slice(0, 10) } : { from: iso(p.fromMs), to: iso(p.toMs) };
}
