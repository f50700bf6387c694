/** Half-open intervals [startMs, endMs) on the time line: union and intersection of sorted lists. Pure. */

export type Interval = { startMs: number; endMs: number };

/** The union of intervals (any order) as sorted, disjoint, non-adjacent intervals; empty ones dropped. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return out;
}

/** The parts of `item` inside the sorted disjoint `windows`, each as a copy of `item` with new bounds. */
export function clipToWindows<T extends Interval>(item: T, windows: readonly Interval[]): T[] {
  const out: T[] = [];
  let lo = 0;
  let hi = windows.length;
  // First window that ends after the item starts.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].endMs <= item.startMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < windows.length && windows[i].startMs < item.endMs; i++) {
    const startMs = Math.max(item.startMs, windows[i].startMs);
    const endMs = Math.min(item.endMs, windows[i].endMs);
    if (endMs > startMs) out.push({ ...item, startMs, endMs });
  }
  return out;
}

/** The overlap of [a, b) and [c, d) in ms. */
export function overlapMs(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}
