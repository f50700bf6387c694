/**
 * Imported PromQL → Keel ratio queries. Pure.
 *
 * Keel evaluates one query over every range from 5m to 30d, so a ratio query carries `$window`
 * where the range goes, or is a plain counter selector (definition.ts wraps it as
 * `sum(rate(<selector>[$window]))`). The mapping, most faithful first:
 *  - `{{.window}}` (Sloth's Go template, also used in OpenSLO files written for Sloth) → `$window`.
 *  - A query with `$window` is kept verbatim.
 *  - A plain selector, or `sum(<selector>)`, of a counter (`counter: true`, or unset) → the
 *    selector: the ratio of `sum(rate(x[w]))` equals the ratio of increases over w, and rate per
 *    series handles counter resets that a rate of the sum would not.
 *  - The same of a gauge (`counter: false`: a number per interval) → `sum(sum_over_time(x[$window]))`:
 *    the values are summed over the window, as OpenSLO tools do with non-counter ratio metrics.
 *  - A query with a fixed range (`rate(x[5m])`) is refused with the rewrite to make: its value
 *    covers only the last 5 minutes, and silently stretching a range changes what the PromQL means.
 *  - Anything else is refused: Keel cannot tell where the range would go.
 */
import { WINDOW_PLACEHOLDER } from "./definition";

export type MappedQuery = { query: string; notes: string[] } | { error: string };

const TEMPLATE_WINDOW = /\{\{-?\s*\.window\s*-?\}\}/g;
const METRIC_SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^{}]*\})?$|^\{[^{}]*\}$/;
const SUM_OF_SELECTOR = /^sum\s*\(\s*([^()]+?)\s*\)$/;

/** `{{.window}}` → `$window`; whether anything was replaced. */
export function replaceTemplateWindow(query: string): { query: string; replaced: boolean } {
  const out = query.replace(TEMPLATE_WINDOW, WINDOW_PLACEHOLDER);
  return { query: out, replaced: out !== query };
}

/** The query with string literals blanked, so `path=~"/a/[0-9]+"` is not taken for a range. */
function withoutStrings(q: string): string {
  return q.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, (m) => " ".repeat(m.length));
}

/** The ranges in a query, e.g. ["5m"] for sum(rate(x[5m])); subqueries come out as "1h:5m". */
export function fixedRanges(query: string): string[] {
  return [...withoutStrings(query).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
}

export function mapQuery(raw: string, role: string, counter: boolean | undefined): MappedQuery {
  const notes: string[] = [];
  const { query: q0, replaced } = replaceTemplateWindow(raw.trim());
  const q = q0.trim();
  if (q === "") return { error: `The ${role} query is empty.` };
  if (replaced) notes.push("{{.window}} (Sloth's template variable) was read as Keel's $window.");
  if (q.includes("{{")) return { error: `The ${role} query uses a template variable other than {{.window}}: ${q}` };
  if (q.includes(WINDOW_PLACEHOLDER)) return { query: q, notes };

  const ranges = fixedRanges(q);
  if (ranges.length > 0) {
    const simple = ranges.every((r) => /^\d+[smhdwy]$/.test(r));
    const fix = simple ? ` (here: ${q.replace(/\[\s*\d+[smhdwy]\s*\]/g, `[${WINDOW_PLACEHOLDER}]`)})` : "";
    return {
      error:
        `The ${role} query has a fixed range [${ranges[0]}], so it only ever sees that last stretch of time. ` +
        `Keel evaluates SLIs over every window from 5m to 30d: write $window where the range goes${fix}, or give a plain counter selector.`,
    };
  }
  const selector = METRIC_SELECTOR.test(q) ? q : SUM_OF_SELECTOR.exec(q)?.[1];
  if (selector === undefined || !METRIC_SELECTOR.test(selector)) {
    return { error: `The ${role} query must contain $window where the range goes (e.g. sum(rate(http_requests_total[$window]))) or be a plain counter selector: ${q}` };
  }
  if (counter === false) {
    notes.push(`counter: false: the ${role} values are summed over the window (sum_over_time).`);
    return { query: `sum(sum_over_time(${selector}[${WINDOW_PLACEHOLDER}]))`, notes };
  }
  if (counter === undefined) notes.push("ratioMetric.counter is not set: the metrics are read as counters.");
  if (selector !== q) notes.push(`The counter ${role} query ${q} is read as sum(rate(${selector}[$window])).`);
  return { query: selector, notes };
}
