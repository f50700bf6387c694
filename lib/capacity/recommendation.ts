/**
 * A forecast in plain words, with what to do, and how urgent it is. Pure.
 *
 *   "Connections will reach 80% of max_connections around 3 Dec (between 28 Nov and 9 Dec): raise
 *    the pool or add a replica."
 *
 * Dates are the median crossing, bracketed by the 80 % band's crossings (the upper band's is the
 * pessimistic, earlier date; the lower band's the optimistic one, absent when it does not cross
 * within the horizon).
 */
import type { Crossing } from "./crossing";
import type { CapacityForecast } from "./forecast";
import { dayText, percentText, spanText, valueText } from "./format";

export type Severity = "critical" | "warning" | "watch" | "ok";

export type RecommendationInput = {
  /** What grows, as it reads in a sentence: "connections", "disk usage on /data". */
  subject: string;
  /** What it grows into: "max_connections", "the filesystem size". */
  limitName: string;
  unit: string;
  /** What to do, lower case, no final stop: "raise the pool or add a replica". */
  advice: string;
  timeZone?: string;
};

export type Recommendation = { severity: Severity; text: string };

export const GENERIC_ADVICE = "add capacity or reduce usage before then";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function whenText(c: Crossing, horizonEnd: number, tz: string): string {
  const median = dayText(c.median!, tz);
  const early = c.earliest80 === null ? median : dayText(c.earliest80, tz);
  const late = c.latest80 === null ? `some time after ${dayText(horizonEnd, tz)}` : dayText(c.latest80, tz);
  if (early === median && late === median) return `on ${median}`;
  return `around ${median} (between ${early} and ${late})`;
}

function growthText(f: CapacityForecast): string {
  const g = f.growthPerMonth.ofLimit;
  if (Math.abs(g) < 0.001) return "flat";
  return `${g > 0 ? "+" : "−"}${percentText(Math.abs(g))} of the limit a month`;
}

/** "206 of 200 connections", "1.5 TiB of 2 TiB". */
function ofText(usage: number, limit: number, unit: string): string {
  return `${valueText(usage, unit === "bytes" ? unit : "")} of ${valueText(limit, unit)}`;
}

export function recommend(f: CapacityForecast, r: RecommendationInput): Recommendation {
  const tz = r.timeZone ?? "UTC";
  const subject = capitalise(r.subject);
  const w = percentText(f.warningLevel);
  const horizonEnd = f.now + f.horizonMs;
  const now = `${percentText(f.utilisation)} of ${r.limitName} now (${ofText(f.usage.value, f.limit.value, r.unit)})`;
  if (f.toLimit.reachedNow) return { severity: "critical", text: `${subject} at ${now}: ${r.advice}.` };
  const limitPart = f.toLimit.median !== null ? `; ${r.limitName} itself ${whenText(f.toLimit, horizonEnd, tz)}` : "";
  const severity: Severity = f.toLimit.median !== null ? "critical" : "warning";
  if (f.toWarning.reachedNow) return { severity, text: `${subject} at ${now}, above the ${w} warning level${limitPart}: ${r.advice}.` };
  if (f.toWarning.median !== null) {
    return { severity, text: `${capitalise(r.subject)} will reach ${w} of ${r.limitName} ${whenText(f.toWarning, horizonEnd, tz)}${limitPart}: ${r.advice}.` };
  }
  const days = spanText(f.horizonMs);
  const context = `now ${percentText(f.utilisation)}, ${growthText(f)}`;
  if (f.toWarning.earliest80 !== null) {
    return {
      severity: "watch",
      text: `${subject} should stay below ${w} of ${r.limitName} for the next ${days} (${context}), but could reach it by ${dayText(f.toWarning.earliest80, tz)} if growth runs high.`,
    };
  }
  return { severity: "ok", text: `${subject} stays below ${w} of ${r.limitName} for at least the next ${days} (${context}): no action needed.` };
}

/** Sort key for the capacity list: the sooner a level may be reached, the smaller (reached now: −∞ … nothing in sight: +∞). */
export function urgency(f: CapacityForecast): number {
  if (f.toLimit.reachedNow) return -Infinity;
  const candidates = [f.toLimit.median, f.toWarning.reachedNow ? f.now : null, f.toWarning.median, f.toWarning.earliest80].filter((t): t is number => t !== null);
  return candidates.length ? Math.min(...candidates) : Infinity;
}
