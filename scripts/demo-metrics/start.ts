import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { findPrometheusBinaries, PROMETHEUS_INSTALL_HINT, startPrometheus } from "@/scripts/prometheus/runner";
import { backfillDemoHistory, type BackfillFigures } from "./backfill";
import { startDemoExporter } from "./exporter";
import {
  DEMO_DAYS,
  DEMO_SEED,
  demoCapacityEvents,
  demoIncidentWindows,
  generateDemoHistory,
  windowTimes,
  type DemoHistoryOptions,
} from "./generator";

/**
 * The demo's Prometheus: 35 days of generated metrics for the seeded services, backfilled with
 * promtool, kept live by the demo exporter, plus Keel's own /api/metrics.
 *
 * The TSDB lives in <dataDir>/prometheus/data and is rebuilt at every start (the history always ends
 * "now" and the incidents sit at the same distance from it). Reusing an older TSDB would leave a
 * hole for the time the demo was not running and let the incidents drift away from "now". A fresh
 * start costs 13–19 s on a quiet 2-core machine (up to ~28 s when it is busy; `timings` in the
 * result), which `npm run demo` overlaps with migrating and seeding the database.
 * <dataDir>/prometheus/demo-metrics.json records where this run put the incidents (absolute times),
 * for anything that wants to line up with them.
 *
 * The last backfilled sample is at the last whole minute before the start; Prometheus, started
 * after the backfill, only scrapes later instants, so nothing it appends is older than the blocks
 * (no out-of-bounds or out-of-order samples) and the gap at the seam stays under 2 minutes.
 */

export interface DemoPrometheusOptions {
  /** Where Keel listens; Prometheus scrapes 127.0.0.1:<keelPort>/api/metrics. */
  keelPort: number;
  /** Keel's data directory (KEEL_DATA_DIR); Prometheus keeps its files in <dataDir>/prometheus. */
  dataDir: string;
  /** History length and resolution (defaults: 35 days, all at 1 minute). */
  days?: number;
  fineDays?: DemoHistoryOptions["fineDays"];
  coarseStepMinutes?: DemoHistoryOptions["coarseStepMinutes"];
  seed?: number;
  /** Scrape interval of both jobs; default 15s. */
  scrapeInterval?: string;
  /** Bearer token for Keel's /api/metrics; default $METRICS_TOKEN. */
  metricsToken?: string;
  /** Stop on SIGINT/SIGTERM (default true); the signal then goes on to the other handlers, or ends the process if there are none. */
  handleSignals?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface DemoPrometheus {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  exporterUrl: string;
  /** Unix seconds: first sample, and the anchor the incidents are placed from (last backfilled minute). */
  historyStart: number;
  historyEnd: number;
  timings: { generateMs: number; backfill: BackfillFigures; prometheusReadyMs: number; totalMs: number };
  /** The last lines Prometheus logged. */
  logTail(): string;
  stop(): Promise<void>;
}

export async function startDemoPrometheus(opts: DemoPrometheusOptions): Promise<DemoPrometheus | { missing: string }> {
  const bins = findPrometheusBinaries();
  if ("missing" in bins) {
    return { missing: `${bins.missing.join(" and ")} not found on PATH, so the demo has no metrics. To get them: ${PROMETHEUS_INSTALL_HINT}.` };
  }
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const root = path.resolve(opts.dataDir, "prometheus");
  const tsdb = path.join(root, "data");
  await rm(tsdb, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  // Text left by a run that was stopped while backfilling.
  for (const f of await readdir(root)) if (/^history-\d+\.om$/.test(f)) await rm(path.join(root, f), { force: true });

  const days = opts.days ?? DEMO_DAYS;
  log(`Generating ${days} days of demo metrics…`);
  const history = generateDemoHistory({ end: Date.now() / 1000, days, fineDays: opts.fineDays, coarseStepMinutes: opts.coarseStepMinutes, seed: opts.seed });
  const generateMs = Math.round(performance.now() - t0);
  const backfill = await backfillDemoHistory(history, { promtool: bins.promtool, dataDir: tsdb, workDir: root });
  log(`Backfilled ${backfill.samples.toLocaleString("en")} samples of ${backfill.series} series in ${(backfill.totalMs / 1000).toFixed(1)} s.`);
  await writeFile(path.join(root, "demo-metrics.json"), JSON.stringify(describeHistory(history.start, history.end, opts.seed ?? DEMO_SEED), null, 2) + "\n");

  const exporter = await startDemoExporter(history.state);
  const tReady = performance.now();
  const interval = opts.scrapeInterval ?? "15s";
  const token = opts.metricsToken ?? process.env.METRICS_TOKEN;
  const prom = await startPrometheus({
    binaries: bins,
    dataDir: tsdb,
    scrapeInterval: interval,
    scrapeConfigs: [
      // The backfilled series carry neither job nor instance: drop them so scrapes continue the same series.
      { jobName: "demo-services", targets: [exporter.target], honorLabels: true, dropTargetLabels: true },
      { jobName: "keel", targets: [`127.0.0.1:${opts.keelPort}`], metricsPath: "/api/metrics", bearerToken: token || undefined },
    ],
  }).catch(async (e: unknown) => {
    await exporter.close();
    throw e;
  });
  const prometheusReadyMs = Math.round(performance.now() - tReady);

  const signals = ["SIGINT", "SIGTERM"] as const;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      await Promise.all([prom.stop(), exporter.close()]);
    })());
  function onSignal(signal: NodeJS.Signals) {
    // Anyone else listening (Keel's server) decides when the process ends; otherwise end it here.
    const othersHandleIt = process.listenerCount(signal) > 1;
    void stop().finally(() => {
      if (!othersHandleIt) process.kill(process.pid, signal);
    });
  }
  if (opts.handleSignals ?? true) for (const s of signals) process.on(s, onSignal);

  return {
    url: prom.url,
    exporterUrl: exporter.url,
    historyStart: history.start,
    historyEnd: history.end,
    timings: { generateMs, backfill, prometheusReadyMs, totalMs: Math.round(performance.now() - t0) },
    logTail: () => prom.logTail(),
    stop,
  };
}

function describeHistory(start: number, anchor: number, seed: number) {
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return {
    seed,
    historyStart: iso(start),
    anchor: iso(anchor),
    incidents: demoIncidentWindows.map((w) => {
      const t = windowTimes(w, anchor);
      return { id: w.id, service: w.service, title: w.title, start: iso(t.start), end: w.shape === "ramp" ? null : iso(t.end) };
    }),
    capacityEvents: demoCapacityEvents.map((e) => ({ id: e.id, service: e.service, title: e.title, at: iso(windowTimes(e, anchor).start) })),
  };
}
