import { LRUCache } from "lru-cache";

/**
 * Forecasts kept per process, keyed by resource id, version and horizon: a forecast costs about
 * 120 ms of CPU and the list, the detail page, the service page and the overview all want the same
 * one. Each entry is the promise of the work, so concurrent callers share one computation; it lives
 * `ttlMs` (or what `ttlFor` says for its result) and a failure is dropped at once. Another Keel
 * instance has its own cache, which only costs it the same work once.
 */
export type ForecastCacheOptions<V> = {
  max?: number;
  ttlMs: number;
  /** A shorter life for some results (e.g. a forecast that could not be made). */
  ttlFor?: (value: V) => number;
  now?: () => number;
};

type Entry<V> = { promise: Promise<V>; expiresAt: number };

export function createForecastCache<V>(o: ForecastCacheOptions<V>) {
  const now = o.now ?? Date.now;
  const entries = new LRUCache<string, Entry<V>>({ max: o.max ?? 500 });
  return {
    get(key: string, compute: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.promise;
      const entry: Entry<V> = { promise: compute(), expiresAt: now() + o.ttlMs };
      entries.set(key, entry);
      entry.promise.then(
        (v) => {
          if (o.ttlFor) entry.expiresAt = Math.min(entry.expiresAt, now() + o.ttlFor(v));
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.promise;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

export const forecastKey = (id: string, version: number, horizonMs: number) => `${id}:${version}:${horizonMs}`;
