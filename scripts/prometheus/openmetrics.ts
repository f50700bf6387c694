import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics` (timestamps in seconds).
 *
 * - `openMetricsText(series)`: small histories as one string (tests), counters and gauges.
 * - `writeOpenMetricsFile(file, families)`: large histories streamed to disk, with histograms, from
 *   columnar data (one shared timestamp array per family, one value array per sample kind).
 */

export type OpenMetricsType = "counter" | "gauge";

export interface OpenMetricsSeries {
  /**
   * Metric name. For counters either form is accepted ("http_requests" or "http_requests_total"):
   * the family is written without `_total` and the samples with it, as OpenMetrics requires, so the
   * series is queried as `http_requests_total`.
   */
  name: string;
  /** Default "gauge". */
  type?: OpenMetricsType;
  help?: string;
  labels?: Record<string, string>;
  /** [timestamp in seconds (may be fractional), value]. Any order; duplicate timestamps are rejected. */
  samples: ReadonlyArray<readonly [timestampSeconds: number, value: number]>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Escapes a label value (or HELP text) per OpenMetrics: backslash, double quote, newline. */
export function escapeOpenMetrics(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

function checkLabelNames(names: string[], where: string): void {
  for (const l of names) {
    if (!LABEL_NAME.test(l) || l.startsWith("__")) {
      throw new Error(`openMetricsText: invalid label name ${JSON.stringify(l)} on ${where}`);
    }
  }
}

/** `{a="1",b="2"}` with names sorted, or "" when there are none. */
export function labelText(labels: Record<string, string> | undefined, where = "series"): string {
  const names = Object.keys(labels ?? {}).sort();
  checkLabelNames(names, where);
  return names.length ? `{${names.map((l) => `${l}="${escapeOpenMetrics(labels![l])}"`).join(",")}}` : "";
}

/**
 * Builds OpenMetrics text (ending in `# EOF`) from samples, ready for `startPrometheus`.
 * Series with the same name are merged into one metric family. Samples are sorted by time, because
 * promtool silently drops samples that go back in time within a series.
 */
export function openMetricsText(series: ReadonlyArray<OpenMetricsSeries>): string {
  const families = new Map<string, { type: OpenMetricsType; help?: string; sampleName: string; bodies: string[]; labelSets: Set<string> }>();

  for (const s of series) {
    const type = s.type ?? "gauge";
    if (!METRIC_NAME.test(s.name)) throw new Error(`openMetricsText: invalid metric name ${JSON.stringify(s.name)}`);
    const familyName = type === "counter" ? s.name.replace(/_total$/, "") : s.name;
    const sampleName = type === "counter" ? `${familyName}_total` : familyName;
    if (familyName === "") throw new Error(`openMetricsText: invalid counter name ${JSON.stringify(s.name)}`);

    let family = families.get(familyName);
    if (!family) {
      family = { type, help: s.help, sampleName, bodies: [], labelSets: new Set() };
      families.set(familyName, family);
    } else if (family.type !== type) {
      throw new Error(`openMetricsText: metric ${familyName} is both ${family.type} and ${type}`);
    } else if (s.help !== undefined && family.help !== undefined && s.help !== family.help) {
      throw new Error(`openMetricsText: metric ${familyName} has two different HELP texts`);
    } else {
      family.help ??= s.help;
    }

    const labels = labelText(s.labels, s.name);
    if (family.labelSets.has(labels)) {
      throw new Error(`openMetricsText: series ${sampleName}${labels} given twice; put all its samples in one entry`);
    }
    family.labelSets.add(labels);

    const sorted = [...s.samples].sort((a, b) => a[0] - b[0]);
    const lines: string[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const [ts, v] = sorted[i];
      if (!Number.isFinite(ts)) throw new Error(`openMetricsText: non-finite timestamp in ${sampleName}${labels}`);
      if (i > 0 && ts === sorted[i - 1][0]) {
        throw new Error(`openMetricsText: duplicate timestamp ${ts} in ${sampleName}${labels}`);
      }
      if (type === "counter" && !(v >= 0)) {
        throw new Error(`openMetricsText: counter ${sampleName}${labels} has value ${v} at ${ts}; counters must be >= 0`);
      }
      lines.push(`${sampleName}${labels} ${formatNumber(v)} ${ts}`);
    }
    if (lines.length) family.bodies.push(lines.join("\n"));
  }

  const out: string[] = [];
  for (const [name, f] of families) {
    if (f.help !== undefined) out.push(`# HELP ${name} ${escapeOpenMetrics(f.help)}`);
    out.push(`# TYPE ${name} ${f.type}`);
    out.push(...f.bodies);
  }
  out.push("# EOF");
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Columnar families, streamed.
// ---------------------------------------------------------------------------------------------

/** One line kind of a metric: e.g. a counter's `_total`, or a histogram's `_bucket{le="0.5"}`. */
export interface ColumnarSample {
  /** Appended to the family name: "_total", "_bucket", "_count", "_sum" or "" (gauges). */
  suffix: string;
  /** Labels of this line only (a histogram bucket's `le`). */
  extraLabels?: Record<string, string>;
  /** One value per family timestamp. */
  values: ArrayLike<number>;
}

export interface ColumnarMetric {
  labels: Record<string, string>;
  /** Written in this order at each timestamp (for a histogram: buckets by le, then _count, _sum). */
  samples: ColumnarSample[];
}

export interface ColumnarFamily {
  /** Family name: without `_total` for counters, without `_bucket`… for histograms. */
  name: string;
  type: "counter" | "gauge" | "histogram";
  help?: string;
  /** Seconds, strictly increasing, shared by every metric of the family. */
  timestamps: ArrayLike<number>;
  metrics: ColumnarMetric[];
}

/** Renders one family, metric by metric and time-major within a metric (valid for histograms). */
function* familyChunks(f: ColumnarFamily, chunkLines = 20_000): Generator<string> {
  if (!METRIC_NAME.test(f.name)) throw new Error(`writeOpenMetricsFile: invalid metric name ${JSON.stringify(f.name)}`);
  for (let i = 1; i < f.timestamps.length; i++) {
    if (!(f.timestamps[i] > f.timestamps[i - 1])) throw new Error(`writeOpenMetricsFile: ${f.name} timestamps must increase`);
  }
  let head = f.help !== undefined ? `# HELP ${f.name} ${escapeOpenMetrics(f.help)}\n` : "";
  head += `# TYPE ${f.name} ${f.type}\n`;
  yield head;
  const ts = Array.from(f.timestamps, (t) => ` ${t}\n`);
  for (const m of f.metrics) {
    const prefixes = m.samples.map((s) => {
      if (s.values.length !== f.timestamps.length) throw new Error(`writeOpenMetricsFile: ${f.name}${s.suffix} has ${s.values.length} values for ${f.timestamps.length} timestamps`);
      return `${f.name}${s.suffix}${labelText({ ...m.labels, ...s.extraLabels }, f.name)} `;
    });
    let buf = "";
    let lines = 0;
    for (let i = 0; i < ts.length; i++) {
      for (let j = 0; j < prefixes.length; j++) buf += prefixes[j] + formatNumber(m.samples[j].values[i]) + ts[i];
      lines += prefixes.length;
      if (lines >= chunkLines) {
        yield buf;
        buf = "";
        lines = 0;
      }
    }
    if (buf) yield buf;
  }
}

/**
 * Streams families to `file` as OpenMetrics (ending in `# EOF`) without holding the text in memory.
 * Resolves to the bytes written and the number of samples.
 */
export async function writeOpenMetricsFile(file: string, families: Iterable<ColumnarFamily>): Promise<{ bytes: number; samples: number }> {
  const out = createWriteStream(file);
  let bytes = 0;
  let samples = 0;
  const failed = once(out, "error").then(([e]) => Promise.reject(e as Error));
  failed.catch(() => {}); // observed below
  try {
    for (const f of families) {
      for (const m of f.metrics) samples += m.samples.length * f.timestamps.length;
      for (const chunk of familyChunks(f)) {
        bytes += Buffer.byteLength(chunk);
        if (!out.write(chunk)) await Promise.race([once(out, "drain"), failed]);
      }
    }
    out.end("# EOF\n");
    bytes += 6;
    await Promise.race([once(out, "finish"), failed]);
  } finally {
    if (!out.writableFinished) out.destroy();
  }
  return { bytes, samples };
}
