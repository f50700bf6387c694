/**
 * Incident response metrics, pure:
 * - MTTD, time to detect: started → detected (every incident);
 * - MTTA, time to acknowledge: detected → acknowledged (incidents acknowledged);
 * - MTTR, time to resolve: started → resolved (incidents resolved);
 * each as a median and a mean, overall and grouped by month (of the start), by severity and by
 * service (an incident affecting two services counts for both; one with none under "No service").
 * And the share acknowledged within the severity's respond target, counted from detection as the
 * incident page does (severity.ts `metTarget`): an incident not yet acknowledged counts as missed
 * once its target has passed at `now`, and is left out while it still has time.
 */
import { dueAt, metTarget, SEVERITIES, SEVERITY_TABLE, type Severity, type SeverityTable } from "./severity";

export type MetricIncident = {
  severity: Severity;
  services: { slug: string; name: string }[];
  startedAt: number;
  detectedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
};

/** Durations in milliseconds; null median and mean when no incident had the milestone. */
export type DurationStat = { count: number; median: number | null; mean: number | null };
export type TargetShare = { met: number; counted: number; share: number | null };

export type MetricGroup = {
  key: string;
  label: string;
  incidents: number;
  mttd: DurationStat;
  mtta: DurationStat;
  mttr: DurationStat;
  ackWithinTarget: TargetShare;
};

export type IncidentMetrics = {
  overall: MetricGroup;
  byMonth: MetricGroup[];
  bySeverity: MetricGroup[];
  byService: MetricGroup[];
};

export const NO_SERVICE = "(none)";

export function durationStat(values: readonly number[]): DurationStat {
  if (!values.length) return { count: 0, median: null, mean: null };
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { count: s.length, median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Met, missed or not yet decided (null) for one incident's respond target at `now`. */
export function ackWithinTarget(i: MetricIncident, now: number, timeZone = "UTC", table: SeverityTable = SEVERITY_TABLE): boolean | null {
  if (i.acknowledgedAt !== null) return metTarget(i.severity, "respond", i.detectedAt, i.acknowledgedAt, timeZone, table);
  return dueAt(table[i.severity].respond, i.detectedAt, timeZone) < now ? false : null;
}

export function summariseGroup(key: string, label: string, list: readonly MetricIncident[], now: number, timeZone = "UTC", table: SeverityTable = SEVERITY_TABLE): MetricGroup {
  const decided = list.map((i) => ackWithinTarget(i, now, timeZone, table)).filter((v): v is boolean => v !== null);
  const met = decided.filter(Boolean).length;
  return {
    key,
    label,
    incidents: list.length,
    mttd: durationStat(list.map((i) => i.detectedAt - i.startedAt)),
    mtta: durationStat(list.flatMap((i) => (i.acknowledgedAt === null ? [] : [i.acknowledgedAt - i.detectedAt]))),
    mttr: durationStat(list.flatMap((i) => (i.resolvedAt === null ? [] : [i.resolvedAt - i.startedAt]))),
    ackWithinTarget: { met, counted: decided.length, share: decided.length ? met / decided.length : null },
  };
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "2025-03" for the month `ms` falls in, in `timeZone`. */
export function monthKey(ms: number, timeZone = "UTC"): string {
  let f = monthFormats.get(timeZone);
  if (!f) monthFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" })));
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2025-03" → "Mar 2025". */
export const monthLabel = (key: string) => `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

/** Every month key from the one holding `from` to the one holding `to`, inclusive. */
export function monthsBetween(from: number, to: number, timeZone = "UTC"): string[] {
  const out: string[] = [];
  const last = monthKey(to, timeZone);
  let [y, m] = monthKey(from, timeZone).split("-").map(Number);
  for (let key = monthKey(from, timeZone); key <= last; key = `${y}-${String(m).padStart(2, "0")}`) {
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function groupBy(list: readonly MetricIncident[], keys: (i: MetricIncident) => string[]): Map<string, MetricIncident[]> {
  const out = new Map<string, MetricIncident[]>();
  for (const i of list) {
    for (const k of keys(i)) {
      const group = out.get(k);
      if (group) group.push(i);
      else out.set(k, [i]);
    }
  }
  return out;
}

/**
 * The metrics of `incidents` at `now`. With `range` every month from its start to its end is
 * listed, empty ones too; every severity is always listed; services are those that had incidents,
 * by name.
 */
export function incidentMetrics(incidents: readonly MetricIncident[], now: number, options: { range?: { from: number; to: number }; timeZone?: string; table?: SeverityTable } = {}): IncidentMetrics {
  const tz = options.timeZone ?? "UTC";
  const summarise = (key: string, label: string, list: readonly MetricIncident[]) => summariseGroup(key, label, list, now, tz, options.table);
  const byMonth = groupBy(incidents, (i) => [monthKey(i.startedAt, tz)]);
  const months = options.range ? monthsBetween(options.range.from, options.range.to - 1, tz) : [];
  const monthKeys = [...new Set([...months, ...byMonth.keys()])].sort();
  const bySeverity = groupBy(incidents, (i) => [i.severity]);
  const names = new Map<string, string>();
  const byService = groupBy(incidents, (i) => {
    for (const s of i.services) names.set(s.slug, s.name);
    return i.services.length ? [...new Set(i.services.map((s) => s.slug))] : [NO_SERVICE];
  });
  const serviceLabel = (slug: string) => (slug === NO_SERVICE ? "No service" : (names.get(slug) ?? slug));
  return {
    overall: summarise("all", "All incidents", incidents),
    byMonth: monthKeys.map((k) => summarise(k, monthLabel(k), byMonth.get(k) ?? [])),
    bySeverity: SEVERITIES.map((s) => summarise(s, s, bySeverity.get(s) ?? [])),
    byService: [...byService.keys()]
      .sort((a, b) => (a === NO_SERVICE ? 1 : b === NO_SERVICE ? -1 : serviceLabel(a).localeCompare(serviceLabel(b)) || a.localeCompare(b)))
      .map((k) => summarise(k, serviceLabel(k), byService.get(k)!)),
  };
}
