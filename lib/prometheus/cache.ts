import { LRUCache } from "lru-cache";

/**
 * The proxy's answer cache: raw Prometheus JSON by request key, each entry with its own TTL, bounded
 * by total size (default 64 MiB) so a burst of wide queries cannot exhaust memory. Per process: a
 * second Keel instance simply has its own.
 */
export type CachedAnswer = { body: string };

export function createAnswerCache(maxBytes = 64 * 1024 * 1024) {
  return new LRUCache<string, CachedAnswer>({
    maxSize: maxBytes,
    sizeCalculation: (v, k) => v.body.length + k.length + 64,
    maxEntrySize: Math.floor(maxBytes / 4),
    ttlAutopurge: false,
    allowStale: false,
  });
}
