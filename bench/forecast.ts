/**
 * Bench: capacity forecasts (lib/capacity) backtested on the real NAB series in
 * ../shared/datasets/nab, and the fit time on 90 days at 5-minute resolution.
 *
 *   npx tsx bench/forecast.ts [--series nyc_taxi] [--max-origins 12] [--runs 9] [--json out.json] [--fit-only]
 *
 * For every series: the resolution is the median step of its timestamps (5 or 30 minutes); the
 * horizon is a tenth of its span, in whole days between 1 and 7; the outer origins ("now") start
 * once 40 % of the span (at least 7 days) is history and follow each other one horizon apart (at
 * most `--max-origins`, spread evenly when there is room for more). At each origin the production
 * function `forecastCapacity` gets only the samples before it (cut further to its 90-day
 * lookback) and runs as it would in Keel, with its own inner rolling-origin backtest that picks
 * the season and calibrates the bands, once restricted to the linear model and once to the
 * seasonal ones. "auto" is what Keel would show: the seasonal forecast when its inner backtest
 * beat the linear one on MAPE (the rule inside forecastCapacity), else the linear one. Each
 * forecast is then compared with the held-out points of the next horizon at the series'
 * resolution (bucket means, as Keel regularises): MAPE over points whose actual is not zero, WAPE
 * (Σ|error| / Σ|actual|, defined for series with zeros), and the share of points inside the 80 %
 * and 95 % bands. None of these points was seen by the call that produced the forecast.
 *
 * Fit time: `forecastCapacity` per call (everything: preparation, inner backtest of every
 * candidate, final fit), and on a synthetic 90 days at 5 minutes (25,920 points: trend, daily
 * and weekly season, noise, a few gaps) the parts: preparation, a single Holt-Winters fit (daily
 * and weekly), the linear fit, and the whole call. `--runs` timed runs after two warm-ups; medians.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { modelInput } from "@/lib/capacity/model-input";
import { interpolate, modelStepFactor } from "@/lib/capacity/aggregate";
import { betterThan, type BacktestFigures } from "@/lib/capacity/backtest";
import type { ForecastPoint } from "@/lib/capacity/crossing";
import { forecastCapacity, type CapacityForecast } from "@/lib/capacity/forecast";
import { fitHoltWinters } from "@/lib/capacity/holt-winters";
import { fitLinear } from "@/lib/capacity/linear";
import { prepare } from "@/lib/capacity/prepare";
import { regularise } from "@/lib/capacity/regularise";
import { DAY_MS, MINUTE_MS, type Sample } from "@/lib/capacity/types";
import { f1, flag, hasFlag, log } from "./lib/harness";
import { median } from "./lib/stats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA = path.resolve(root, "../shared/datasets/nab");
const ONLY = flag("--series");
const MAX_ORIGINS = Number(flag("--max-origins") ?? 12);
const RUNS = Number(flag("--runs") ?? 9);
const JSON_OUT = flag("--json");
const FIT_ONLY = hasFlag("--fit-only");

const SEASONAL = new Set(["nyc_taxi", "Twitter_volume_AAPL", "Twitter_volume_IBM", "elb_request_count_8c0756"]);

function readSeries(file: string): Sample[] {
  const lines = readFileSync(file, "utf8").split("\n").slice(1);
  const out: Sample[] = [];
  for (const line of lines) {
    const [ts, value] = line.split(",");
    if (!ts || value === undefined) continue;
    out.push({ t: Date.parse(`${ts.replace(" ", "T")}Z`), v: Number(value) });
  }
  return out;
}

function resolutionOf(samples: Sample[]): number {
  const steps = samples.slice(1).map((s, i) => s.t - samples[i].t).filter((d) => d > 0);
  return Math.max(MINUTE_MS, Math.round(median(steps) / MINUTE_MS) * MINUTE_MS);
}

/** A band value at time t, interpolated between forecast points as the backtest in lib/capacity does. */
function at(series: ForecastPoint[], t: number, key: keyof Omit<ForecastPoint, "t">): number {
  const step = series.length > 1 ? series[1].t - series[0].t : 1;
  return Math.max(0, interpolate({ start: series[0].t, stepMs: step, values: Float64Array.from(series, (p) => p[key]) }, t, true));
}

type Acc = { ape: number; apeN: number; absErr: number; absY: number; in80: number; in95: number; n: number };
const acc = (): Acc => ({ ape: 0, apeN: 0, absErr: 0, absY: 0, in80: 0, in95: 0, n: 0 });
function score(a: Acc, f: CapacityForecast, held: Sample[]) {
  for (const p of held) {
    const yhat = at(f.series, p.t, "median");
    const e = Math.abs(p.v - yhat);
    a.absErr += e;
    a.absY += Math.abs(p.v);
    if (p.v !== 0) {
      a.ape += e / Math.abs(p.v);
      a.apeN++;
    }
    if (p.v >= at(f.series, p.t, "lower80") && p.v <= at(f.series, p.t, "upper80")) a.in80++;
    if (p.v >= at(f.series, p.t, "lower95") && p.v <= at(f.series, p.t, "upper95")) a.in95++;
    a.n++;
  }
}
const figures = (a: Acc) => ({ mape: (100 * a.ape) / a.apeN, wape: (100 * a.absErr) / a.absY, cover80: a.in80 / a.n, cover95: a.in95 / a.n, points: a.n });

type SeriesResult = {
  name: string;
  seasonal: boolean;
  points: number;
  resolutionMin: number;
  spanDays: number;
  horizonDays: number;
  origins: number;
  linear: ReturnType<typeof figures>;
  seasonalModel: ReturnType<typeof figures>;
  auto: ReturnType<typeof figures>;
  autoChoseSeasonal: number;
  seasons: Record<string, number>;
  msLinear: number;
  msSeasonal: number;
  /** Origins where forecastCapacity answered an error (not scored). */
  failures: string[];
};

function benchSeries(name: string, samples: Sample[]): SeriesResult {
  const resolutionMs = resolutionOf(samples);
  const first = samples[0].t;
  const last = samples[samples.length - 1].t;
  const span = last - first;
  const horizonMs = Math.min(7, Math.max(1, Math.round(span / 10 / DAY_MS))) * DAY_MS;
  const firstOrigin = first + Math.max(7 * DAY_MS, 0.4 * span);
  const room = Math.floor((last - horizonMs - firstOrigin) / horizonMs) + 1;
  const count = Math.max(1, Math.min(MAX_ORIGINS, room));
  const spacing = count > 1 ? Math.max(horizonMs, Math.floor((last - horizonMs - firstOrigin) / (count - 1))) : 0;
  const grid = regularise([...samples].sort((a, b) => a.t - b.t), resolutionMs);
  const actual: Sample[] = [];
  grid.values.forEach((v, i) => {
    if (!Number.isNaN(v)) actual.push({ t: grid.start + i * resolutionMs, v });
  });
  const limit = 2 * Math.max(...samples.map((s) => s.v).filter(Number.isFinite));
  const lin = acc();
  const sea = acc();
  const auto = acc();
  let autoChoseSeasonal = 0;
  const seasons: Record<string, number> = {};
  const msLinear: number[] = [];
  const msSeasonal: number[] = [];
  const failures: string[] = [];
  for (let k = 0; k < count; k++) {
    const now = Math.floor((firstOrigin + k * spacing) / resolutionMs) * resolutionMs;
    const history = samples.filter((s) => s.t < now);
    const held = actual.filter((p) => p.t >= now && p.t < now + horizonMs);
    const common = { samples: history, limit, resolutionMs, horizonMs, now };
    let t = performance.now();
    const l = forecastCapacity({ ...common, models: ["linear"] });
    msLinear.push(performance.now() - t);
    t = performance.now();
    const s = forecastCapacity({ ...common, models: ["seasonal-daily", "seasonal-weekly"] });
    msSeasonal.push(performance.now() - t);
    if (!l.ok || !s.ok) {
      failures.push(`${new Date(now).toISOString().slice(0, 16)}: ${l.ok ? "" : l.error.message} ${s.ok ? "" : s.error.message}`.trim());
      continue;
    }
    score(lin, l.forecast, held);
    score(sea, s.forecast, held);
    seasons[s.forecast.model.id] = (seasons[s.forecast.model.id] ?? 0) + 1;
    const fig = (f: CapacityForecast): BacktestFigures => f.backtest.candidates.find((c) => c.model === f.model.id)!;
    const seasonalWins = betterThan(fig(s.forecast), fig(l.forecast));
    if (seasonalWins) autoChoseSeasonal++;
    score(auto, seasonalWins ? s.forecast : l.forecast, held);
  }
  return {
    name,
    seasonal: SEASONAL.has(name),
    points: samples.length,
    resolutionMin: resolutionMs / MINUTE_MS,
    spanDays: span / DAY_MS,
    horizonDays: horizonMs / DAY_MS,
    origins: count,
    linear: figures(lin),
    seasonalModel: figures(sea),
    auto: figures(auto),
    autoChoseSeasonal,
    seasons,
    msLinear: median(msLinear),
    msSeasonal: median(msSeasonal),
    failures,
  };
}

/** 90 days at 5 minutes: trend, daily and weekly season, noise, four 2-hour gaps (seeded). */
function synthetic90d(): { samples: Sample[]; now: number } {
  const step = 5 * MINUTE_MS;
  const n = 90 * 288;
  const start = Date.UTC(2026, 0, 5);
  let seed = 7;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 6000 > 5976) continue; // a 2-hour gap every ~21 days
    const day = (2 * Math.PI * i) / 288;
    const v = 500 + 0.02 * i + 120 * Math.sin(day) + 40 * Math.sin(day / 7) + 25 * (rnd() + rnd() + rnd() - 1.5);
    samples.push({ t: start + i * step, v });
  }
  return { samples, now: start + n * step };
}

/** Median wall time and median CPU time (this process, user + system) of one call, in ms. */
function time(fn: () => unknown): { wall: number; cpu: number } {
  fn();
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function fitTimes() {
  const { samples, now } = synthetic90d();
  const resolutionMs = 5 * MINUTE_MS;
  const prep = prepare(samples, { now, resolutionMs, lookbackMs: 90 * DAY_MS });
  const input = modelInput(prep.series, modelStepFactor(resolutionMs));
  const y = input.agg.values;
  return {
    points: samples.length,
    gridPoints: prep.series.values.length,
    modelSteps: y.length,
    prepare: time(() => prepare(samples, { now, resolutionMs, lookbackMs: 90 * DAY_MS })),
    linear: time(() => fitLinear(y)),
    daily: time(() => fitHoltWinters("seasonal-daily", y, 48, 48)),
    weekly: time(() => fitHoltWinters("seasonal-weekly", y, 336, 48)),
    prepareAndDaily: time(() => {
      const p = prepare(samples, { now, resolutionMs, lookbackMs: 90 * DAY_MS });
      fitHoltWinters("seasonal-daily", modelInput(p.series, 6).agg.values, 48, 48);
    }),
    whole: time(() => forecastCapacity({ samples, limit: 5000, resolutionMs, now })),
  };
}

function main() {
  if (!existsSync(DATA)) {
    log(`no datasets at ${DATA}: skipping (the NAB series ship in ../shared/datasets, see its README)`);
    return;
  }
  const files = FIT_ONLY ? [] : readdirSync(DATA)
    .filter((f) => f.endsWith(".csv"))
    .filter((f) => !ONLY || f.startsWith(ONLY))
    .sort();
  const results: SeriesResult[] = [];
  for (const f of files) {
    const t = performance.now();
    const r = benchSeries(f.replace(/\.csv$/, ""), readSeries(path.join(DATA, f)));
    results.push(r);
    log(`${r.name}: ${r.origins} origins × ${r.horizonDays} d in ${f1((performance.now() - t) / 1000)} s`);
    for (const failure of r.failures) log(`  no forecast at ${failure}`);
  }
  const pct = (v: number) => `${v.toFixed(1)}%`;
  const cov = (v: number) => `${Math.round(v * 100)}%`;
  const lines: string[] = [];
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end.`);
  if (!FIT_ONLY) lines.push("");
  if (!FIT_ONLY) lines.push("| series | step | span | horizon × origins | MAPE linear | MAPE seasonal | MAPE auto | WAPE lin / sea / auto | 80% cover lin / sea / auto | 95% cover lin / sea / auto | auto chose seasonal | season | ms per forecast lin / sea |");
  if (!FIT_ONLY) lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const seasons = Object.entries(r.seasons).map(([k, v]) => `${k.replace("seasonal-", "")} ${v}`).join(", ");
    lines.push(
      `| ${r.name}${r.seasonal ? " (seasonal)" : ""} | ${r.resolutionMin} min | ${r.spanDays.toFixed(0)} d | ${r.horizonDays} d × ${r.origins} | ${pct(r.linear.mape)} | ${pct(r.seasonalModel.mape)} | ${pct(r.auto.mape)} | ${pct(r.linear.wape)} / ${pct(r.seasonalModel.wape)} / ${pct(r.auto.wape)} | ${cov(r.linear.cover80)} / ${cov(r.seasonalModel.cover80)} / ${cov(r.auto.cover80)} | ${cov(r.linear.cover95)} / ${cov(r.seasonalModel.cover95)} / ${cov(r.auto.cover95)} | ${r.autoChoseSeasonal}/${r.origins} | ${seasons} | ${f1(r.msLinear)} / ${f1(r.msSeasonal)} |`,
    );
  }
  const all = (k: "linear" | "seasonalModel" | "auto") => {
    const pts = results.reduce((n, r) => n + r[k].points, 0);
    return { c80: results.reduce((n, r) => n + r[k].cover80 * r[k].points, 0) / pts, c95: results.reduce((n, r) => n + r[k].cover95 * r[k].points, 0) / pts };
  };
  if (results.length) lines.push("");
  if (results.length) lines.push(`Pooled over all held-out points: 80% band coverage linear ${cov(all("linear").c80)}, seasonal ${cov(all("seasonalModel").c80)}, auto ${cov(all("auto").c80)}; 95%: ${cov(all("linear").c95)} / ${cov(all("seasonalModel").c95)} / ${cov(all("auto").c95)}.`);
  if (!ONLY) {
    const loadBefore = loadavg()[0];
    const ft = fitTimes();
    lines.push("");
    lines.push(`Fit time, synthetic 90 days at 5 min (${ft.points} samples, ${ft.gridPoints} grid points, ${ft.modelSteps} model steps), median of ${RUNS}; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after:`);
    lines.push("");
    const row = (label: string, t: { wall: number; cpu: number }) => lines.push(`| ${label} | ${f1(t.wall)} | ${f1(t.cpu)} |`);
    lines.push("| part | wall ms | CPU ms |");
    lines.push("|---|---|---|");
    row("prepare (clean, regularise, gaps, resets)", ft.prepare);
    row("linear fit", ft.linear);
    row("Holt-Winters fit, daily season", ft.daily);
    row("Holt-Winters fit, weekly season", ft.weekly);
    row("prepare + aggregate + daily fit", ft.prepareAndDaily);
    row("whole forecastCapacity (3 candidates × 5 backtest origins + final fit, 30-day horizon)", ft.whole);
  }
  console.log(lines.join("\n"));
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
}

main();
