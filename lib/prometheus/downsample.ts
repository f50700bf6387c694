import { createLTTB } from "downsample";

/**
 * Thins each series of a Prometheus matrix to at most `maxPoints` with Largest-Triangle-Three-Buckets,
 * which keeps the visual shape (peaks and dips) rather than averaging them away. Points are picked
 * from the original samples, so values are never invented. Non-finite values ("NaN", "+Inf") cannot
 * be placed on a line and are left out of the thinned series.
 */
export type MatrixSample = [number, string];
export type MatrixSeries = { metric: Record<string, string>; values: MatrixSample[] };

const lttb = createLTTB<MatrixSample>({ x: (p) => p[0], y: (p) => Number(p[1]) });

export function downsampleSeries(values: MatrixSample[], maxPoints: number): MatrixSample[] {
  if (values.length <= maxPoints) return values;
  const finite = values.filter((p) => Number.isFinite(Number(p[1])));
  if (finite.length <= maxPoints) return finite;
  return Array.from(lttb(finite, Math.max(3, maxPoints)) as ArrayLike<MatrixSample>);
}

export function downsampleMatrix(result: MatrixSeries[], maxPoints: number): MatrixSeries[] {
  return result.map((s) => ({ ...s, values: downsampleSeries(s.values, maxPoints) }));
}
