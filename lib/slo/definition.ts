/**
 * What an SLO is, as stored and exchanged (forms, REST, OpenSLO, rule generation). Pure types and
 * the PromQL every SLI kind turns into.
 *
 * Ratio queries are PromQL that yield an event *rate*, with the literal `$window` where the range
 * goes, e.g. `sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[$window]))`, so one
 * query serves every window from 5m to 30d. A bare counter selector is accepted and wrapped as
 * `sum(rate(<selector>[$window]))`.
 */
import { promString } from "@/lib/prometheus/escape";
import type { SloWindow } from "./window";

export type RatioSli = { kind: "ratio"; good?: string; bad?: string; total: string };
export type LatencySli = { kind: "latency"; metric: string; selector: string; thresholdSeconds: number };
export type IncidentSli = { kind: "incidents"; minSeverity: 1 | 2 | 3 | 4 };
export type SliSpec = RatioSli | LatencySli | IncidentSli;

/** SLI levels worth seeing on a chart, e.g. warning 0.9995, critical 0.999, page 0.995 (the seeds'). */
export type AlertLevels = { warning?: number; critical?: number; page?: number };

export type Budgeting = { method: "occurrences" } | { method: "timeslices"; sliceMinutes: 1 | 5; sliceTarget: number };

export type SloDefinition = {
  name: string;
  /** Machine name (OpenSLO metadata.name, rule labels): lowercase, digits, hyphens. */
  slug: string;
  description: string;
  service: string;
  sli: SliSpec;
  /** Ratio in (0, 1), e.g. 0.999. */
  target: number;
  /** A more lenient contractual target tracked beside it, e.g. 0.995. */
  slaTarget?: number;
  alertLevels?: AlertLevels;
  window: SloWindow;
  budgeting: Budgeting;
  labels: Record<string, string>;
};

export const WINDOW_PLACEHOLDER = "$window";
const BARE_SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^{}]*\})?$|^\{[^{}]*\}$/;

/**
 * A ratio or latency query for one range, e.g. "5m" or "30d". With `atSec`, every range is read as it
 * was at that instant (PromQL's `@` modifier), so counts over past periods (maintenance windows) can
 * be asked for in the same request as counts now.
 */
export function withWindow(query: string, range: string, atSec?: number): string {
  const q = query.trim();
  const at = atSec === undefined ? "" : ` @ ${Math.round(atSec)}`;
  if (q.includes(WINDOW_PLACEHOLDER)) {
    if (!at) return q.split(WINDOW_PLACEHOLDER).join(range);
    const out = q.replace(/\[\$window(:[^\]]*)?\]/g, (_m, sub: string | undefined) => `[${range}${sub ?? ""}]${at}`);
    if (out.includes(WINDOW_PLACEHOLDER)) throw new Error(`${WINDOW_PLACEHOLDER} must stand in brackets as a range, e.g. [${WINDOW_PLACEHOLDER}]: ${q}`);
    return out;
  }
  if (BARE_SELECTOR.test(q)) return `sum(rate(${q}[${range}]${at}))`;
  throw new Error(`The query must contain ${WINDOW_PLACEHOLDER} where the range goes, or be a plain counter selector: ${q}`);
}

/** Label matchers inside braces, without the braces: '{service="a"}' → 'service="a"'. */
function matchers(selector: string): string {
  const s = selector.trim();
  if (s === "") return "";
  if (!/^\{[^{}]*\}$/.test(s)) throw new Error(`The selector must be label matchers in braces, e.g. {service="checkout-api"}: ${s}`);
  return s.slice(1, -1).trim();
}

/**
 * The two rates an SLI is made of, for one range: errors (bad events) and total. Good-based ratio
 * SLIs become errors as total − good; latency SLIs count requests slower than the bucket `le` bound.
 */
export function sliQueries(sli: RatioSli | LatencySli, range: string, atSec?: number): { errors: string; total: string } {
  if (sli.kind === "ratio") {
    const total = withWindow(sli.total, range, atSec);
    if (sli.bad) return { errors: withWindow(sli.bad, range, atSec), total };
    if (sli.good) return { errors: `(${total}) - (${withWindow(sli.good, range, atSec)})`, total };
    throw new Error("A ratio SLI needs a good or a bad query.");
  }
  const m = matchers(sli.selector);
  const sep = m ? `${m},` : "";
  const at = atSec === undefined ? "" : ` @ ${Math.round(atSec)}`;
  const total = `sum(rate(${sli.metric}_count{${m}}[${range}]${at}))`;
  const fast = `sum(rate(${sli.metric}_bucket{${sep}le=${promString(formatLe(sli.thresholdSeconds))}}[${range}]${at}))`;
  return { errors: `(${total}) - (${fast})`, total };
}

/** Prometheus writes bucket bounds like Go's strconv: 0.5, 1, 2.5 (no trailing zeros). */
export function formatLe(seconds: number): string {
  return String(seconds);
}

/** Whether the threshold is one of the histogram's bucket bounds; else the nearest bounds around it. */
export function bucketFit(thresholdSeconds: number, bounds: readonly number[]): { exact: true } | { exact: false; below?: number; above?: number } {
  if (bounds.includes(thresholdSeconds)) return { exact: true };
  const sorted = [...bounds].filter(Number.isFinite).sort((a, b) => a - b);
  return { exact: false, below: sorted.filter((b) => b < thresholdSeconds).at(-1), above: sorted.find((b) => b > thresholdSeconds) };
}
