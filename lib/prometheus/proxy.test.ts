import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { freePort, openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import type { Principal } from "@/lib/auth/roles";
import { createDatasource } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import { createToken } from "@/lib/tokens/queries";
import { metrics } from "@/lib/observability/metrics";
import { GET, POST } from "@/app/api/v1/datasources/[id]/[...endpoint]/route";
import { clearProxyCache, proxyPrometheus } from "./proxy";
import { promString } from "./escape";

/**
 * The proxy against a real Prometheus holding two days of backfilled samples whose values the test
 * knows: gauge keel_test_gauge{service="a"} = (t/60) mod 1000 every minute, and counters that grow
 * by 10 (code 200) and 1 (code 500) per minute.
 */
const prom = requirePrometheus();
const MIN = 60;
const T0 = Math.floor(Date.now() / 1000 / 3600) * 3600 - 3600; // an hour boundary, an hour ago
const FROM = T0 - 2 * 86400;
const gaugeAt = (t: number) => (t / 60) % 1000;
const EVIL = 'evil"} or vector(42) or keel_test_gauge{service="x';
const BACKSLASH = "back\\slash";
// Quantiles over a 2-hour, 1-second subquery every 30 s for two days: many seconds of work here.
const HEAVY = { query: "quantile_over_time(0.5, keel_test_gauge[2h:1s])", start: String(FROM), end: String(T0), step: "30" };

function samples(f: (t: number) => number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = FROM; t <= T0; t += MIN) out.push([t, f(t)]);
  return out;
}

let p: RunningPrometheus;
let drop: () => Promise<void>;
let viewer: Principal;
let dsId: string;
let token: string;
const servers: Server[] = [];

async function body(res: Response) {
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

async function direct(path: string, params: Record<string, string>) {
  const res = await fetch(`${p.url}/api/v1/${path}?${new URLSearchParams(params)}`);
  return (await res.json()) as { data: unknown };
}

function proxied(endpoint: string[], params: Record<string, string>, ref = dsId, signal?: AbortSignal) {
  return proxyPrometheus(viewer, ref, endpoint, new URLSearchParams(params), signal);
}

function metricValue(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

async function metricsText() {
  return metrics().registry.metrics();
}

describe.skipIf(!prom.path)("Prometheus proxy against a real Prometheus", () => {
  beforeAll(async () => {
    p = await startPrometheus({
      openMetrics: openMetricsText([
        { name: "keel_test_gauge", labels: { service: "a" }, samples: samples(gaugeAt) },
        { name: "keel_test_gauge", labels: { service: "x" }, samples: samples(() => 5) },
        { name: "keel_test_gauge", labels: { service: EVIL }, samples: samples(() => 7) },
        { name: "keel_test_gauge", labels: { service: BACKSLASH }, samples: samples(() => 9) },
        { name: "keel_test_requests", type: "counter", labels: { service: "a", code: "200" }, samples: samples((t) => ((t - FROM) / 60) * 10) },
        { name: "keel_test_requests", type: "counter", labels: { service: "a", code: "500" }, samples: samples((t) => (t - FROM) / 60) },
      ]),
    });
    ({ drop } = await freshDatabase());
    const admin = await makeUser("admin");
    viewer = await makeUser("viewer");
    dsId = (await createDatasource(admin, datasourceInputSchema.parse({ name: "test-prom", url: p.url, scrapeIntervalSeconds: 60, timeoutSeconds: 5 }))).id;
    token = (await createToken(admin, { email: viewer.email, name: "proxy-test" })).token;
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) s.close();
    await p?.stop();
    await drop?.();
  });

  it("answers a range query with the values the test expects, identical to asking Prometheus directly", async () => {
    const start = T0 - 6 * 3600 + 17; // deliberately off-grid
    const end = T0 - 3600 + 29;
    const res = await body(await proxied(["query_range"], { query: 'keel_test_gauge{service="a"}', start: String(start), end: String(end), width: "720" }));
    expect(res.status).toBe(200);
    // 5 h over 360 points wants a 50 s step; the scrape interval raises it to 60 s; start/end snap to it.
    expect(res.headers.get("X-Keel-Step")).toBe("60");
    const data = res.json.data as { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
    expect(data.resultType).toBe("matrix");
    expect(data.result).toHaveLength(1);
    const values = data.result[0].values;
    expect(values[0][0]).toBe(T0 - 6 * 3600);
    expect(values.at(-1)![0]).toBe(T0 - 3600);
    expect(values).toHaveLength(301);
    for (const [t, v] of values) {
      expect(t % 60).toBe(0);
      expect(Number(v)).toBe(gaugeAt(t));
    }
    const d = await direct("query_range", { query: 'keel_test_gauge{service="a"}', start: String(T0 - 6 * 3600), end: String(T0 - 3600), step: "60" });
    expect(res.json.data).toEqual(d.data);
  });

  it("computes rates like Prometheus and picks a coarser nice step for wide windows", async () => {
    const res = await body(await proxied(["query_range"], { query: 'sum by (code) (rate(keel_test_requests_total{service="a"}[5m]))', start: String(FROM + 3600), end: String(T0), width: "1000" }));
    // 47 h over 500 points wants 338.4 s; the next nice step is 600 s.
    expect(res.headers.get("X-Keel-Step")).toBe("600");
    const result = (res.json.data as { result: { metric: { code: string }; values: [number, string][] }[] }).result;
    const byCode = Object.fromEntries(result.map((r) => [r.metric.code, r.values]));
    for (const [t, v] of byCode["200"]) {
      expect(t % 600).toBe(0);
      expect(Number(v)).toBeCloseTo(10 / 60, 10);
    }
    for (const [, v] of byCode["500"]) expect(Number(v)).toBeCloseTo(1 / 60, 10);
  });

  it("answers instant queries, labels, label values, series and metadata as Prometheus does", async () => {
    const at = String(T0 - 1800);
    const q = await body(await proxied(["query"], { query: 'keel_test_gauge{service="a"}', time: at }));
    const qv = (q.json.data as { result: { value: [number, string] }[] }).result[0].value;
    expect(Number(qv[1])).toBe(gaugeAt(T0 - 1800));
    expect(q.json.data).toEqual((await direct("query", { query: 'keel_test_gauge{service="a"}', time: at })).data);

    const window = { start: String(FROM), end: String(T0) };
    const labels = await body(await proxied(["labels"], window));
    expect(labels.json.data).toEqual(expect.arrayContaining(["__name__", "code", "service"]));
    const values = await body(await proxied(["label", "service", "values"], window));
    expect(values.json.data).toEqual((await direct("label/service/values", window)).data);
    expect(values.json.data).toEqual(expect.arrayContaining(["a", "x", EVIL, BACKSLASH]));
    const series = await body(await proxied(["series"], { "match[]": "keel_test_requests_total", ...window }));
    expect(series.json.data).toHaveLength(2);
    const meta = await body(await proxied(["metadata"], {}));
    expect(meta.status).toBe(200);
    expect(meta.json.status).toBe("success");
  });

  it("puts label values into PromQL through one escaping helper that a quote or backslash cannot break out of", async () => {
    for (const [name, expected] of [
      [EVIL, 7],
      [BACKSLASH, 9],
      ["a", gaugeAt(T0 - 1800)],
    ] as const) {
      const query = `keel_test_gauge{service=${promString(name)}}`;
      const res = await body(await proxied(["query"], { query, time: String(T0 - 1800) }));
      const result = (res.json.data as { result: { metric: { service: string }; value: [number, string] }[] }).result;
      expect(result).toHaveLength(1);
      expect(result[0].metric.service).toBe(name);
      expect(Number(result[0].value[1])).toBe(expected);
    }
    // Without escaping, the same value would have turned into a different query returning 42.
    const naive = await body(await proxied(["query"], { query: `keel_test_gauge{service="${EVIL}"}`, time: String(T0 - 1800) }));
    const values = (naive.json.data as { result: { value: [number, string] }[] }).result.map((r) => Number(r.value[1]));
    expect(values).toContain(42);
  });

  it("reports bad PromQL as a 400 with Prometheus's own message and the position", async () => {
    const res = await body(await proxied(["query"], { query: "sum(rate(keel_test_gauge[5m]) by", time: String(T0) }));
    expect(res.status).toBe(400);
    expect(res.json.status).toBe("error");
    expect(res.json.errorType).toBe("bad_data");
    expect(String(res.json.error)).toMatch(/parse error/);
    expect(res.json.position).toEqual({ line: 1, column: expect.any(Number) });
    const missing = await body(await proxied(["query_range"], { query: "up", start: "x", end: String(T0) }));
    expect(missing.status).toBe(400);
    expect(String(missing.json.error)).toMatch(/start/);
    const tooMany = await body(await proxied(["query_range"], { query: "up", start: String(FROM), end: String(T0), step: "1" }));
    expect(tooMany.status).toBe(400);
    expect(String(tooMany.json.error)).toMatch(/11000 points/);
    const unknown = await body(await proxied(["admin", "tsdb", "delete_series"], {}));
    expect(unknown.status).toBe(404);
  });

  it("downsamples long series to maxPoints, keeping only real samples", async () => {
    const params = { query: 'keel_test_gauge{service="a"}', start: String(FROM), end: String(T0), step: "60" };
    const full = (await body(await proxied(["query_range"], params))).json.data as { result: { values: [number, string][] }[] };
    const thin = (await body(await proxied(["query_range"], { ...params, maxPoints: "200" }))).json.data as { result: { values: [number, string][] }[] };
    expect(full.result[0].values.length).toBe(2 * 24 * 60 + 1);
    expect(thin.result[0].values.length).toBe(200);
    const original = new Map(full.result[0].values.map(([t, v]) => [t, v]));
    for (const [t, v] of thin.result[0].values) expect(original.get(t)).toBe(v);
    // The sawtooth's peaks (near 999) and troughs (near 0) survive thinning; averaging buckets
    // that straddle a drop would have pulled both towards the middle.
    const kept = thin.result[0].values.map(([, v]) => Number(v));
    expect(Math.max(...kept)).toBeGreaterThanOrEqual(990);
    expect(Math.min(...kept)).toBeLessThanOrEqual(10);
  });

  it("sends 50 concurrent identical requests upstream once, then serves the cache", async () => {
    clearProxyCache();
    const params = { query: 'sum(keel_test_gauge{service="a"})', start: String(T0 - 86400), end: String(T0 - 7200), width: "800" };
    const up = (t: string) => metricValue(t, "keel_prometheus_upstream_requests_total", { datasource: "test-prom", endpoint: "query_range", status_class: "2xx" });
    const coalesced = (t: string) => metricValue(t, "keel_prometheus_coalesced_requests_total", { endpoint: "query_range" });
    const hits = (t: string) => metricValue(t, "keel_prometheus_cache_requests_total", { endpoint: "query_range", result: "hit" });
    const before = await metricsText();
    const answers = await Promise.all(Array.from({ length: 50 }, () => proxied(["query_range"], params).then(body)));
    const after = await metricsText();
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(up(after) - up(before)).toBe(1);
    expect(coalesced(after) - coalesced(before)).toBe(49);
    const again = await proxied(["query_range"], params);
    expect(again.headers.get("X-Keel-Cache")).toBe("hit");
    const last = await metricsText();
    expect(up(last) - up(after)).toBe(0);
    expect(hits(last) - hits(after)).toBe(1);
    expect(last).toMatch(/keel_prometheus_upstream_duration_seconds_count\{datasource="test-prom",endpoint="query_range"\}/);
  });

  it("authorizes every call at the route: an API token works, no credentials get 401, POST forms are accepted", async () => {
    const url = `http://keel.test/api/v1/datasources/${dsId}/query?query=${encodeURIComponent('keel_test_gauge{service="x"}')}&time=${T0 - 60}`;
    const ctx = { params: Promise.resolve({ id: dsId, endpoint: ["query"] }) };
    const ok = await GET(new Request(url, { headers: { Authorization: `Bearer ${token}` } }), ctx);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { result: { value: [number, string] }[] } }).data.result[0].value[1]).toBe("5");
    const bad = await GET(new Request(url, { headers: { Authorization: "Bearer nope" } }), ctx);
    expect(bad.status).toBe(401);
    const form = await POST(
      new Request(`http://keel.test/api/v1/datasources/default/query`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: 'keel_test_gauge{service="x"}', time: String(T0 - 60) }),
      }),
      { params: Promise.resolve({ id: "default", endpoint: ["query"] }) },
    );
    expect(form.status).toBe(200);
    const missing = await body(await proxied(["query"], { query: "up" }, "00000000-0000-4000-8000-000000000000"));
    expect(missing.status).toBe(404);
    expect(missing.json.status).toBe("error");
  });

  it("gives 502 naming the data source when it is down, and 504 within the time-out when it is too slow", async () => {
    const admin = await makeUser("admin");
    const deadPort = await freePort();
    const dead = await createDatasource(admin, datasourceInputSchema.parse({ name: "stopped-prom", url: `http://127.0.0.1:${deadPort}` }));
    const down = await body(await proxied(["query"], { query: "up" }, dead.id));
    expect(down.status).toBe(502);
    expect(String(down.json.error)).toMatch(/stopped-prom.*connection refused/);

    const slow = await createDatasource(admin, datasourceInputSchema.parse({ name: "slow-prom", url: p.url, timeoutSeconds: 1 }));
    const t0 = Date.now();
    const res = await body(await proxied(["query_range"], HEAVY, slow.id));
    const elapsed = Date.now() - t0;
    expect(res.status).toBe(504);
    expect(res.json.errorType).toBe("timeout");
    expect(elapsed).toBeLessThan(3_000);
  });

  it("uses the stored credentials and headers, and says so when upstream refuses them", async () => {
    // A gateway in front of Prometheus that wants a bearer token and a tenant header, as Mimir does.
    const gatewayPort = await freePort();
    const gateway = createServer(async (req, res) => {
      if (req.headers.authorization !== "Bearer gw-token" || req.headers["x-scope-orgid"] !== "tenant-1") {
        res.writeHead(401).end("no");
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(`${p.url}${req.url}`, { method: req.method, headers: { "Content-Type": req.headers["content-type"] ?? "" }, body: req.method === "POST" ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, { "Content-Type": "application/json" }).end(await upstream.text());
    });
    servers.push(gateway);
    await new Promise<void>((r) => gateway.listen(gatewayPort, "127.0.0.1", r));
    const admin = await makeUser("admin");
    const good = await createDatasource(
      admin,
      datasourceInputSchema.parse({ name: "gateway", kind: "mimir", url: `http://127.0.0.1:${gatewayPort}`, auth: { type: "bearer", token: "gw-token" }, headers: { "X-Scope-OrgID": "tenant-1" } }),
    );
    const ok = await body(await proxied(["query"], { query: 'keel_test_gauge{service="x"}', time: String(T0 - 60) }, good.id));
    expect(ok.status).toBe(200);
    const wrong = await createDatasource(admin, datasourceInputSchema.parse({ name: "gateway-wrong", url: `http://127.0.0.1:${gatewayPort}`, auth: { type: "bearer", token: "bad" } }));
    const refused = await body(await proxied(["query"], { query: "up", time: String(T0) }, wrong.id));
    expect(refused.status).toBe(502);
    expect(String(refused.json.error)).toMatch(/gateway-wrong.*refused Keel's credentials \(HTTP 401\)/);
  });

  it("aborts the upstream query when the only caller goes away", async () => {
    const controller = new AbortController();
    const pending = proxied(["query_range"], { ...HEAVY, end: String(T0 - 60) }, dsId, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const t0 = Date.now();
    const res = await body(await pending);
    expect(res.status).toBe(499);
    expect(Date.now() - t0).toBeLessThan(1_000);
    const text = await metricsText();
    expect(metricValue(text, "keel_prometheus_errors_total", { endpoint: "query_range", class: "canceled" })).toBeGreaterThanOrEqual(1);
  });
});
