/**
 * The RRULE subset Keel accepts for maintenance windows (FREQ DAILY/WEEKLY/MONTHLY with INTERVAL,
 * BYDAY, BYMONTHDAY, COUNT, UNTIL, WKST): parsed into a rule with clear errors, and written back in
 * one canonical form. Pure.
 */
const DAY = 24 * 60 * 60_000;

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
const FREQS = ["DAILY", "WEEKLY", "MONTHLY"] as const;

/** A recurrence rule Keel accepts: the RRULE subset that suits maintenance windows. */
export type CorrectionRule = {
  freq: (typeof FREQS)[number];
  interval: number;
  /** Weekdays; `nth` (1…5 or −1…−5) picks one of them within the month (MONTHLY only). */
  byDay: { day: WeekdayCode; nth?: number }[];
  /** Days of the month, 1…31 or −31…−1 (from the end). */
  byMonthDay: number[];
  wkst?: WeekdayCode;
  count?: number;
  /** RFC 5545 UNTIL: an instant (`Z`), or a local date-time or date in the correction's zone (inclusive). */
  until?: { text: string; utc: boolean; ms: number };
};

export type RruleResult = { ok: true; rule: CorrectionRule } | { ok: false; error: string };

const SUPPORTED = "Keel understands FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST.";

function wholeNumber(key: string, value: string, min: number, max: number): number | string {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  return n >= min && n <= max ? n : `${key} is a whole number from ${min} to ${max}.`;
}

function parseUntil(value: string): NonNullable<CorrectionRule["until"]> | string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  const bad = `UNTIL "${value}" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, with Z for UTC).`;
  if (!m) return bad;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x)));
  const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d || h! > 23 || mi! > 59 || s! > 59) return bad;
  // A date alone includes the whole day.
  return { text: value, utc: m[7] === "Z", ms: m[4] === undefined ? ms + DAY - 1000 : ms };
}

function parseByDay(value: string): CorrectionRule["byDay"] | string {
  const out: CorrectionRule["byDay"] = [];
  for (const part of value.split(",")) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part);
    if (!m) return `BYDAY "${part}" is not a weekday: use MO, TU, WE, TH, FR, SA or SU (with an ordinal such as 1MO or -1FR in monthly rules).`;
    const nth = m[1] === undefined ? undefined : Number(m[1]);
    if (nth !== undefined && (nth === 0 || Math.abs(nth) > 5)) return `BYDAY "${part}": the ordinal is 1 to 5, or -1 to -5 counting from the month's end.`;
    if (!out.some((d) => d.day === m[2] && d.nth === nth)) out.push({ day: m[2] as WeekdayCode, ...(nth === undefined ? {} : { nth }) });
  }
  return out;
}

function parseByMonthDay(value: string): number[] | string {
  const days = value.split(",").map((x) => (/^[+-]?\d{1,2}$/.test(x) ? Number(x) : NaN));
  if (days.some((d) => !(Math.abs(d) >= 1 && Math.abs(d) <= 31))) return `BYMONTHDAY "${value}": days are 1 to 31, or -1 to -31 counting from the month's end.`;
  return [...new Set(days)];
}

/** Sets one NAME=VALUE of the rule; returns why it is refused, if it is. */
function readPart(rule: Partial<CorrectionRule>, key: string, value: string, raw: string): string | null {
  /** Sets a parsed (non-string) value, or passes on the parser's complaint. */
  const put = <K extends "interval" | "count" | "until" | "byDay" | "byMonthDay">(k: K, v: CorrectionRule[K] | string) => {
    if (typeof v === "string") return v;
    rule[k] = v;
    return null;
  };
  switch (key) {
    case "FREQ":
      if (["HOURLY", "MINUTELY", "SECONDLY"].includes(value))
        return `FREQ=${value} repeats more than once a day; a maintenance window that recurs that often is almost certainly a mistake. Use DAILY, WEEKLY or MONTHLY.`;
      if (value === "YEARLY") return "FREQ=YEARLY is not supported; use FREQ=MONTHLY;INTERVAL=12.";
      if (!(FREQS as readonly string[]).includes(value)) return `Unknown FREQ "${raw}": use DAILY, WEEKLY or MONTHLY.`;
      rule.freq = value as CorrectionRule["freq"];
      return null;
    case "INTERVAL":
      return put("interval", wholeNumber(key, value, 1, 1000));
    case "COUNT":
      return put("count", wholeNumber(key, value, 1, 10_000));
    case "UNTIL":
      return put("until", parseUntil(value));
    case "BYDAY":
      return put("byDay", parseByDay(value));
    case "BYMONTHDAY":
      return put("byMonthDay", parseByMonthDay(value));
    case "WKST":
      if (!(WEEKDAYS as readonly string[]).includes(value)) return `WKST "${raw}" is not a weekday (MO … SU).`;
      rule.wkst = value as WeekdayCode;
      return null;
    case "BYHOUR":
    case "BYMINUTE":
    case "BYSECOND":
      return `${key} is not supported: the time of day comes from the start.`;
    default:
      return `${key} is not supported. ${SUPPORTED}`;
  }
}

/** Checks an RRULE body (no DTSTART) and returns the rule Keel will expand, or why it is refused. */
export function parseRrule(text: string): RruleResult {
  const body = text.trim().replace(/^RRULE:/i, "");
  const fail = (error: string): RruleResult => ({ ok: false, error });
  if (!body) return fail("Enter a rule such as FREQ=WEEKLY;BYDAY=SU.");
  if (/DTSTART|TZID/i.test(body)) return fail("Leave DTSTART and TZID out: the start and the time zone are their own fields.");
  if (/[\r\n]/.test(body)) return fail("Give one RRULE line.");
  const rule: Partial<CorrectionRule> = { interval: 1, byDay: [], byMonthDay: [] };
  const seen = new Set<string>();
  for (const part of body.replace(/;$/, "").split(";")) {
    const m = /^([A-Za-z]+)=([^=]*)$/.exec(part);
    if (!m) return fail(part ? `"${part}" is not NAME=VALUE.` : "The rule has an empty part (;;).");
    const key = m[1].toUpperCase();
    const value = m[2].toUpperCase();
    if (seen.has(key)) return fail(`${key} is given twice.`);
    seen.add(key);
    const error = readPart(rule, key, value, m[2]);
    if (error) return fail(error);
  }
  if (!rule.freq) return fail("FREQ is required: DAILY, WEEKLY or MONTHLY.");
  const r = rule as CorrectionRule;
  if (r.count !== undefined && r.until) return fail("Give COUNT or UNTIL, not both.");
  if (r.freq !== "MONTHLY" && r.byDay.some((d) => d.nth !== undefined)) return fail("A BYDAY ordinal (such as 1MO or -1FR) needs FREQ=MONTHLY.");
  if (r.freq === "WEEKLY" && r.byMonthDay.length) return fail("BYMONTHDAY cannot be used with FREQ=WEEKLY.");
  if (r.freq === "DAILY" && r.byMonthDay.length) return fail("For days of the month use FREQ=MONTHLY;BYMONTHDAY=….");
  if (r.freq === "DAILY" && r.byDay.length && r.interval > 1) return fail("For chosen weekdays every few weeks use FREQ=WEEKLY;INTERVAL=…;BYDAY=….");
  return { ok: true, rule: r };
}

/** The rule in canonical RRULE text (what Keel stores). */
export function formatRrule(rule: CorrectionRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ""}${d.day}`).join(",")}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(",")}`);
  if (rule.wkst) parts.push(`WKST=${rule.wkst}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${rule.until.text}`);
  return parts.join(";");
}

