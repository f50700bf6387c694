/** Order statistics used by the forecasting core. Pure; inputs are never modified. */

/**
 * The p-quantile (0..1) by linear interpolation between order statistics (R's type 7). NaN for no
 * values. Linear time (quickselect on a copy): medians of tens of thousands of points are common here.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n === 0) return NaN;
  const pos = Math.min(1, Math.max(0, p)) * (n - 1);
  const lo = Math.floor(pos);
  select(a, lo);
  if (lo === n - 1 || pos === lo) return a[lo];
  let next = Infinity;
  for (let i = lo + 1; i < n; i++) if (a[i] < next) next = a[i];
  return a[lo] + (next - a[lo]) * (pos - lo);
}

/** Reorders `a` so that a[k] is the k-th smallest, smaller ones before it and larger ones after (Hoare's selection). */
function select(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** As `quantile`, for values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(1, Math.max(0, p)) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: ArrayLike<number>) => quantile(values, 0.5);

/** Median absolute deviation scaled to estimate a normal standard deviation (× 1.4826). */
export function robustSd(values: ArrayLike<number>): number {
  const m = median(values);
  const dev = Array.from(values, (v) => Math.abs(v - m));
  return 1.4826 * median(dev);
}
