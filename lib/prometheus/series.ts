/**
 * Prometheus HTTP API results → chart data. Pure: no React, no I/O.
 */

export type PromSample = [number, string]; // [unix seconds (float), value string]
export type PromLabels = Record<string, string>;
export type PromMatrixResult = { metric: PromLabels; values: PromSample[] };
export type PromVectorResult = { metric: PromLabels; value: PromSample };
export type PromData =
  | { resultType: "matrix"; result: PromMatrixResult[] }
  | { resultType: "vector"; result: PromVectorResult[] }
  | { resultType: "scalar"; result: PromSample }
  | { resultType: "string"; result: PromSample };

export type ChartPoint = { t: number; v: number | null }; // t in ms; v null = gap
export type ChartSeries = {
  /** Stable across refetches for the same label set; safe as an object key and a Recharts dataKey. */
  key: string;
  name: string;
  labels: PromLabels;
  /** Index into the chart palette (0 … PALETTE_SIZE-1). */
  colorIndex: number;
  points: ChartPoint[];
  /** Samples that were +Inf/-Inf (drawn as gaps). */
  infCount: number;
};
export type ChartRow = { t: number } & Record<string, number | null>;

export type SeriesSet = {
  series: ChartSeries[];
  /** Series left out because of the cap. */
  omitted: number;
  total: number;
  infCount: number;
};

export const PALETTE_SIZE = 10;
export const DEFAULT_MAX_SERIES = 20;

/** Parses a sample value: NaN and ±Inf become null (a gap); `inf` says which were infinite. */
export function parseSampleValue(s: string): { value: number | null; inf: boolean } {
  const t = s.trim();
  if (t === "+Inf" || t === "-Inf" || t === "Inf") return { value: null, inf: true };
  if (t === "" || t === "NaN") return { value: null, inf: false };
  const n = Number(t);
  if (Number.isNaN(n)) return { value: null, inf: false };
  if (!Number.isFinite(n)) return { value: null, inf: true };
  return { value: n, inf: false };
}

/** Sorted `{a="1", b="2"}` of the labels without `__name__`; "" when there are none. */
export function formatLabelSet(labels: PromLabels): string {
  const keys = Object.keys(labels)
    .filter((k) => k !== "__name__")
    .sort();
  if (keys.length === 0) return "";
  return `{${keys.map((k) => `${k}=${JSON.stringify(labels[k])}`).join(", ")}}`;
}

/** Fills `{{label}}` placeholders (unknown labels → ""). */
export function applyLegendTemplate(template: string, labels: PromLabels): string {
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, k: string) => labels[k] ?? "").replace(/\s+/g, " ").trim();
}

/** Legend template if it yields text; else the label set; else the metric name; else the query. */
export function seriesName(labels: PromLabels, opts: { legend?: string; query?: string } = {}): string {
  if (opts.legend) {
    const n = applyLegendTemplate(opts.legend, labels);
    if (n) return n;
  }
  return formatLabelSet(labels) || labels.__name__ || opts.query || "value";
}

/** 32-bit FNV-1a. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function canonical(labels: PromLabels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k]}`)
    .join("\u0001");
}

/** `s` + 8 hex digits from the full label set (including __name__). */
export function seriesKey(labels: PromLabels): string {
  return `s${fnv1a(canonical(labels)).toString(16).padStart(8, "0")}`;
}

function peak(points: ChartPoint[]): number {
  let m = -Infinity;
  for (const p of points) if (p.v !== null && Math.abs(p.v) > m) m = Math.abs(p.v);
  return m;
}

type Raw = { labels: PromLabels; samples: PromSample[] };

function rawSeries(data: PromData): Raw[] {
  switch (data.resultType) {
    case "matrix":
      return data.result.map((r) => ({ labels: r.metric ?? {}, samples: r.values ?? [] }));
    case "vector":
      return data.result.map((r) => ({ labels: r.metric ?? {}, samples: r.value ? [r.value] : [] }));
    case "scalar":
      return [{ labels: {}, samples: [data.result] }];
    default:
      return [];
  }
}

/**
 * Converts a matrix/vector/scalar result into chart series. Over `maxSeries`, keeps the series with
 * the largest peak |value| and reports how many were left out. Series come back sorted by name;
 * colours are spread by key hash, avoiding reuse while the palette lasts.
 */
export function toChartSeries(data: PromData, opts: { legend?: string; query?: string; maxSeries?: number } = {}): SeriesSet {
  const maxSeries = opts.maxSeries ?? DEFAULT_MAX_SERIES;
  const used = new Set<string>();
  let infTotal = 0;
  const all: ChartSeries[] = rawSeries(data).map(({ labels, samples }) => {
    let key = seriesKey(labels);
    for (let i = 1; used.has(key); i++) key = `${seriesKey(labels)}_${i}`;
    used.add(key);
    let infCount = 0;
    const points = samples.map(([ts, raw]) => {
      const { value, inf } = parseSampleValue(String(raw));
      if (inf) infCount++;
      return { t: Math.round(Number(ts) * 1000), v: value };
    });
    infTotal += infCount;
    return { key, name: seriesName(labels, opts), labels, colorIndex: 0, points, infCount };
  });
  const kept = all.length > maxSeries ? [...all].sort((a, b) => peak(b.points) - peak(a.points)).slice(0, Math.max(0, maxSeries)) : all;
  const series = [...kept].sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }) || a.key.localeCompare(b.key));
  assignColors(series);
  return { series, omitted: all.length - series.length, total: all.length, infCount: infTotal };
}

/** Preferred colour = key hash mod palette; on a clash take the next free one (by key order). */
export function assignColors(series: ChartSeries[]): void {
  const taken = new Set<number>();
  for (const s of [...series].sort((a, b) => a.key.localeCompare(b.key))) {
    let idx = fnv1a(s.key) % PALETTE_SIZE;
    if (taken.size < PALETTE_SIZE) while (taken.has(idx)) idx = (idx + 1) % PALETTE_SIZE;
    taken.add(idx);
    s.colorIndex = idx;
  }
}

/**
 * One row per distinct timestamp (ascending) with one key per series; a series without a sample at
 * that timestamp gets null, so the line shows a gap.
 */
export function mergeSeries(series: ChartSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const s of series) {
    for (const p of s.points) {
      let row = rows.get(p.t);
      if (!row) {
        row = { t: p.t } as ChartRow;
        rows.set(p.t, row);
      }
      row[s.key] = p.v;
    }
  }
  const out = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const row of out) for (const s of series) if (!(s.key in row)) row[s.key] = null;
  return out;
}

export type SeriesStats = { min: number | null; max: number | null; avg: number | null; last: number | null; count: number };

/** Min / max / mean / last over the non-null points. */
export function seriesStats(points: ChartPoint[]): SeriesStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  let last: number | null = null;
  for (const p of points) {
    if (p.v === null) continue;
    min = Math.min(min, p.v);
    max = Math.max(max, p.v);
    sum += p.v;
    count++;
    last = p.v;
  }
  return count ? { min, max, avg: sum / count, last, count } : { min: null, max: null, avg: null, last: null, count: 0 };
}
