import "server-only";
import { cachedConnection, type DatasourceConnection } from "./connection";
import { readSecrets, requireRow } from "./queries";

/** Headers for a data source: basic or bearer Authorization plus the extra headers. */
export function authHeaders(authKind: string, username: string | null, secrets: ReturnType<typeof readSecrets>): Record<string, string> {
  const headers: Record<string, string> = { ...(secrets.headers ?? {}) };
  if (authKind === "basic" && secrets.password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${username ?? ""}:${secrets.password}`).toString("base64")}`;
  } else if (authKind === "bearer" && secrets.token !== undefined) {
    headers.Authorization = `Bearer ${secrets.token}`;
  }
  return headers;
}

/** The connection for a data source id or "default". The caller has already checked the role. */
export function loadConnection(ref: string): Promise<DatasourceConnection> {
  return cachedConnection(ref, async () => {
    const row = await requireRow(ref);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      url: row.url,
      timeoutMs: row.timeoutSeconds * 1000,
      scrapeIntervalMs: row.scrapeIntervalSeconds * 1000,
      headers: authHeaders(row.authKind, row.basicUsername, readSecrets(row)),
    };
  });
}
