/**
 * Bench: what the SLO list page costs to compute for 200 SLOs, three ways, on a real Prometheus
 * holding the demo's 35 days of 1-minute metrics.
 *
 *   npx tsx --conditions=react-server bench/slo-list.ts [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *       [--slos 200] [--runs 7] [--eval-interval 10m] [--lookback-delta 15m]
 *
 * (`--conditions=react-server` makes Keel's `import "server-only"` resolvable outside Next.)
 *
 * Keel runs in this process: its modules are imported after DATABASE_URL points at a fresh database
 * (created on the given server, dropped at the end), as the unit tests do. Prometheus gets the demo
 * history (scripts/demo-metrics: generator + promtool backfill, as `npm run demo` does, without the
 * live exporter) and, from the start, the rule file Keel generates for the 200 SLOs
 * (`ruleFileYaml`), evaluated every `--eval-interval`. The measured variants:
 *
 *  (a) `sloStatus(actor, slo, now)` for every SLO (Promise.all): one batched request per SLO, the
 *      old way of filling the list;
 *  (b) `sloSummaries(actor, slos, now, { useRecordings: false })`: every SLO's raw queries batched
 *      together (16 parts a request);
 *  (c) `sloSummaries(actor, slos, now)`: the recorded error ratios, one query.
 *
 * One warm-up round, then `--runs` rounds; each round takes one `now` and runs the three in a
 * rotated order (abc, bca, cab, …), each after `clearProxyCache()` so every render really asks
 * Prometheus. Per render: wall time, upstream requests (Keel's `promUpstreamRequests` counter),
 * the mean latency of those requests (Keel's upstream histogram), Keel's CPU (this process) and
 * Prometheus's CPU (/proc; it includes any rule evaluation that ran meanwhile). Every round checks that (b) and (c) agree with (a) on each SLO's error ratio
 * (1 − SLI) within 0.1 % relative.
 *
 * SLOs: ratio SLIs on `http_requests_total` spread over the demo services, each with a matcher on a
 * label no series has (`slo_variant!="<i>"`) so that no two SLOs share a query (batching asks a
 * duplicate once, which would flatter (b)); targets vary; 30-day rolling windows.
 *
 * About the evaluation interval: Prometheus offsets each group inside the interval, so the first
 * evaluation of all 200 groups can take a whole interval (up to 10 min by default), and an instant
 * query only sees a recorded sample younger than the lookback delta (5 min by default). With an
 * interval longer than that, about half the recordings would be invisible at any moment, so
 * `--lookback-delta` defaults to interval + 5 min. It only changes instant-vector selectors; the raw
 * SLI queries of (a) and (b) use range vectors and are unaffected.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, createBenchDatabase, f1, flag, log, onCleanup, sleep } from "./lib/harness";
import { mean, median, percentile } from "./lib/stats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // db/migrate.ts finds the migrations from the working directory
const pgServer = flag("--pg") ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SLOS = Number(flag("--slos") ?? 200);
const RUNS = Number(flag("--runs") ?? 7);
const EVAL_INTERVAL = flag("--eval-interval") ?? "10m";
const DAYS = 35;
const MINUTE = 60_000;

function durationMs(text: string): number {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  if (!m) throw new Error(`durations here are like 30s, 10m, 1h: ${text}`);
  return Number(m[1]) * { s: 1000, m: MINUTE, h: 60 * MINUTE }[m[2] as "s" | "m" | "h"];
}
const evalMs = durationMs(EVAL_INTERVAL);
const LOOKBACK = flag("--lookback-delta") ?? (evalMs > 4 * MINUTE ? `${Math.ceil(evalMs / MINUTE) + 5}m` : "5m");


/** User + system CPU seconds of a process, from /proc. */
const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime (14), stime (15)
}

type RuleGroupInfo = {
  name: string;
  evaluationTime: number;
  lastEvaluation: string;
  rules: Array<{ name: string; type: string; health: string; lastError?: string; evaluationTime: number }>;
};

async function main() {
  const cpuInfo = readFileSync("/proc/cpuinfo", "utf8");
  const machine = {
    cpu: /model name\s*:\s*(.*)/.exec(cpuInfo)?.[1] ?? "unknown",
    nproc: execFileSync("nproc", { encoding: "utf8" }).trim(),
    node: process.version,
  };

  // Keel's environment, before any of its modules is imported.
  const databaseUrl = await createBenchDatabase(pgServer, "keel_bench_slo_list");
  const keelDir = mkdtempSync(path.join(tmpdir(), "keel-bench-slo-list-"));
  onCleanup(async () => rmSync(keelDir, { recursive: true, force: true }));
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KEEL_DATA_DIR: keelDir, LOG_LEVEL: "error", NODE_ENV: "production" });

  const { migrate } = await import("../db/migrate");
  const { closeDb } = await import("../db");
  const { makeUser } = await import("../test/fixtures/principals");
  const { createService } = await import("../lib/services/queries");
  const { serviceInputSchema } = await import("../lib/services/schemas");
  const { createDatasource } = await import("../lib/datasources/queries");
  const { datasourceInputSchema } = await import("../lib/datasources/schemas");
  const { createSlo } = await import("../lib/slo/queries");
  const { sloInputSchema } = await import("../lib/slo/schemas");
  const { ruleFileYaml } = await import("../lib/slo/rules");
  const { sloStatus } = await import("../lib/slo/status");
  const { sloSummaries } = await import("../lib/slo/summaries");
  const { clearProxyCache } = await import("../lib/prometheus/proxy");
  const { metrics } = await import("../lib/observability/metrics");
  const { DEMO_SERVICES, SERVICE_PROFILES, generateDemoHistory } = await import("../scripts/demo-metrics/generator");
  const { backfillDemoHistory } = await import("../scripts/demo-metrics/backfill");
  const { findPrometheusBinaries, startPrometheus } = await import("../scripts/prometheus/runner");
  onCleanup(async () => closeDb());

  // Database: migrations, an admin, the demo services, 200 SLOs.
  let t = performance.now();
  await migrate();
  const admin = await makeUser("admin", "bench-admin@keel.example");
  for (const slug of DEMO_SERVICES) await createService(admin, serviceInputSchema.parse({ slug, name: slug }));
  const targets = [0.99, 0.995, 0.998, 0.999, 0.9995];
  const services = SERVICE_PROFILES.map((p) => p.service); // every demo service exports http_requests_total
  const slos: Awaited<ReturnType<typeof createSlo>>[] = [];
  for (let i = 0; i < SLOS; i++) {
    const svc = services[i % services.length];
    slos.push(
      await createSlo(
        admin,
        sloInputSchema.parse({
          service: svc,
          slug: `bench-availability-${i}`,
          name: `Bench availability ${i}`,
          sli: {
            kind: "ratio",
            bad: `sum(rate(http_requests_total{service="${svc}",code=~"5..",slo_variant!="${i}"}[$window]))`,
            total: `sum(rate(http_requests_total{service="${svc}",slo_variant!="${i}"}[$window]))`,
          },
          target: targets[i % targets.length],
          window: { kind: "rolling", days: 30 },
        }),
      ),
    );
  }
  const dbMs = performance.now() - t;
  log(`database: migrated, ${DEMO_SERVICES.length} services, ${slos.length} SLOs in ${(dbMs / 1000).toFixed(1)} s`);

  // Prometheus: demo history + Keel's rules for the 200 SLOs.
  const bins = findPrometheusBinaries();
  if ("missing" in bins) throw new Error(`${bins.missing.join(" and ")} not on PATH`);
  const promDir = mkdtempSync(path.join(tmpdir(), "keel-bench-slo-list-prom-"));
  onCleanup(async () => rmSync(promDir, { recursive: true, force: true }));
  const ruleFile = path.join(promDir, "keel-slos.rules.yml");
  const rulesYaml = ruleFileYaml(
    slos.map((s) => ({ id: s.id, definition: s })),
    { keelUrl: "http://keel.bench" },
  );
  writeFileSync(ruleFile, rulesYaml);
  execFileSync(bins.promtool, ["check", "rules", ruleFile], { stdio: ["ignore", "ignore", "inherit"] });
  t = performance.now();
  const history = generateDemoHistory({ end: Date.now() / 1000, days: DAYS });
  const generateMs = performance.now() - t;
  const backfill = await backfillDemoHistory(history, { promtool: bins.promtool, dataDir: path.join(promDir, "data"), workDir: promDir });
  log(`history: ${DAYS} days, ${backfill.series} series, ${(backfill.samples / 1e6).toFixed(1)} M samples; generated in ${(generateMs / 1000).toFixed(1)} s, backfilled in ${(backfill.totalMs / 1000).toFixed(1)} s`);
  t = performance.now();
  const prom = await startPrometheus({
    binaries: bins,
    dataDir: path.join(promDir, "data"),
    ruleFiles: [ruleFile],
    evaluationInterval: EVAL_INTERVAL,
    readyTimeoutMs: 120_000,
    extraArgs: LOOKBACK === "5m" ? [] : [`--query.lookback-delta=${LOOKBACK}`],
  });
  onCleanup(async () => {
    await prom.stop();
    log("stopped Prometheus");
  });
  const promVersion = ((await (await fetch(`${prom.url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } }).data.version;
  log(`Prometheus ${promVersion} at ${prom.url} ready in ${((performance.now() - t) / 1000).toFixed(1)} s; rules every ${EVAL_INTERVAL}, lookback delta ${LOOKBACK}`);
  const promQuery = async (query: string) => {
    const body = (await (await fetch(`${prom.url}/api/v1/query`, { method: "POST", body: new URLSearchParams({ query }) })).json()) as {
      status: string;
      error?: string;
      data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    if (body.status !== "success") throw new Error(`${query}: ${body.error}`);
    return body.data.result;
  };
  const ruleGroups = async () =>
    ((await (await fetch(`${prom.url}/api/v1/rules`)).json()) as { data: { groups: RuleGroupInfo[] } }).data.groups;

  const ds = await createDatasource(admin, datasourceInputSchema.parse({ name: "bench", url: prom.url, isDefault: true, scrapeIntervalSeconds: 60 }));
  log(`data source ${ds.id} (default) → ${prom.url}`);

  // Wait until every group has been evaluated once (up to one interval), then for the 200 ratios.
  t = performance.now();
  let groups: RuleGroupInfo[] = [];
  for (let lastLog = 0; ; ) {
    groups = await ruleGroups();
    const done = groups.filter((g) => !g.lastEvaluation.startsWith("0001-")).length;
    if (done === groups.length && groups.length === slos.length) break;
    if (performance.now() - lastLog > 30_000) {
      log(`rule groups evaluated: ${done}/${groups.length} after ${((performance.now() - t) / 1000).toFixed(0)} s (interval ${EVAL_INTERVAL})`);
      lastLog = performance.now();
    }
    if (performance.now() - t > evalMs + 5 * MINUTE) throw new Error(`rule groups not all evaluated after ${EVAL_INTERVAL} + 5 min`);
    await sleep(5000);
  }
  const bad = groups.flatMap((g) => g.rules.filter((r) => r.health !== "ok").map((r) => `${g.name}/${r.name}: ${r.health} ${r.lastError ?? ""}`));
  if (bad.length) throw new Error(`unhealthy rules:\n${bad.slice(0, 10).join("\n")}`);
  const recorded = Number((await promQuery("count(slo:sli_error:ratio_rate30d)"))[0]?.value[1] ?? 0);
  if (recorded !== slos.length) throw new Error(`count(slo:sli_error:ratio_rate30d) = ${recorded}, expected ${slos.length}`);
  log(`all ${groups.length} rule groups evaluated, ${recorded} ratios recorded, after ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const evalSum = groups.reduce((a, g) => a + g.evaluationTime, 0);
  const evalMax = Math.max(...groups.map((g) => g.evaluationTime));
  const eval30d = groups.reduce((a, g) => a + g.rules.filter((r) => r.name === "slo:sli_error:ratio_rate30d").reduce((b, r) => b + r.evaluationTime, 0), 0);
  const evalRules = groups.reduce((a, g) => a + g.rules.length, 0);

  // ------------------------------------------------------------------ measurements
  const upstreamCount = async () => (await metrics().promUpstreamRequests.get()).values.reduce((a, v) => a + v.value, 0);
  const upstreamSeconds = async () =>
    (await metrics().promUpstreamDuration.get()).values.filter((v) => v.metricName === "keel_prometheus_upstream_duration_seconds_sum").reduce((a, v) => a + v.value, 0);

  type Outcome = { errorRatio: Map<string, number | null>; problems: number; sources: Record<string, number> };
  type Variant = { key: "a" | "b" | "c"; label: string; run: (now: number) => Promise<Outcome> };
  const variants: Variant[] = [
    {
      key: "a",
      label: "(a) `sloStatus` per SLO, Promise.all",
      run: async (now) => {
        const all = await Promise.all(slos.map((s) => sloStatus(admin, s, now)));
        return {
          errorRatio: new Map(all.map((st) => [st.id, st.budget?.sli == null ? null : 1 - st.budget.sli])),
          problems: all.filter((st) => st.problem).length,
          sources: { computed: all.filter((st) => st.budget).length },
        };
      },
    },
    {
      key: "b",
      label: "(b) `sloSummaries`, `useRecordings: false`",
      run: async (now) => summarize(await sloSummaries(admin, slos, now, { useRecordings: false })),
    },
    {
      key: "c",
      label: "(c) `sloSummaries`, recording rules loaded",
      run: async (now) => summarize(await sloSummaries(admin, slos, now)),
    },
  ];
  function summarize(m: Awaited<ReturnType<typeof sloSummaries>>): Outcome {
    const sources: Record<string, number> = {};
    for (const s of m.values()) sources[s.source ?? "none"] = (sources[s.source ?? "none"] ?? 0) + 1;
    return { errorRatio: new Map([...m.values()].map((s) => [s.id, s.sli == null ? null : 1 - s.sli])), problems: [...m.values()].filter((s) => s.problem).length, sources };
  }

  type Sample = { ms: number; upstream: number; upstreamS: number; keelCpuS: number; promCpuS: number; outcome: Outcome };
  const samples: Record<string, Sample[]> = { a: [], b: [], c: [] };
  const worst: Record<"b" | "c", { rel: number; id: string; a: number | null; x: number | null }> = {
    b: { rel: 0, id: "", a: null, x: null },
    c: { rel: 0, id: "", a: null, x: null },
  };
  const loadBefore = loadavg()[0];
  for (let round = -1; round < RUNS; round++) {
    const now = Date.now();
    const r = Math.max(0, round);
    const order = [variants[r % 3], variants[(r + 1) % 3], variants[(r + 2) % 3]];
    const got: Partial<Record<"a" | "b" | "c", Outcome>> = {};
    const line: string[] = [];
    for (const v of order) {
      await sleep(500);
      clearProxyCache();
      const [u0, s0] = [await upstreamCount(), await upstreamSeconds()];
      const p0 = procCpuSeconds(prom.pid);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const outcome = await v.run(now);
      const ms = performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      const p1 = procCpuSeconds(prom.pid);
      const sample: Sample = {
        ms,
        upstream: (await upstreamCount()) - u0,
        upstreamS: (await upstreamSeconds()) - s0,
        keelCpuS: (c1.user + c1.system) / 1e6,
        promCpuS: p1 - p0,
        outcome,
      };
      got[v.key] = outcome;
      if (round >= 0) samples[v.key].push(sample);
      line.push(`${v.key} ${f1(ms)} ms / ${sample.upstream} req`);
    }
    // Agreement with (a), error ratio (1 − SLI), relative.
    for (const k of ["b", "c"] as const) {
      for (const s of slos) {
        const a = got.a!.errorRatio.get(s.id) ?? null;
        const x = got[k]!.errorRatio.get(s.id) ?? null;
        const rel = a === null || x === null ? (a === x ? 0 : Infinity) : a === 0 ? (x === 0 ? 0 : Infinity) : Math.abs(x - a) / a;
        if (rel > worst[k].rel || !worst[k].id) worst[k] = { rel, id: s.id, a, x };
      }
    }
    log(`${round < 0 ? "warm-up" : `run ${round + 1}/${RUNS}`} (${order.map((v) => v.key).join("")}): ${line.join(", ")}`);
  }
  const loadAfter = loadavg()[0];

  // ------------------------------------------------------------------ report
  const date = new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(
    `Run ${date}: ${machine.cpu}, nproc ${machine.nproc}, Node ${machine.node}, Prometheus ${promVersion}, PostgreSQL via ${new URL(pgServer).host}; ` +
      `1-minute load average ${loadBefore.toFixed(1)} before the measurements, ${loadAfter.toFixed(1)} after.`,
  );
  out.push(
    `Data: demo history, ${DAYS} days at 1 minute, ${backfill.series} series, ${(backfill.samples / 1e6).toFixed(1)} M samples (generated ${(generateMs / 1000).toFixed(1)} s, backfilled ${(backfill.totalMs / 1000).toFixed(1)} s). ` +
      `${slos.length} SLOs (ratio SLIs on http_requests_total over ${services.length} services, 30-day rolling). ` +
      `Rules: ${groups.length} groups, ${evalRules} rules, every ${EVAL_INTERVAL}, lookback delta ${LOOKBACK}.`,
  );
  out.push(
    `One evaluation of all ${groups.length} groups: Σ evaluationTime ${evalSum.toFixed(2)} s (the ${groups.length} \`ratio_rate30d\` rules ${eval30d.toFixed(2)} s of it; slowest group ${(evalMax * 1000).toFixed(0)} ms).`,
  );
  out.push(`${RUNS} measured rounds after one warm-up; proxy cache cleared before every render.`);
  out.push("");
  out.push("| variant | upstream requests / render | wall median / p95 | ratio to (a): of medians; median of per-round ratios | upstream latency per request (mean, median render) | Keel CPU / render (median) | Prometheus CPU / render (median) | sources | problems |");
  out.push("|---|---|---|---|---|---|---|---|---|");
  const ma = median(samples.a.map((s) => s.ms));
  for (const v of variants) {
    const ss = samples[v.key];
    const ms = ss.map((s) => s.ms);
    const reqs = [...new Set(ss.map((s) => s.upstream))].join(", ");
    const src = Object.entries(ss.at(-1)!.outcome.sources)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    out.push(
      `| ${v.label} | ${reqs} | ${f1(median(ms))} / ${f1(percentile(ms, 95))} ms | ×${(median(ms) / ma).toFixed(3)}; ×${median(ss.map((s, i) => s.ms / samples.a[i].ms)).toFixed(3)} | ${f1(median(ss.map((s) => (s.upstreamS * 1000) / Math.max(1, s.upstream))))} ms | ` +
        `${f1(median(ss.map((s) => s.keelCpuS * 1000)))} ms | ${f1(median(ss.map((s) => s.promCpuS * 1000)))} ms | ${src} | ${Math.max(...ss.map((s) => s.outcome.problems))} |`,
    );
  }
  out.push("");
  for (const k of ["b", "c"] as const) {
    const w = worst[k];
    const slo = slos.find((s) => s.id === w.id);
    out.push(
      `Largest disagreement with (a), ${k === "b" ? "(b)" : "(c)"}: ${(w.rel * 100).toPrecision(3)} % relative on the error ratio ` +
        `(${slo?.slug}: ${w.a} vs ${w.x}) — ${w.rel <= 0.001 ? "within" : "**outside**"} 0.1 %.`,
    );
  }
  console.log(out.join("\n"));
  console.log(
    "\nRAW " +
      JSON.stringify({
        ms: Object.fromEntries(Object.entries(samples).map(([k, ss]) => [k, ss.map((s) => +s.ms.toFixed(1))])),
        promCpuMs: Object.fromEntries(Object.entries(samples).map(([k, ss]) => [k, ss.map((s) => +(s.promCpuS * 1000).toFixed(0))])),
        keelCpuMs: Object.fromEntries(Object.entries(samples).map(([k, ss]) => [k, ss.map((s) => +(s.keelCpuS * 1000).toFixed(0))])),
        meanMs: Object.fromEntries(Object.entries(samples).map(([k, ss]) => [k, +mean(ss.map((s) => s.ms)).toFixed(1)])),
      }),
  );
}

try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
