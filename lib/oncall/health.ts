/**
 * On-call health over a period, per person and for the team (what the SRE book asks about). Pure.
 *
 * Definitions (all times clipped to the period [fromMs, toMs)):
 *  - hours on call: the union of the person's on-call intervals, split into business hours,
 *    off-hours and nights on the person's own wall clock (day-parts.ts);
 *  - pages during shifts: pages to the person at an instant they were on call; pages to them at
 *    other times are counted apart (`pagesOutsideShifts`: escalations reaching them as managers,
 *    direct pages);
 *  - off-hours interruptions: pages during shifts that fall outside business hours (off-hours or
 *    night), with the night ones also counted on their own;
 *  - incidents: distinct incidents among the pages during shifts (a page without an incident is
 *    one of its own); each counts once, in the 12-hour block of its first page;
 *  - 12-hour shifts: each continuous on-call stretch is cut into 12-hour blocks from its start
 *    (the last may be shorter); the SRE book's ceiling is two incidents per 12-hour shift, so the
 *    report gives the busiest block and how many blocks had more than two, and the average
 *    incidents per 12 hours on call;
 *  - share of time on call: hours on call ÷ hours in the period, against the book's 25 % ceiling.
 * The team figures are sums over the people (an incident that paged two people counts for each);
 * the team share is the mean share.
 */
import { splitDayParts, dayPartAt } from "./day-parts";
import { mergeIntervals, type Interval } from "./intervals";
import type { FinalShift } from "./types";
import { assertTimeZone, HOUR_MS } from "./zone";

export type OnCallInterval = { userId: string; startMs: number; endMs: number };
export type Page = { id: string; atMs: number; userId: string; incidentId?: string | null };

export const SRE_MAX_INCIDENTS_PER_12H = 2;
export const SRE_MAX_ON_CALL_SHARE = 0.25;
const BLOCK_MS = 12 * HOUR_MS;

/**
 * Each person's on-call time from final shifts, merged into stretches: the final people only, or
 * (`layers: true`) anyone on call on any layer, backups included.
 */
export function personIntervals(shifts: readonly FinalShift[], { layers = false }: { layers?: boolean } = {}): OnCallInterval[] {
  const byUser = new Map<string, Interval[]>();
  for (const s of shifts) {
    const people = new Set(layers ? [...s.userIds, ...s.layers.flatMap((l) => l.userIds)] : s.userIds);
    for (const u of people) {
      const list = byUser.get(u) ?? [];
      list.push({ startMs: s.startMs, endMs: s.endMs });
      byUser.set(u, list);
    }
  }
  return [...byUser].flatMap(([userId, list]) => mergeIntervals(list).map((i) => ({ userId, ...i })));
}

export type PersonHealth = {
  userId: string;
  timeZone: string;
  onCallHours: number;
  businessHours: number;
  offHours: number;
  nightHours: number;
  /** On-call hours ÷ hours in the period. */
  share: number;
  overShareCeiling: boolean;
  pages: number;
  pagesOutsideShifts: number;
  offHoursInterruptions: number;
  nightInterruptions: number;
  incidents: number;
  /** Incidents per 12 hours on call (0 when never on call). */
  incidentsPer12h: number;
  blocks12h: number;
  maxIncidentsIn12h: number;
  blocksOverLimit: number;
};

export type TeamHealth = Omit<PersonHealth, "userId" | "timeZone" | "overShareCeiling"> & { people: number; peopleOverShareCeiling: number };

export type HealthOptions = {
  fromMs: number;
  toMs: number;
  /** Each person's zone; missing people use `defaultTimeZone` (UTC unless given). */
  timeZones: Readonly<Record<string, string>>;
  defaultTimeZone?: string;
  /** People to report even with no on-call time (the team). */
  people?: readonly string[];
};

const hours = (ms: number) => ms / HOUR_MS;

export function onCallHealth(intervals: readonly OnCallInterval[], pages: readonly Page[], opts: HealthOptions): { people: PersonHealth[]; team: TeamHealth } {
  const { fromMs, toMs } = opts;
  if (!(toMs > fromMs)) throw new RangeError("The period must end after it starts.");
  const periodMs = toMs - fromMs;
  const zoneOf = (u: string) => opts.timeZones[u] ?? opts.defaultTimeZone ?? "UTC";
  const users = [...new Set([...(opts.people ?? []), ...intervals.map((i) => i.userId), ...pages.map((p) => p.userId)])].sort();

  const people = users.map((userId): PersonHealth => {
    const tz = zoneOf(userId);
    assertTimeZone(tz);
    const stretches = mergeIntervals(
      intervals.filter((i) => i.userId === userId).map((i) => ({ startMs: Math.max(fromMs, i.startMs), endMs: Math.min(toMs, i.endMs) })),
    );
    const parts = { business: 0, "off-hours": 0, night: 0 };
    for (const s of stretches) {
      const p = splitDayParts(s.startMs, s.endMs, tz);
      parts.business += p.business;
      parts["off-hours"] += p["off-hours"];
      parts.night += p.night;
    }
    const onCallMs = parts.business + parts["off-hours"] + parts.night;
    const mine = pages.filter((p) => p.userId === userId && p.atMs >= fromMs && p.atMs < toMs).sort((a, b) => a.atMs - b.atMs);
    const inShift = mine.filter((p) => stretches.some((s) => s.startMs <= p.atMs && p.atMs < s.endMs));
    let offHoursInterruptions = 0;
    let nightInterruptions = 0;
    for (const p of inShift) {
      const part = dayPartAt(p.atMs, tz);
      if (part !== "business") offHoursInterruptions++;
      if (part === "night") nightInterruptions++;
    }
    // Incidents, each in the 12-hour block of its first page.
    const seen = new Set<string>();
    const perBlock = new Map<string, number>();
    let blocks12h = 0;
    for (const s of stretches) blocks12h += Math.ceil((s.endMs - s.startMs) / BLOCK_MS);
    for (const p of inShift) {
      const key = p.incidentId ?? `page:${p.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = stretches.find((x) => x.startMs <= p.atMs && p.atMs < x.endMs)!;
      const block = `${s.startMs}:${Math.floor((p.atMs - s.startMs) / BLOCK_MS)}`;
      perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
    }
    const counts = [...perBlock.values()];
    const share = onCallMs / periodMs;
    return {
      userId,
      timeZone: tz,
      onCallHours: hours(onCallMs),
      businessHours: hours(parts.business),
      offHours: hours(parts["off-hours"]),
      nightHours: hours(parts.night),
      share,
      overShareCeiling: share > SRE_MAX_ON_CALL_SHARE,
      pages: inShift.length,
      pagesOutsideShifts: mine.length - inShift.length,
      offHoursInterruptions,
      nightInterruptions,
      incidents: seen.size,
      incidentsPer12h: onCallMs ? (seen.size * BLOCK_MS) / onCallMs : 0,
      blocks12h,
      maxIncidentsIn12h: Math.max(0, ...counts),
      blocksOverLimit: counts.filter((c) => c > SRE_MAX_INCIDENTS_PER_12H).length,
    };
  });

  const sum = (f: (p: PersonHealth) => number) => people.reduce((a, p) => a + f(p), 0);
  const onCallHours = sum((p) => p.onCallHours);
  const incidents = sum((p) => p.incidents);
  const team: TeamHealth = {
    people: people.length,
    onCallHours,
    businessHours: sum((p) => p.businessHours),
    offHours: sum((p) => p.offHours),
    nightHours: sum((p) => p.nightHours),
    share: people.length ? onCallHours / (people.length * hours(periodMs)) : 0,
    peopleOverShareCeiling: people.filter((p) => p.overShareCeiling).length,
    pages: sum((p) => p.pages),
    pagesOutsideShifts: sum((p) => p.pagesOutsideShifts),
    offHoursInterruptions: sum((p) => p.offHoursInterruptions),
    nightInterruptions: sum((p) => p.nightInterruptions),
    incidents,
    incidentsPer12h: onCallHours ? (incidents * 12) / onCallHours : 0,
    blocks12h: sum((p) => p.blocks12h),
    maxIncidentsIn12h: Math.max(0, ...people.map((p) => p.maxIncidentsIn12h)),
    blocksOverLimit: sum((p) => p.blocksOverLimit),
  };
  return { people, team };
}
