import "server-only";
import type { DatasourceConnection } from "@/lib/datasources/connection";
import { metrics } from "@/lib/observability/metrics";
import { describeNetworkError, parseErrorPosition, PromProxyError } from "./errors";

export type UpstreamAnswer = { status: number; body: string };

/** Endpoints Prometheus accepts as form POSTs (long queries do not hit URL limits). */
const POST_ENDPOINTS = new Set(["query", "query_range", "series", "labels"]);

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/**
 * One request to a data source's Prometheus HTTP API (`<url>/api/v1/<path>`). Succeeds only with a
 * 2xx Prometheus JSON answer; every failure becomes a PromProxyError naming the data source.
 * `signal` cancels it (the browser went away); the data source's own time-out also applies.
 */
export async function upstreamRequest(
  conn: DatasourceConnection,
  endpoint: string,
  path: string,
  params: URLSearchParams,
  signal?: AbortSignal,
): Promise<UpstreamAnswer> {
  const m = metrics();
  const labels = { datasource: conn.name, endpoint };
  const timeout = AbortSignal.timeout(conn.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const post = POST_ENDPOINTS.has(endpoint);
  const target = `${conn.url}/api/v1/${path}${post || !params.size ? "" : `?${params}`}`;
  const stop = m.promUpstreamDuration.startTimer(labels);
  let res: Response;
  let body: string;
  try {
    res = await fetch(target, {
      method: post ? "POST" : "GET",
      headers: { Accept: "application/json", ...(post ? { "Content-Type": "application/x-www-form-urlencoded" } : {}), ...conn.headers },
      body: post ? params.toString() : undefined,
      signal: combined,
      redirect: "manual",
    });
    body = await res.text();
  } catch (err) {
    stop();
    const { klass, reason } = describeNetworkError(timeout.aborted ? timeout.reason : err);
    m.promUpstreamRequests.inc({ ...labels, status_class: "error" });
    if (klass === "timeout") throw new PromProxyError("timeout", `Data source "${conn.name}" did not answer within ${conn.timeoutMs / 1000} s.`);
    if (klass === "canceled") throw new PromProxyError("canceled", "The request was canceled.");
    throw new PromProxyError(klass, `Cannot reach data source "${conn.name}" at ${conn.url}: ${reason}.`);
  }
  stop();
  m.promUpstreamRequests.inc({ ...labels, status_class: statusClass(res.status) });
  if (res.status >= 200 && res.status < 300) {
    if (!looksLikePromJson(body)) {
      throw new PromProxyError(
        "upstream_error",
        `Data source "${conn.name}" answered, but not with the Prometheus HTTP API. Check the URL (Mimir and some gateways need a prefix such as /prometheus).`,
      );
    }
    return { status: res.status, body };
  }
  throw upstreamError(conn, res.status, body);
}

function looksLikePromJson(body: string): boolean {
  if (body.startsWith('{"status":"success"')) return true;
  try {
    return (JSON.parse(body) as { status?: string }).status === "success";
  } catch {
    return false;
  }
}

function upstreamError(conn: DatasourceConnection, status: number, body: string): PromProxyError {
  let parsed: { errorType?: string; error?: string } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: a proxy or load balancer in front of the data source
  }
  if (status === 401 || status === 403) {
    return new PromProxyError("upstream_auth", `Data source "${conn.name}" refused Keel's credentials (HTTP ${status}). An admin can fix them in Settings → Data sources.`);
  }
  if (parsed.errorType === "timeout" || status === 504) {
    return new PromProxyError("timeout", `Data source "${conn.name}" gave up on the query: ${parsed.error ?? `HTTP ${status}`}.`);
  }
  if ((status === 400 || status === 422) && parsed.error) {
    return new PromProxyError("bad_query", parsed.error, parseErrorPosition(parsed.error), status, parsed.errorType);
  }
  if (status === 404) {
    return new PromProxyError("upstream_error", `Data source "${conn.name}" has no such API endpoint (HTTP 404). Check the URL and kind.`);
  }
  const detail = parsed.error ?? body.slice(0, 200).trim();
  return new PromProxyError("upstream_error", `Data source "${conn.name}" failed with HTTP ${status}${detail ? `: ${detail}` : ""}.`);
}
