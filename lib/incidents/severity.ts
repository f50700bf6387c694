/**
 * Incident severities SEV1..SEV4: what each means and how fast Keel expects a response and a
 * resolution. `SEVERITY_TABLE` holds the defaults; admins edit the targets and whether a
 * postmortem is required (lib/incidents/severity-targets.ts), and callers pass the edited table.
 */
import { TZDate } from "@date-fns/tz";
import { addBusinessDays } from "date-fns";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityLevel = 1 | 2 | 3 | 4;

/** A target: a fixed number of minutes, or a number of business days (Monday to Friday). */
export type Target = { minutes: number } | { businessDays: number };

export type SeverityInfo = {
  severity: Severity;
  level: SeverityLevel;
  /** One word: critical, high, medium, low. */
  label: string;
  /** What kind of failure warrants it. */
  meaning: string;
  respond: Target;
  resolve: Target;
  /** Whether closing the incident needs a published postmortem unless configured otherwise. */
  postmortemRequired: boolean;
};

export type SeverityTable = Readonly<Record<Severity, SeverityInfo>>;

export const SEVERITY_TABLE: SeverityTable = {
  SEV1: { severity: "SEV1", level: 1, label: "critical", meaning: "Service down", respond: { minutes: 15 }, resolve: { minutes: 4 * 60 }, postmortemRequired: true },
  SEV2: { severity: "SEV2", level: 2, label: "high", meaning: "Major feature broken", respond: { minutes: 30 }, resolve: { minutes: 12 * 60 }, postmortemRequired: true },
  SEV3: { severity: "SEV3", level: 3, label: "medium", meaning: "Minor feature broken", respond: { minutes: 2 * 60 }, resolve: { minutes: 48 * 60 }, postmortemRequired: false },
  SEV4: { severity: "SEV4", level: 4, label: "low", meaning: "Cosmetic issue", respond: { businessDays: 1 }, resolve: { minutes: 7 * 24 * 60 }, postmortemRequired: false },
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** 1 → "SEV1". Throws on a level outside 1..4 (the database refuses those too). */
export function severityOf(level: number): Severity {
  const s = `SEV${level}`;
  if (!isSeverity(s)) throw new RangeError(`No severity level ${level}; levels are 1 to 4.`);
  return s;
}

/** "SEV1" → 1. */
export function severityLevel(severity: Severity): SeverityLevel {
  return SEVERITY_TABLE[severity].level;
}

export function severityInfo(severity: Severity, table: SeverityTable = SEVERITY_TABLE): SeverityInfo {
  return table[severity];
}

/** "15 min", "4 h", "1 week", "next business day". */
export function describeTarget(target: Target): string {
  if ("businessDays" in target) return target.businessDays === 1 ? "next business day" : `${target.businessDays} business days`;
  const m = target.minutes;
  if (m % (7 * 24 * 60) === 0) return m === 7 * 24 * 60 ? "1 week" : `${m / (7 * 24 * 60)} weeks`;
  if (m % 60 === 0) return `${m / 60} h`;
  return `${m} min`;
}

/**
 * When a target starting at `fromMs` falls due. Business days keep the wall-clock time and skip
 * Saturday and Sunday in `timeZone` (UTC unless given): a SEV4 declared on Friday 15:00 is due
 * on Monday 15:00, one declared on Saturday 10:00 on Monday 10:00.
 */
export function dueAt(target: Target, fromMs: number, timeZone = "UTC"): number {
  if ("minutes" in target) return fromMs + target.minutes * 60_000;
  return addBusinessDays(new TZDate(fromMs, timeZone), target.businessDays).getTime();
}

/** Whether a milestone reached at `atMs` met the severity's respond or resolve target counted from `fromMs`. */
export function metTarget(severity: Severity, which: "respond" | "resolve", fromMs: number, atMs: number, timeZone = "UTC", table: SeverityTable = SEVERITY_TABLE): boolean {
  return atMs <= dueAt(table[severity][which], fromMs, timeZone);
}
