/**
 * Bench: the cost of Keel's Prometheus proxy (`GET /api/v1/datasources/{id}/query_range`) against
 * asking Prometheus directly, on a real Prometheus holding a month of backfilled history.
 *
 *   npx tsx bench/prometheus-proxy.ts [--pg postgres://postgres@127.0.0.1:5432/postgres] [--samples 40]
 *
 * Needs a `next build` (the last one is reused), `prometheus` and `promtool` on PATH and a PostgreSQL
 * server (default postgres://postgres@127.0.0.1:5432/postgres), on which a fresh database is created
 * for the run and dropped at the end.
 *
 * In one run, for each query (30 days at a 1 h step, 24 h at a 1 m step):
 *  1. direct to Prometheus and 2. through the proxy with a cold Keel cache, interleaved in pairs on
 *     the same window (the order inside a pair alternates, A B | B A | …, so neither side always
 *     goes first); each pair uses a new window, shifted by whole steps, so every proxied request
 *     misses Keel's cache (checked on every answer). Direct requests are sent exactly as Keel
 *     sends them upstream (form POST with the same query/start/end/step/timeout).
 *  3. through the proxy on a cache hit (one window, repeated);
 *  4. 50 concurrent identical requests through the proxy on a fresh window, with the upstream,
 *     coalesced and hit counts read from Keel's /api/metrics.
 * Then a breakdown of the proxy's fixed cost (routing, token vs session, data source read) from
 * small requests that stop at each stage.
 *
 * Data: `http_requests_total` for 10 services × 4 status codes, one sample a minute for 33 days (30
 * days plus a margin, so every shifted 30-day window is fully covered), backfilled with promtool.
 *
 * `--cpu-prof DIR` runs Keel under V8's CPU profiler (profiles land in DIR when Keel exits) and then
 * prints Keel's main-thread CPU time per request for each measured phase, by code origin. The
 * profiler slows Keel down, so take latencies from a run without it.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { freePort, openMetricsText, startPrometheus, type RunningPrometheus } from "../test/fixtures/prometheus";
import { scrape, total, type Sample } from "./lib/keel-metrics";
import { stopGroup } from "./lib/process-group";
import { signIn } from "./lib/sign-in";
import { cleanup, createBenchDatabase, f1, flag, log, onCleanup, sleep } from "./lib/harness";
import { mean, median, percentile } from "./lib/stats";
import { CODES, dirBytes, history, HISTORY_MS, SERVICES } from "./lib/proxy-history";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pgServer = flag("--pg") ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Write V8 CPU profiles of Keel's processes here (timings are then perturbed; for finding where time goes). */
const cpuProfDir = flag("--cpu-prof");
const SAMPLES = Number(flag("--samples") ?? 40);
const WARMUP = 10;
const CONCURRENCY = 50;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PROMQL = "sum by (service) (rate(http_requests_total[5m]))";

type QuerySpec = { label: string; spanMs: number; stepMs: number; /** windows end at least this far back (settled data) */ lagMs: number };
const QUERIES: QuerySpec[] = [
  { label: "30 d @ 1 h", spanMs: 30 * DAY, stepMs: HOUR, lagMs: HOUR },
  { label: "24 h @ 1 m", spanMs: DAY, stepMs: MINUTE, lagMs: 15 * MINUTE },
];



// ---------------------------------------------------------------------------------------------
// Keel

async function startKeel(env: Record<string, string>): Promise<{ base: string; pid: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // e2e/server.ts: migrate, seed the demo organisation, start the production server (last build).
  // Node with tsx's loader (what `npx tsx` runs), so that --cpu-prof can be given to the server itself.
  const profile = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "e2e/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      E2E_PORT: String(port),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  onCleanup(async () => {
    await stopGroup(child);
    log("stopped Keel");
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Keel exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error("Keel was not ready within 120 s");
    try {
      if ((await fetch(`${base}/api/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { base, pid: child.pid! };
}

/** The admin CLI, as an operator would run it: `npm run admin -- create-token …`. */
function createToken(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", "create-token", "--email", "admin@keel.example", "--name", "bench"], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (c) => (out += c));
    child.once("exit", (code) => {
      const token = out.trim().split("\n").pop() ?? "";
      if (code === 0 && token.startsWith("keel_")) resolve(token);
      else reject(new Error(`create-token exited with ${code}: ${out}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Keel's /api/metrics

const proxyCounters = (s: Sample[]) => ({
  upstream: total(s, "keel_prometheus_upstream_requests_total", { endpoint: "query_range" }),
  hit: total(s, "keel_prometheus_cache_requests_total", { endpoint: "query_range", result: "hit" }),
  miss: total(s, "keel_prometheus_cache_requests_total", { endpoint: "query_range", result: "miss" }),
  coalesced: total(s, "keel_prometheus_coalesced_requests_total", { endpoint: "query_range" }),
  upstreamSeconds: total(s, "keel_prometheus_upstream_duration_seconds_sum", { endpoint: "query_range" }),
  upstreamCount: total(s, "keel_prometheus_upstream_duration_seconds_count", { endpoint: "query_range" }),
});
type Counters = ReturnType<typeof proxyCounters>;
const diff = (a: Counters, b: Counters): Counters =>
  Object.fromEntries(Object.keys(a).map((k) => [k, b[k as keyof Counters] - a[k as keyof Counters]])) as Counters;

// ---------------------------------------------------------------------------------------------
// Requests

type Window = { startS: number; endS: number; stepS: number };
type Timed = { ms: number; status: number; cache: string | null; encoding: string; bytes: number; body: string };

/** Exactly what Keel's proxy sends upstream for a query_range (lib/prometheus/proxy.ts, upstream.ts). */
function upstreamParams(w: Window): URLSearchParams {
  return new URLSearchParams({ query: PROMQL, start: String(w.startS), end: String(w.endS), step: String(w.stepS), timeout: "30s" });
}

async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  const ms = performance.now() - t0;
  return { ms, status: res.status, cache: res.headers.get("x-keel-cache"), encoding: res.headers.get("content-encoding") ?? "identity", bytes: Buffer.byteLength(body), body };
}

function direct(prom: string, w: Window): Promise<Timed> {
  return timed(`${prom}/api/v1/query_range`, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    body: upstreamParams(w).toString(),
  });
}

function proxyUrl(base: string, dsId: string, w: Window): string {
  const q = new URLSearchParams({ query: PROMQL, start: String(w.startS), end: String(w.endS), step: String(w.stepS) });
  return `${base}/api/v1/datasources/${dsId}/query_range?${q}`;
}

function must(r: Timed, what: string, cache?: string): Timed {
  if (r.status !== 200) throw new Error(`${what}: HTTP ${r.status}: ${r.body.slice(0, 300)}`);
  if (cache !== undefined && r.cache !== cache) throw new Error(`${what}: expected X-Keel-Cache ${cache}, got ${r.cache}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

// ---------------------------------------------------------------------------------------------

/** Monotonic clock in µs: the clock V8's CPU profiles use, shared by every process on the machine. */
const monoUs = () => Number(process.hrtime.bigint() / 1000n);
const phases: Array<{ phase: string; startUs: number; endUs: number }> = [];
let keelPid: number | undefined;

type QueryResult = {
  spec: QuerySpec;
  points: number;
  series: number;
  bytes: number;
  gzipBytes: number;
  /** Content-Encoding of the answers (fetch asks for gzip): Prometheus's and Keel's. */
  encoding: { direct: string; proxy: string };
  direct: number[];
  proxyCold: number[];
  pairedDelta: number[];
  keelUpstreamMeanMs: number;
  hit: number[];
  concurrency: { wallMs: number; headers: Record<string, number>; counters: Counters; directWallMs: number };
};

async function benchQuery(spec: QuerySpec, prom: string, keel: string, dsId: string, token: string, dataEndMs: number): Promise<QueryResult> {
  const auth = { Authorization: `Bearer ${token}` };
  const stepS = spec.stepMs / 1000;
  const lastEnd = Math.floor((dataEndMs - spec.lagMs) / spec.stepMs) * spec.stepMs;
  let k = 0;
  const nextWindow = (): Window => {
    const endMs = lastEnd - k++ * spec.stepMs;
    const startMs = endMs - spec.spanMs;
    if (startMs < dataEndMs - HISTORY_MS + 10 * MINUTE) throw new Error(`${spec.label}: ran out of history for fresh windows`);
    return { startS: startMs / 1000, endS: endMs / 1000, stepS };
  };

  // Sanity: the proxy returns Prometheus's answer byte for byte.
  const w0 = nextWindow();
  const d0 = must(await direct(prom, w0), "direct");
  const p0 = must(await timed(proxyUrl(keel, dsId, w0), { headers: auth }), "proxy", "miss");
  if (d0.body !== p0.body) throw new Error(`${spec.label}: the proxied answer differs from Prometheus's`);
  const parsed = JSON.parse(d0.body) as { data: { result: Array<{ values: unknown[] }> } };
  const series = parsed.data.result.length;
  const points = parsed.data.result[0]?.values.length ?? 0;

  // 1 + 2: cold, interleaved on the same window; the order inside a pair alternates.
  const directMs: number[] = [];
  const proxyMs: number[] = [];
  let before: Counters | undefined;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    if (i === WARMUP) {
      before = proxyCounters(await scrape(keel));
      phases.push({ phase: `${spec.label} cold`, startUs: monoUs(), endUs: 0 });
    }
    const w = nextWindow();
    const runDirect = async () => must(await direct(prom, w), "direct").ms;
    const runProxy = async () => must(await timed(proxyUrl(keel, dsId, w), { headers: auth }), "proxy (cold)", "miss").ms;
    let d: number;
    let p: number;
    if (i % 2 === 0) {
      d = await runDirect();
      p = await runProxy();
    } else {
      p = await runProxy();
      d = await runDirect();
    }
    if (i >= WARMUP) {
      directMs.push(d);
      proxyMs.push(p);
    }
  }
  phases[phases.length - 1].endUs = monoUs();
  const cold = diff(before!, proxyCounters(await scrape(keel)));
  if (cold.upstream !== SAMPLES || cold.miss !== SAMPLES || cold.hit !== 0) {
    throw new Error(`${spec.label}: cold phase was not all misses: ${JSON.stringify(cold)}`);
  }

  // 3: cache hits on one window.
  const wh = nextWindow();
  must(await timed(proxyUrl(keel, dsId, wh), { headers: auth }), "proxy (prime)", "miss");
  const hitMs: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    if (i === WARMUP) phases.push({ phase: `${spec.label} hit`, startUs: monoUs(), endUs: 0 });
    const r = must(await timed(proxyUrl(keel, dsId, wh), { headers: auth }), "proxy (hit)", "hit");
    if (i >= WARMUP) hitMs.push(r.ms);
  }
  phases[phases.length - 1].endUs = monoUs();

  // 4: 50 concurrent identical requests on a fresh window.
  const wc = nextWindow();
  const c0 = proxyCounters(await scrape(keel));
  const t0 = performance.now();
  const answers = await Promise.all(Array.from({ length: CONCURRENCY }, () => timed(proxyUrl(keel, dsId, wc), { headers: auth })));
  const wallMs = performance.now() - t0;
  for (const a of answers) must(a, "proxy (concurrent)");
  const counters = diff(c0, proxyCounters(await scrape(keel)));
  const headers: Record<string, number> = {};
  for (const a of answers) headers[a.cache ?? "none"] = (headers[a.cache ?? "none"] ?? 0) + 1;
  // For reference: the same 50 concurrent requests straight to Prometheus (no coalescing there).
  const t1 = performance.now();
  const directAnswers = await Promise.all(Array.from({ length: CONCURRENCY }, () => direct(prom, wc)));
  const directWallMs = performance.now() - t1;
  for (const a of directAnswers) must(a, "direct (concurrent)");

  return {
    spec,
    points,
    series,
    bytes: d0.bytes,
    gzipBytes: gzipSync(d0.body).length,
    encoding: { direct: d0.encoding, proxy: p0.encoding },
    direct: directMs,
    proxyCold: proxyMs,
    pairedDelta: proxyMs.map((p, i) => p - directMs[i]),
    keelUpstreamMeanMs: (cold.upstreamSeconds / cold.upstreamCount) * 1000,
    hit: hitMs,
    concurrency: { wallMs, headers, counters, directWallMs },
  };
}

/** Small requests that stop at successive stages of the proxy, to split its fixed cost. */
async function breakdown(prom: string, keel: string, dsId: string, token: string, cookie: string, hitUrl: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const stages: Array<[string, string, RequestInit | undefined, number]> = [
    ["Prometheus `GET /api/v1/status/buildinfo` (client + loopback baseline)", `${prom}/api/v1/status/buildinfo`, undefined, 200],
    ["`GET /api/health` (server + Next routing, no auth)", `${keel}/api/health`, undefined, 200],
    ["proxy URL, no credentials → 401 (routing + empty session check)", hitUrl, undefined, 401],
    ["proxy, token, unknown endpoint → 404 (+ token lookup, cached connection)", `${keel}/api/v1/datasources/${dsId}/nope`, { headers: auth }, 404],
    ["`GET /api/v1/datasources/{id}`, token (+ data source read from the DB)", `${keel}/api/v1/datasources/${dsId}`, { headers: auth }, 200],
    ["proxy cache hit, token (30 d @ 1 h answer)", hitUrl, { headers: auth }, 200],
    ["proxy cache hit, session cookie (same answer)", hitUrl, { headers: { Cookie: cookie } }, 200],
  ];
  const rows: Array<{ what: string; median: number; p95: number }> = [];
  for (const [what, url, init, status] of stages) {
    const ms: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      if (i === WARMUP) phases.push({ phase: what, startUs: monoUs(), endUs: 0 });
      const r = await timed(url, init);
      if (r.status !== status) throw new Error(`breakdown "${what}": HTTP ${r.status}, expected ${status}`);
      if (i >= WARMUP) ms.push(r.ms);
    }
    phases[phases.length - 1].endUs = monoUs();
    rows.push({ what, median: median(ms), p95: percentile(ms, 95) });
  }
  return rows;
}

async function main() {
  const machine = {
    cpu: /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown",
    cores: readFileSync("/proc/cpuinfo", "utf8").split("\n").filter((l) => l.startsWith("processor")).length,
    node: process.version,
  };

  // Prometheus with 33 days of history.
  const dataEndMs = Math.floor(Date.now() / MINUTE) * MINUTE;
  let t = performance.now();
  const { series, samples } = history(dataEndMs);
  const text = openMetricsText(series);
  const genMs = performance.now() - t;
  const textBytes = Buffer.byteLength(text);
  log(`generated ${series.length} series, ${samples} samples, ${(textBytes / 1e6).toFixed(1)} MB of OpenMetrics in ${(genMs / 1000).toFixed(1)} s`);
  t = performance.now();
  const p: RunningPrometheus = await startPrometheus({ openMetrics: text, readyTimeoutMs: 120_000 });
  onCleanup(async () => {
    await p.stop();
    log("stopped Prometheus");
  });
  const backfillMs = performance.now() - t;
  const tsdb = dirBytes(p.dataDir);
  const promVersion = ((await (await fetch(`${p.url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } }).data.version;
  log(`Prometheus ${promVersion} at ${p.url}: backfill + start ${(backfillMs / 1000).toFixed(1)} s, TSDB ${(tsdb.bytes / 1e6).toFixed(1)} MB in ${tsdb.blocks} blocks`);
  const promCompactions = async () => {
    const m = await (await fetch(`${p.url}/metrics`)).text();
    return Number(/^prometheus_tsdb_compactions_total (\S+)$/m.exec(m)?.[1] ?? NaN);
  };

  // Keel on a fresh database.
  const databaseUrl = await createBenchDatabase(pgServer, "keel_bench_proxy");
  const dataDir = mkdtempSync(path.join(tmpdir(), "keel-bench-proxy-"));
  onCleanup(async () => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: databaseUrl, KEEL_DATA_DIR: dataDir };
  t = performance.now();
  const keel = await startKeel(env);
  keelPid = keel.pid;
  log(`Keel ready at ${keel.base} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const token = await createToken(env);
  const created = await fetch(`${keel.base}/api/v1/datasources`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "bench", url: p.url, scrapeIntervalSeconds: 60 }),
  });
  if (created.status !== 201) throw new Error(`creating the data source: HTTP ${created.status}: ${await created.text()}`);
  const dsId = ((await created.json()) as { id: string }).id;
  const cookie = await signIn(keel.base);

  const compactionsBefore = await promCompactions();
  const loadBefore = loadavg()[0];
  const results: QueryResult[] = [];
  for (const spec of QUERIES) {
    log(`${spec.label}: ${WARMUP} warm-up pairs, ${SAMPLES} measured pairs, ${SAMPLES} hits, ${CONCURRENCY} concurrent`);
    results.push(await benchQuery(spec, p.url, keel.base, dsId, token, dataEndMs));
  }
  // A window of the first query that is now cached (primed by its hit phase).
  const q0 = QUERIES[0];
  const lastEnd = Math.floor((dataEndMs - q0.lagMs) / q0.stepMs) * q0.stepMs;
  const hitWindow = { startS: 0, endS: 0, stepS: q0.stepMs / 1000 };
  hitWindow.endS = (lastEnd - (1 + WARMUP + SAMPLES) * q0.stepMs) / 1000;
  hitWindow.startS = hitWindow.endS - q0.spanMs / 1000;
  const stages = await breakdown(p.url, keel.base, dsId, token, cookie, proxyUrl(keel.base, dsId, hitWindow));
  const compactionsAfter = await promCompactions();
  const loadAfter = loadavg()[0];

  // ------------------------------------------------------------------ report
  const date = new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(
    `Run ${date}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Prometheus ${promVersion}, PostgreSQL via ${new URL(pgServer).host}; ` +
      `1-minute load average ${loadBefore.toFixed(1)} before the measurements, ${loadAfter.toFixed(1)} after.`,
  );
  out.push(
    `Data: ${series.length} series (\`http_requests_total\`, ${SERVICES.length} services × ${CODES.length} codes), one sample a minute for ${HISTORY_MS / DAY} days = ` +
      `${(samples / 1e6).toFixed(2)} M samples; OpenMetrics ${(textBytes / 1e6).toFixed(0)} MB generated in ${(genMs / 1000).toFixed(1)} s; ` +
      `promtool backfill + Prometheus start ${(backfillMs / 1000).toFixed(1)} s; TSDB ${(tsdb.bytes / 1e6).toFixed(1)} MB on disk in ${tsdb.blocks} blocks. ` +
      `Prometheus compactions during the measurements: ${compactionsAfter - compactionsBefore}.`,
  );
  out.push(`Query: \`${PROMQL}\`; ${SAMPLES} measured samples per figure after ${WARMUP} warm-ups.`);
  out.push("");
  out.push("| query | answer | direct median / p95 | proxy cold median / p95 | cold overhead (ratio of medians; median paired Δ) | Keel-measured upstream mean vs direct mean | proxy hit median / p95 | hit speed-up vs direct (medians) |");
  out.push("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const dm = median(r.direct);
    const pm = median(r.proxyCold);
    const hm = median(r.hit);
    out.push(
      `| ${r.spec.label} | ${r.series} series × ${r.points} points, ${kb(r.bytes)}, ${kb(r.gzipBytes)} gzipped; sent as: Prometheus ${r.encoding.direct}, Keel ${r.encoding.proxy} | ${f1(dm)} / ${f1(percentile(r.direct, 95))} ms | ${f1(pm)} / ${f1(percentile(r.proxyCold, 95))} ms | ` +
        `×${(pm / dm).toFixed(2)} (${pm / dm - 1 >= 0 ? "+" : ""}${((pm / dm - 1) * 100).toFixed(0)} %); ${f1(median(r.pairedDelta))} ms | ` +
        `${f1(r.keelUpstreamMeanMs)} ms vs ${f1(mean(r.direct))} ms (proxy mean ${f1(mean(r.proxyCold))} ms) | ${f1(hm)} / ${f1(percentile(r.hit, 95))} ms | ×${(dm / hm).toFixed(1)} |`,
    );
  }
  out.push("");
  out.push(`| query | ${CONCURRENCY} concurrent through the proxy: wall | upstream requests | X-Keel-Cache | metrics: miss / coalesced / hit | same ${CONCURRENCY} direct: wall |`);
  out.push("|---|---|---|---|---|---|");
  for (const r of results) {
    const c = r.concurrency;
    out.push(
      `| ${r.spec.label} | ${f1(c.wallMs)} ms | ${c.counters.upstream} | ${Object.entries(c.headers).map(([k, v]) => `${k} ${v}`).join(", ")} | ` +
        `${c.counters.miss} / ${c.counters.coalesced} / ${c.counters.hit} | ${f1(c.directWallMs)} ms |`,
    );
  }
  out.push("");
  out.push("| fixed cost: request that stops at … | median | p95 |");
  out.push("|---|---|---|");
  for (const s of stages) out.push(`| ${s.what} | ${f1(s.median)} ms | ${f1(s.p95)} ms |`);
  out.push("");
  const goals = results.map((r) => {
    const ratio = median(r.proxyCold) / median(r.direct);
    const speedup = median(r.direct) / median(r.hit);
    const c = r.concurrency.counters;
    return (
      `- ${r.spec.label}: cold overhead ≤ 10 %: ${ratio <= 1.1 ? "**met**" : "**not met**"} (${((ratio - 1) * 100).toFixed(0)} %); ` +
      `hits ≥ 10× faster: ${speedup >= 10 ? "**met**" : "**not met**"} (×${speedup.toFixed(1)}); ` +
      `one upstream request for ${CONCURRENCY} concurrent: ${c.upstream === 1 ? "**met**" : "**not met**"} (${c.upstream}).`
    );
  });
  out.push("Goals:");
  out.push(...goals);
  console.log(out.join("\n"));
  console.log(
    "\nRAW " +
      JSON.stringify({
        results: results.map((r) => ({ label: r.spec.label, direct: r.direct.map((x) => +x.toFixed(2)), proxyCold: r.proxyCold.map((x) => +x.toFixed(2)), hit: r.hit.map((x) => +x.toFixed(2)) })),
        ...(cpuProfDir ? { phases } : {}),
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// --cpu-prof: Keel's main-thread CPU time per request in each phase, by where the code comes from.

type ProfNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: ProfNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

function origin(frame: ProfNode["callFrame"]): string | null {
  const { url, functionName: fn } = frame;
  if (!url) return ["(program)", "(garbage collector)", "(idle)"].includes(fn) ? fn : null; // builtins: charge the caller
  const rules: Array<[RegExp, string]> = [
    [/node:zlib/, "zlib (gunzip of Prometheus's answer)"],
    [/next-auth|\/jose\//, "next-auth / jose (session)"],
    [/node_modules\/postgres\//, "postgres.js"],
    [/drizzle-orm/, "drizzle-orm"],
    [/prom-client/, "prom-client"],
    [/node_modules\/next\//, "Next.js server"],
    [/\.next\/server\//, "app bundle (.next/server: route code, bundled deps, Next runtime pieces)"],
    [/^node:internal\/deps\/undici/, "undici (fetch, Request/Response objects)"],
    [/^node:/, "Node core (http, streams, web streams, async hooks, encoding)"],
  ];
  for (const [re, name] of rules) if (re.test(url)) return name;
  return "other";
}

function summarizeProfile(dir: string, pid: number) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile") && f.includes(`.${pid}.`));
  // The main thread's profile is the largest (a worker may write its own).
  const file = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) return console.log(`\nNo CPU profile for pid ${pid} in ${dir}.`);
  const prof = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const originOf = (id: number): string => {
    let o = memo.get(id);
    if (o) return o;
    let cur: number | undefined = id;
    while (cur !== undefined && (o = origin(byId.get(cur)!.callFrame) ?? undefined) === undefined) cur = parent.get(cur);
    memo.set(id, (o ??= "other"));
    return o;
  };
  const times: number[] = [];
  let at = prof.startTime;
  for (const d of prof.timeDeltas) times.push((at += d));
  console.log(`\nKeel main-thread CPU per request (${path.basename(file)}; profiler on, so timings above are perturbed):`);
  console.log("| phase | CPU ms/request | by origin (ms/request) |\n|---|---|---|");
  for (const ph of phases) {
    const by = new Map<string, number>();
    for (let i = 0; i < prof.samples.length; i++) {
      if (times[i] < ph.startUs || times[i] > ph.endUs) continue;
      const o = originOf(prof.samples[i]);
      if (o !== "(idle)") by.set(o, (by.get(o) ?? 0) + (prof.timeDeltas[i + 1] ?? 0) / 1000);
    }
    const busy = [...by.values()].reduce((a, b) => a + b, 0);
    const parts = [...by].sort((a, b) => b[1] - a[1]).filter(([, v]) => v / SAMPLES >= 0.1);
    console.log(`| ${ph.phase} | ${(busy / SAMPLES).toFixed(1)} | ${parts.map(([k, v]) => `${k} ${(v / SAMPLES).toFixed(1)}`).join("; ")} |`);
  }
}

try {
  await main();
  if (cpuProfDir && keelPid) {
    await cleanup(); // Keel writes its profile as it exits
    summarizeProfile(path.resolve(cpuProfDir), keelPid);
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
