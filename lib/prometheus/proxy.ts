import "server-only";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { loadConnection } from "@/lib/datasources/load-connection";
import type { DatasourceConnection } from "@/lib/datasources/connection";
import { metrics } from "@/lib/observability/metrics";
import { createAnswerCache } from "./cache";
import { instantTtlMs, METADATA_TTL_MS, rangeTtlMs } from "./cache-policy";
import { Coalescer } from "./coalesce";
import { downsampleMatrix, type MatrixSeries } from "./downsample";
import { parseDurationMs, parseTimeMs, toPromSeconds } from "./duration";
import { PromProxyError } from "./errors";
import { resolveStep } from "./step";
import { upstreamRequest, type UpstreamAnswer } from "./upstream";

/** The read-only Prometheus API endpoints Keel proxies, and the parameters each may pass on. */
const ENDPOINT_PARAMS: Record<string, string[]> = {
  query: ["query", "time"],
  query_range: ["query", "start", "end", "step"],
  labels: ["match[]", "start", "end", "limit"],
  "label/values": ["match[]", "start", "end", "limit"],
  series: ["match[]", "start", "end", "limit"],
  metadata: ["metric", "limit", "limit_per_metric"],
};

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Shared = { cache: ReturnType<typeof createAnswerCache>; flights: Coalescer<UpstreamAnswer> };
const g = globalThis as unknown as { __keelPromProxy?: Shared };
const shared = (g.__keelPromProxy ??= { cache: createAnswerCache(), flights: new Coalescer<UpstreamAnswer>() });

/** For tests and benchmarks: start from an empty cache. */
export function clearProxyCache(): void {
  shared.cache.clear();
}

type Plan = { endpoint: string; path: string; params: URLSearchParams; ttlMs: number; stepMs?: number; maxPoints?: number };

function bad(message: string): PromProxyError {
  return new PromProxyError("bad_query", message);
}

function requiredTime(params: URLSearchParams, name: string): number {
  const text = params.get(name);
  if (text === null || text === "") throw bad(`missing parameter "${name}"`);
  const ms = parseTimeMs(text);
  if (ms === null) throw bad(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
  return ms;
}

/** Validates the request and works out exactly what to ask upstream and for how long to keep it. */
export function planRequest(segments: string[], input: URLSearchParams, conn: Pick<DatasourceConnection, "scrapeIntervalMs" | "timeoutMs">, nowMs: number): Plan {
  let endpoint = segments.join("/");
  let path = endpoint;
  if (segments.length === 3 && segments[0] === "label" && segments[2] === "values") {
    if (!LABEL_NAME.test(segments[1])) throw bad(`invalid label name: "${segments[1]}"`);
    endpoint = "label/values";
    path = `label/${segments[1]}/values`;
  }
  const allowed = ENDPOINT_PARAMS[endpoint];
  if (!allowed) throw new PromProxyError("not_found", `Keel proxies only query, query_range, labels, label/<name>/values, series and metadata; not "${segments.join("/")}".`);
  const params = new URLSearchParams();
  for (const name of allowed) for (const v of input.getAll(name)) params.append(name, v);
  const timeout = `${Math.floor(conn.timeoutMs / 1000)}s`;

  if (endpoint === "query_range") {
    if (!params.get("query")) throw bad('missing parameter "query"');
    const startMs = requiredTime(params, "start");
    const endMs = requiredTime(params, "end");
    let stepMs: number | undefined;
    const stepText = params.get("step");
    if (stepText) {
      stepMs = parseDurationMs(stepText) ?? undefined;
      if (stepMs === undefined) throw bad(`invalid parameter "step": cannot parse "${stepText}" to a valid duration`);
    }
    const widthText = input.get("width");
    const width = widthText ? Number(widthText) : undefined;
    if (width !== undefined && !(Number.isInteger(width) && width > 0)) throw bad('invalid parameter "width": a positive whole number of pixels');
    const maxText = input.get("maxPoints");
    const maxPoints = maxText ? Number(maxText) : undefined;
    if (maxPoints !== undefined && !(Number.isInteger(maxPoints) && maxPoints >= 3 && maxPoints <= 11_000)) {
      throw bad('invalid parameter "maxPoints": a whole number between 3 and 11000');
    }
    const step = resolveStep({ startMs, endMs, stepMs, widthPx: width, scrapeIntervalMs: conn.scrapeIntervalMs });
    if (!step.ok) throw bad(step.message);
    params.set("start", toPromSeconds(step.startMs));
    params.set("end", toPromSeconds(step.endMs));
    params.set("step", toPromSeconds(step.stepMs));
    const ttlMs = rangeTtlMs({ startMs: step.startMs, endMs: step.endMs, stepMs: step.stepMs, nowMs });
    params.set("timeout", timeout);
    return { endpoint, path, params, ttlMs, stepMs: step.stepMs, maxPoints };
  }
  if (endpoint === "query") {
    if (!params.get("query")) throw bad('missing parameter "query"');
    const timeText = params.get("time");
    const timeMs = timeText ? parseTimeMs(timeText) : null;
    if (timeText && timeMs === null) throw bad(`invalid parameter "time": cannot parse "${timeText}" to a valid timestamp`);
    params.set("timeout", timeout);
    return { endpoint, path, params, ttlMs: instantTtlMs({ timeMs, nowMs }) };
  }
  if (endpoint === "series" && params.getAll("match[]").length === 0) throw bad("no match[] parameter provided");
  return { endpoint, path, params, ttlMs: METADATA_TTL_MS };
}

function json(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store", ...headers } });
}

function errorAnswer(err: PromProxyError): Response {
  return json(JSON.stringify(err.toBody()), err.status);
}

/**
 * Answers one proxied Prometheus API call for a signed-in caller: authorizes, validates, aligns,
 * then serves from the cache, joins an identical request in flight, or asks the data source.
 */
export async function proxyPrometheus(actor: Principal, ref: string, segments: string[], input: URLSearchParams, signal?: AbortSignal): Promise<Response> {
  assertRole(actor, "viewer");
  const m = metrics();
  let endpoint = segments[0] === "label" ? "label/values" : segments.join("/");
  try {
    let conn: DatasourceConnection;
    try {
      conn = await loadConnection(ref);
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") throw new PromProxyError("not_found", err.message);
      throw err;
    }
    const plan = planRequest(segments, input, conn, Date.now());
    endpoint = plan.endpoint;
    const key = `${conn.id}|${plan.path}|${[...plan.params].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join("&")}`;
    const headers: Record<string, string> = plan.stepMs ? { "X-Keel-Step": String(plan.stepMs / 1000) } : {};

    let body: string;
    const hit = shared.cache.get(key);
    if (hit) {
      m.promCache.inc({ endpoint, result: "hit" });
      headers["X-Keel-Cache"] = "hit";
      body = hit.body;
    } else {
      m.promCache.inc({ endpoint, result: "miss" });
      const { promise, joined } = shared.flights.run(key, signal, (s) => upstreamRequest(conn, endpoint, plan.path, plan.params, s));
      if (joined) m.promCoalesced.inc({ endpoint });
      headers["X-Keel-Cache"] = joined ? "coalesced" : "miss";
      body = (await promise).body;
      if (!joined) shared.cache.set(key, { body }, { ttl: plan.ttlMs });
    }
    if (plan.maxPoints) {
      const parsed = JSON.parse(body) as { data: { resultType: string; result: MatrixSeries[] } };
      if (parsed.data.resultType === "matrix") parsed.data.result = downsampleMatrix(parsed.data.result, plan.maxPoints);
      body = JSON.stringify(parsed);
    }
    return json(body, 200, headers);
  } catch (err) {
    const e = err instanceof PromProxyError ? err : signal?.aborted ? new PromProxyError("canceled", "The request was canceled.") : null;
    if (!e) throw err;
    m.promErrors.inc({ endpoint: ENDPOINT_PARAMS[endpoint] ? endpoint : "other", class: e.klass });
    return errorAnswer(e);
  }
}
