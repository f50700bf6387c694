import { LRUCache } from "lru-cache";

/**
 * The proxy's answer cache: raw Prometheus JSON by request key, each entry with its own TTL, bounded
 * by total size (default 64 MiB) so a burst of wide queries cannot exhaust memory. Per process: a
 * second Keel instance simply has its own.
 */
/** The raw answer, and its gzip once a client that accepts gzip has asked for it. */
export type CachedAnswer = { body: string; gz?: Promise<Buffer> };

export function createAnswerCache(maxBytes = 64 * 1024 * 1024) {
  return new LRUCache<string, CachedAnswer>({
    maxSize: maxBytes,
    // The gzip copy is typically a fifth of the text; count it up front so the bound holds.
    sizeCalculation: (v, k) => Math.ceil(v.body.length * 1.25) + k.length + 64,
    maxEntrySize: Math.floor(maxBytes / 4),
    ttlAutopurge: false,
    allowStale: false,
  });
}
