import "server-only";

/**
 * What the proxy needs to talk to a data source: URL, time-out and the request headers with the
 * secrets opened. Kept in process for a few seconds so a page of charts does not read and decrypt
 * the row once per chart; an edit in this process forgets it at once, other instances within
 * CONNECTION_TTL_MS.
 */
export type DatasourceConnection = {
  id: string;
  name: string;
  kind: string;
  url: string;
  timeoutMs: number;
  scrapeIntervalMs: number;
  headers: Record<string, string>;
};

const CONNECTION_TTL_MS = 5_000;
type Entry = { at: number; conn: Promise<DatasourceConnection> };
const g = globalThis as unknown as { __keelConnections?: Map<string, Entry> };
const cache: Map<string, Entry> = (g.__keelConnections ??= new Map<string, Entry>());

export function forgetConnection(id?: string): void {
  if (!id) return cache.clear();
  for (const [key, entry] of cache) {
    entry.conn.then((c) => c.id === id && cache.get(key) === entry && cache.delete(key)).catch(() => cache.delete(key));
  }
  cache.delete(id);
  cache.delete("default");
}

export function cachedConnection(ref: string, load: () => Promise<DatasourceConnection>, now = Date.now()): Promise<DatasourceConnection> {
  const hit = cache.get(ref);
  if (hit && now - hit.at < CONNECTION_TTL_MS) return hit.conn;
  const conn = load();
  cache.set(ref, { at: now, conn });
  conn.catch(() => cache.get(ref)?.conn === conn && cache.delete(ref));
  return conn;
}
