/**
 * The calendar page's grid: which local days a week or month view shows, and each day's pieces of
 * the final schedule and of each layer, clipped to the day with their place on a 0–100 % bar (a
 * day is 23 or 25 hours long on a DST change; the bar follows elapsed time). Pure.
 */
import type { FinalShift } from "./types";
import { DAY_MS, localDay, localInstant, parseLocalDate, weekdayIndex } from "./zone";

export type CalendarViewKind = "week" | "month";

export type Piece = { startMs: number; endMs: number; userIds: string[]; overridden: boolean; sourceLayerId: string | null; leftPct: number; widthPct: number; continues: boolean };
export type CalendarDay = { day: number; date: string; startMs: number; endMs: number; inMonth: boolean; final: Piece[]; layers: Record<string, Piece[]> };

export const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The local days a view shows: the Monday-to-Sunday week holding `anchor`, or the whole weeks covering its month. */
export function viewDays(view: CalendarViewKind, anchor: number): { days: number[]; month: number } {
  const d = new Date(anchor * DAY_MS);
  const month = d.getUTCMonth();
  if (view === "week") {
    const monday = anchor - weekdayIndex(anchor);
    return { days: Array.from({ length: 7 }, (_, i) => monday + i), month };
  }
  const first = Date.UTC(d.getUTCFullYear(), month, 1) / DAY_MS;
  const last = Date.UTC(d.getUTCFullYear(), month + 1, 0) / DAY_MS;
  const from = first - weekdayIndex(first);
  const to = last + (6 - weekdayIndex(last));
  return { days: Array.from({ length: to - from + 1 }, (_, i) => from + i), month };
}

/** The anchor day: `date` ("YYYY-MM-DD") when valid, else today in the zone. */
export function anchorDay(date: string | undefined, tz: string, nowMs: number): number {
  return (date ? parseLocalDate(date) : null) ?? localDay(nowMs, tz);
}

/** The anchor of the view before or after (a week or a month away). */
export function stepAnchor(view: CalendarViewKind, anchor: number, by: -1 | 1): number {
  if (view === "week") return anchor + 7 * by;
  const d = new Date(anchor * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + by, 1) / DAY_MS;
}

type Raw = Omit<Piece, "leftPct" | "widthPct" | "continues">;
const key = (p: Raw) => `${p.userIds.join(",")}|${p.overridden}|${p.sourceLayerId}`;

function merge(list: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const p of list) {
    const last = out.at(-1);
    if (last && last.endMs === p.startMs && key(last) === key(p)) last.endMs = p.endMs;
    else out.push({ ...p });
  }
  return out;
}

function clip(list: Raw[], startMs: number, endMs: number): Piece[] {
  const span = endMs - startMs;
  return list
    .filter((p) => p.endMs > startMs && p.startMs < endMs && p.userIds.length)
    .map((p) => {
      const a = Math.max(p.startMs, startMs);
      const b = Math.min(p.endMs, endMs);
      return { ...p, leftPct: ((a - startMs) / span) * 100, widthPct: ((b - a) / span) * 100, continues: p.startMs < startMs };
    });
}

/** Each shown day with its final and per-layer pieces. `shifts` must cover the days' range. */
export function calendarDays(shifts: readonly FinalShift[], layerIds: readonly string[], days: number[], tz: string, month: number): CalendarDay[] {
  const final = merge(shifts.map((s) => ({ startMs: s.startMs, endMs: s.endMs, userIds: s.userIds, overridden: s.overridden, sourceLayerId: s.sourceLayerId })));
  const perLayer = layerIds.map((id, i) =>
    merge(shifts.map((s) => ({ startMs: s.startMs, endMs: s.endMs, userIds: s.layers[i]?.userIds ?? [], overridden: false, sourceLayerId: id }))),
  );
  return days.map((day) => {
    const startMs = localInstant(day, 0, tz);
    const endMs = localInstant(day + 1, 0, tz);
    return {
      day,
      date: dateOf(day),
      startMs,
      endMs,
      inMonth: new Date(day * DAY_MS).getUTCMonth() === month,
      final: clip(final, startMs, endMs),
      layers: Object.fromEntries(layerIds.map((id, i) => [id, clip(perLayer[i], startMs, endMs)])),
    };
  });
}

/** The instant range a view needs shifts for. */
export function viewRange(days: number[], tz: string): { fromMs: number; toMs: number } {
  return { fromMs: localInstant(days[0], 0, tz), toMs: localInstant(days.at(-1)! + 1, 0, tz) };
}
