import "server-only";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { PromProxyError } from "@/lib/prometheus/errors";
import { upstreamRequest } from "@/lib/prometheus/upstream";
import type { DatasourceConnection } from "./connection";
import { authHeaders, loadConnection } from "./load-connection";
import { mergeSecrets, readSecrets, requireRow } from "./queries";
import type { DatasourceInput } from "./schemas";

export type ConnectionTest =
  | { ok: true; version: string; latencyMs: number; message: string }
  | { ok: false; problem: string; message: string; latencyMs: number };

/** Asks `/api/v1/status/buildinfo` and reports the version, or exactly why it failed. */
export async function probe(conn: DatasourceConnection): Promise<ConnectionTest> {
  const t0 = performance.now();
  const latency = () => Math.round(performance.now() - t0);
  try {
    const answer = await upstreamRequest(conn, "buildinfo", "status/buildinfo", new URLSearchParams());
    const version = (JSON.parse(answer.body) as { data?: { version?: string } }).data?.version ?? "unknown";
    const ms = latency();
    return { ok: true, version, latencyMs: ms, message: `Connected to ${conn.kind} ${version} in ${ms} ms.` };
  } catch (err) {
    if (!(err instanceof PromProxyError)) throw err;
    return { ok: false, problem: err.klass, message: err.message, latencyMs: latency() };
  }
}

/** Tests a saved data source. */
export async function testDatasource(actor: Principal, ref: string): Promise<ConnectionTest> {
  assertRole(actor, "admin");
  return probe(await loadConnection(ref));
}

/** Tests what an admin typed before saving; blank secrets fall back to those stored on `existingId`. */
export async function testDatasourceInput(actor: Principal, input: DatasourceInput, existingId?: string): Promise<ConnectionTest> {
  assertRole(actor, "admin");
  const row = existingId ? await requireRow(existingId) : undefined;
  const { secrets, missing } = mergeSecrets(row ? readSecrets(row) : {}, input.auth, input.headers, row?.authKind ?? "none");
  if (Object.keys(missing).length) throw new AppError("bad_request", "Some fields are invalid.", missing);
  return probe({
    id: row?.id ?? "unsaved",
    name: input.name,
    kind: input.kind,
    url: input.url,
    timeoutMs: input.timeoutSeconds * 1000,
    scrapeIntervalMs: input.scrapeIntervalSeconds * 1000,
    headers: authHeaders(input.auth.type, input.auth.type === "basic" ? input.auth.username : null, secrets),
  });
}
