/** The metrics page's time ranges: a rolling number of days, or whole months up to now. Pure. */

export const METRIC_RANGES = { "30d": "Last 30 days", "90d": "Last 90 days", "12m": "Last 12 months" } as const;
export type MetricRangeKey = keyof typeof METRIC_RANGES;
export const DEFAULT_METRIC_RANGE: MetricRangeKey = "90d";

const DAY = 86_400_000;

export function isMetricRange(value: unknown): value is MetricRangeKey {
  return typeof value === "string" && Object.hasOwn(METRIC_RANGES, value);
}

/**
 * [from, to) for a range at `now`: "30d" and "90d" end just after now; "12m" starts on the first
 * of the month (UTC) eleven months before now's, so every month shown is whole but the current one.
 */
export function metricRange(key: string | undefined, now: number): { key: MetricRangeKey; label: string; from: number; to: number } {
  const k = isMetricRange(key) ? key : DEFAULT_METRIC_RANGE;
  const to = now + 1;
  if (k === "12m") {
    const d = new Date(now);
    return { key: k, label: METRIC_RANGES[k], from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), to };
  }
  return { key: k, label: METRIC_RANGES[k], from: now - (k === "30d" ? 30 : 90) * DAY, to };
}
