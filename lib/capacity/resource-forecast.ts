import "server-only";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { PromQueryFailed } from "@/lib/prometheus/server-query";
import type { CapacityResourceDto } from "./dto";
import { forecastCapacity } from "./forecast";
import { createForecastCache, forecastKey } from "./forecast-cache";
import { fetchHistory, historyWindow } from "./history";
import { recommend } from "./recommendation";
import { CAPACITY_BOUNDS } from "./schemas";
import { byUrgency, recommendationInput, summarise, type CapacitySummary, type ForecastEntry, type ResourceForecast } from "./summary";
import { DAY_MS, MINUTE_MS } from "./types";

/**
 * A resource's forecast from its Prometheus history: fetched through lib/prometheus, forecast by
 * the pure core, cached per resource version and horizon for a few minutes (a forecast that could
 * not be made for one minute, so a fixed query or a recovered Prometheus shows soon).
 */
const TTL_MS = 5 * MINUTE_MS;
const PROBLEM_TTL_MS = MINUTE_MS;
const CONCURRENCY = 4;

const g = globalThis as unknown as { __keelCapacityForecasts?: ReturnType<typeof createForecastCache<ResourceForecast>> };
const cache = (g.__keelCapacityForecasts ??= createForecastCache<ResourceForecast>({ ttlMs: TTL_MS, ttlFor: (r) => (r.ok ? TTL_MS : PROBLEM_TTL_MS) }));

/** For tests: forget every cached forecast. */
export const clearForecastCache = () => cache.clear();

async function compute(actor: Principal, r: CapacityResourceDto, horizonMs: number, now: number): Promise<ResourceForecast> {
  const stepMs = r.resolutionSeconds * 1000;
  const lookbackMs = r.lookbackDays * DAY_MS;
  const w = historyWindow(now, lookbackMs, stepMs);
  const ds = r.datasourceId ?? "default";
  try {
    const [samples, limit] = await Promise.all([
      fetchHistory(actor, ds, r.usageQuery, w, "usage"),
      r.limitQuery ? fetchHistory(actor, ds, r.limitQuery, w, "limit") : Promise.resolve(r.limit ?? NaN),
    ]);
    const out = forecastCapacity({ samples, limit, warningLevel: r.warningLevel, resolutionMs: stepMs, lookbackMs, horizonMs, now, unit: r.unit });
    if (!out.ok) return { ok: false, problem: out.error, computedAt: now };
    return { ok: true, forecast: out.forecast, recommendation: recommend(out.forecast, recommendationInput(r)), computedAt: now };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { ok: false, problem: { code: "query-failed", message: queryFailure(err) }, computedAt: now };
    throw err;
  }
}

function queryFailure(err: PromQueryFailed): string {
  if (err.status === 404) return err.message; // no such data source: says what to do itself
  if (err.status === 400 || err.status === 422) return `Prometheus refused the query: ${err.message}`;
  return `Prometheus could not answer: ${err.message}`;
}

/** `now` given (tests, reports for a past instant): computed afresh, not cached. */
export async function forecastResource(actor: Principal, r: CapacityResourceDto, o: { horizonMs?: number; now?: number } = {}): Promise<ResourceForecast> {
  assertRole(actor, "viewer");
  const horizonMs = o.horizonMs ?? CAPACITY_BOUNDS.horizonMs.default;
  if (o.now !== undefined) return compute(actor, r, horizonMs, o.now);
  return cache.get(forecastKey(r.id, r.version, horizonMs), () => compute(actor, r, horizonMs, Date.now()));
}

/** Forecasts and summaries of many resources, most urgent first; a few forecasts at a time. */
export async function forecastResources(actor: Principal, resources: readonly CapacityResourceDto[], o: { horizonMs?: number; now?: number } = {}): Promise<ForecastEntry[]> {
  const out: ForecastEntry[] = new Array(resources.length);
  let next = 0;
  const worker = async () => {
    while (next < resources.length) {
      const i = next++;
      const forecast = await forecastResource(actor, resources[i], o);
      out[i] = { summary: summarise(resources[i], forecast), forecast };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, resources.length) }, worker));
  return out.sort((a, b) => byUrgency(a.summary, b.summary));
}

export async function summariseResources(actor: Principal, resources: readonly CapacityResourceDto[], o: { horizonMs?: number; now?: number } = {}): Promise<CapacitySummary[]> {
  return (await forecastResources(actor, resources, o)).map((e) => e.summary);
}
