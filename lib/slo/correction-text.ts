/** A correction in words: "Every Sunday 02:00–04:00 (Europe/London)". Pure. */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { prepare, type CorrectionSpec } from "./corrections";
import { WEEKDAYS, type CorrectionRule, type WeekdayCode } from "./rrule-text";
import { fromWallClock, toWallClock } from "./wall-clock";

const DAY = 24 * 60 * 60_000;

const DAY_NAMES: Record<WeekdayCode, string> = { MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday" };
const NTH = ["", "first", "second", "third", "fourth", "fifth"];

function list(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

function monthDayText(d: number): string {
  if (d > 0) return ordinal(d);
  return d === -1 ? "last day" : `${ordinal(-d)}-to-last day`;
}

function weekdaysText(days: CorrectionRule["byDay"]): string {
  const codes = days.map((d) => d.day);
  if (codes.length === 5 && ["MO", "TU", "WE", "TH", "FR"].every((c) => codes.includes(c as WeekdayCode))) return "weekday";
  return list(days.map((d) => DAY_NAMES[d.day]));
}

function lengthText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d && `${d} day${d > 1 ? "s" : ""}`, h && `${h} h`, m && `${m} min`].filter(Boolean).join(" ");
}

function patternText(rule: CorrectionRule, wallStart: Date): string {
  const n = rule.interval;
  const startDay = WEEKDAYS[(wallStart.getUTCDay() + 6) % 7];
  if (rule.freq === "DAILY") return rule.byDay.length ? `Every ${weekdaysText(rule.byDay)}` : n === 1 ? "Every day" : `Every ${n} days`;
  if (rule.freq === "WEEKLY") {
    const days = weekdaysText(rule.byDay.length ? rule.byDay : [{ day: startDay }]);
    return n === 1 ? `Every ${days}` : `Every ${n} weeks on ${days}`;
  }
  const weekdays = list(rule.byDay.map((d) => (d.nth === undefined ? `every ${DAY_NAMES[d.day]}` : `the ${d.nth > 0 ? NTH[d.nth] : d.nth === -1 ? "last" : `${NTH[-d.nth]}-to-last`} ${DAY_NAMES[d.day]}`)));
  const monthDays = `the ${list((rule.byMonthDay.length ? rule.byMonthDay : [wallStart.getUTCDate()]).map(monthDayText))}`;
  const which = rule.byDay.length && rule.byMonthDay.length ? `${weekdays} falling on ${monthDays}` : rule.byDay.length ? weekdays : monthDays;
  return `${n === 1 ? "Every month" : `Every ${n} months`} on ${which}`;
}

/** "Every Sunday 02:00–04:00 (Europe/London)", "Once, 3 Mar 2026 14:00–16:00 UTC". */
export function describeCorrection(c: Pick<CorrectionSpec, "startsAt" | "durationMinutes" | "rrule" | "timeZone">): string {
  const p = prepare({ ...c, id: "", reason: "" });
  const zone = p.tz === "UTC" ? " UTC" : ` (${p.tz})`;
  const at = (ms: number, pattern: string) => format(new TZDate(ms, p.tz), pattern);
  if (!p.rule) {
    const end = p.startMs + p.durMs;
    const sameDay = at(p.startMs, "yyyyMMdd") === at(end, "yyyyMMdd");
    return `Once, ${at(p.startMs, "d MMM yyyy HH:mm")}${sameDay ? `–${at(end, "HH:mm")}` : ` – ${at(end, "d MMM yyyy HH:mm")}`}${zone}`;
  }
  const wallStart = new Date(toWallClock(p.startMs, p.tz));
  const time = (w: Date) => `${String(w.getUTCHours()).padStart(2, "0")}:${String(w.getUTCMinutes()).padStart(2, "0")}`;
  const wallEnd = new Date(wallStart.getTime() + p.durMs);
  const hours =
    p.durMs < DAY
      ? `${time(wallStart)}–${time(wallEnd)}${wallEnd.getUTCDate() !== wallStart.getUTCDate() ? " (next day)" : ""}`
      : `from ${time(wallStart)} for ${lengthText(c.durationMinutes)}`;
  const ends = p.rule.count !== undefined
    ? `, ${p.rule.count} time${p.rule.count > 1 ? "s" : ""} from ${at(p.startMs, "d MMM yyyy")}`
    : p.rule.until
      ? `, until ${format(new TZDate(p.rule.until.utc ? p.rule.until.ms : fromWallClock(p.rule.until.ms, p.tz), p.tz), "d MMM yyyy")}`
      : "";
  return `${patternText(p.rule, wallStart)} ${hours}${zone}${ends}`;
}
