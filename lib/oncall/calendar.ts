/**
 * iCalendar feeds of final shifts: one per schedule, one per person. Pure (the caller passes `now`
 * for DTSTAMP and the shifts to publish). Written with ical-generator: METHOD:PUBLISH, the name in
 * X-WR-CALNAME, times in UTC, one VEVENT per on-call stretch.
 *
 * UIDs are stable: made of the schedule, the track (final, or the person), the people and the
 * start instant — never a counter — so a calendar app refreshing the feed updates the same events.
 * An override that changes who is on call starts a new stretch, hence a new event; the event it cut
 * short keeps its UID and gets its new end. (Give the feed a range starting a while before now,
 * see calendarWindow: a stretch cut by the range's start would change UID as the range moves.)
 */
import ical, { ICalCalendarMethod } from "ical-generator";
import type { FinalShift } from "./types";
import { DAY_MS } from "./zone";

export type CalendarOptions = {
  /** The calendar's name, shown by calendar apps (X-WR-CALNAME). */
  name: string;
  scheduleId: string;
  /** DTSTAMP of every event: when the feed was made. */
  nowMs: number;
  userName?: (userId: string) => string;
  layerName?: (layerId: string) => string;
  description?: string;
  /** Link back to the schedule in Keel. */
  url?: string;
  /** The right-hand side of UIDs. */
  uidDomain?: string;
};

/** The range a feed publishes: from a week ago to a year ahead. */
export function calendarWindow(nowMs: number): { fromMs: number; toMs: number } {
  const day = Math.floor(nowMs / DAY_MS) * DAY_MS;
  return { fromMs: day - 7 * DAY_MS, toMs: day + 366 * DAY_MS };
}

type Stretch = { startMs: number; endMs: number; userIds: string[]; overridden: boolean; layers: Set<string> };

/** Adjacent shifts with the same key become one stretch. */
function stretches(shifts: readonly FinalShift[], pick: (s: FinalShift) => { key: string; userIds: string[]; layers: string[]; overridden: boolean } | null): (Stretch & { key: string })[] {
  const out: (Stretch & { key: string })[] = [];
  for (const s of shifts) {
    const p = pick(s);
    if (!p) continue;
    const last = out.at(-1);
    const key = `${p.key}|${p.overridden}`;
    if (last && last.key === key && last.endMs === s.startMs) {
      last.endMs = s.endMs;
      p.layers.forEach((l) => last.layers.add(l));
    } else out.push({ key, startMs: s.startMs, endMs: s.endMs, userIds: p.userIds, overridden: p.overridden, layers: new Set(p.layers) });
  }
  return out;
}

/** A short stable hash (FNV-1a, 32 bits) for UIDs. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, "");
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40);

function calendar(opts: CalendarOptions, events: { uid: string; s: Stretch; summary: string; description: string }[]): string {
  const cal = ical({
    name: opts.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: "Keel", product: "On-call", language: "EN" },
    description: opts.description ?? null,
    url: opts.url ?? null,
    ttl: 60 * 60,
  });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      start: new Date(e.s.startMs),
      end: new Date(e.s.endMs),
      stamp: new Date(opts.nowMs),
      summary: e.summary,
      description: e.description,
      url: opts.url ?? null,
      categories: [{ name: "On call" }, ...(e.s.overridden ? [{ name: "Override" }] : [])],
      x: e.s.overridden ? { "X-KEEL-OVERRIDE": "TRUE" } : {},
    });
  }
  return cal.toString();
}

/** The schedule's final on-call, one event per stretch with the same people (gaps have none). */
export function scheduleCalendar(shifts: readonly FinalShift[], opts: CalendarOptions): string {
  const name = opts.userName ?? ((u: string) => u);
  const layerName = opts.layerName ?? ((l: string) => l);
  const domain = opts.uidDomain ?? "keel";
  const list = stretches(shifts, (s) => (s.userIds.length ? { key: s.userIds.join("\n"), userIds: s.userIds, layers: s.sourceLayerId ? [s.sourceLayerId] : [], overridden: s.overridden } : null));
  return calendar(
    opts,
    list.map((s) => ({
      uid: `${safe(opts.scheduleId)}-final-${stamp(s.startMs)}-${hash(s.userIds.join("\n"))}@${domain}`,
      s,
      summary: `On call: ${s.userIds.map(name).join(", ")}${s.overridden ? " (override)" : ""}`,
      description: [`${opts.name}.`, s.layers.size ? `Layer: ${[...s.layers].map(layerName).join(", ")}.` : "", s.overridden ? "Set by an override." : ""].filter(Boolean).join("\n"),
    })),
  );
}

/**
 * One person's on-call in the schedule: the stretches where they are the final on-call, and
 * (unless `layers: false`) those where they are on call on a layer below the final one — a
 * backup — each with its layer names.
 */
export function personCalendar(shifts: readonly FinalShift[], userId: string, opts: CalendarOptions & { layers?: boolean }): string {
  const layerName = opts.layerName ?? ((l: string) => l);
  const domain = opts.uidDomain ?? "keel";
  const person = safe(userId) + "-" + hash(userId);
  const primary = stretches(shifts, (s) => (s.userIds.includes(userId) ? { key: "final", userIds: [userId], layers: s.sourceLayerId ? [s.sourceLayerId] : [], overridden: s.overridden } : null)).map((s) => ({
    uid: `${safe(opts.scheduleId)}-${person}-final-${stamp(s.startMs)}@${domain}`,
    s,
    summary: `On call: ${opts.name}${s.overridden ? " (override)" : ""}`,
    description: [`You are on call for ${opts.name}.`, s.overridden ? "Set by an override." : ""].filter(Boolean).join("\n"),
  }));
  const backup =
    opts.layers === false
      ? []
      : stretches(shifts, (s) => {
          if (s.userIds.includes(userId)) return null;
          const layers = s.layers.filter((l) => l.userIds.includes(userId)).map((l) => l.layerId);
          return layers.length ? { key: layers.join("\n"), userIds: [userId], layers, overridden: false } : null;
        }).map((s) => ({
          uid: `${safe(opts.scheduleId)}-${person}-backup-${stamp(s.startMs)}-${hash([...s.layers].join("\n"))}@${domain}`,
          s,
          summary: `Backup on call: ${opts.name} (${[...s.layers].map(layerName).join(", ")})`,
          description: `You are on call on ${[...s.layers].map(layerName).join(", ")} of ${opts.name}, behind the final on-call.`,
        }));
  return calendar(opts, [...primary, ...backup].sort((a, b) => a.s.startMs - b.s.startMs));
}
