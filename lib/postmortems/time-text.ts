/** How times read in postmortems: UTC stamps and whole-minute durations. Pure, identical on server and browser. */

/** "2025-03-01 14:05 UTC"; an unreadable time is returned as given. */
export function utcMinute(at: string | number | Date): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "2025-03-01" (the UTC calendar day); an unreadable time is returned as given. */
export function utcDay(at: string | number | Date): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 → "under 1 min", 45 → "45 min", 72 → "1 h 12 min", 1500 → "1 d 1 h". */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 1) return "under 1 min";
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h${m % 60 ? ` ${m % 60} min` : ""}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ""}`;
}

/** Whole minutes between two instants (never negative). */
export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round((toMs - fromMs) / 60_000));
}
