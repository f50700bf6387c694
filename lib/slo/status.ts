import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { batchScalars, type ScalarResult } from "@/lib/prometheus/batch";
import { PromQueryFailed } from "@/lib/prometheus/server-query";
import { errorBudget, type Budget, type Counts } from "./budget";
import { BURN_WINDOW_MS, BURN_WINDOWS, burnRate, timeToExhaustionMs, type BurnWindow } from "./burn-rate";
import { clip, combineCounts, countPlan, totalMs, type Interval } from "./count-plan";
import { sliQueries } from "./definition";
import { excludedIntervals } from "./excluded";
import { outagesFor } from "./incident-outages";
import { outageCounts } from "./incident-sli";
import type { SloDto } from "./queries";
import { resolveWindow, type ResolvedWindow } from "./window";


export { rangeText } from "./range-text";

export type SloStatus = {
  id: string;
  computedAt: string;
  window: ResolvedWindow;
  /** The counts the budget was computed from: events, or timeslices. */
  counts: Counts | null;
  budget: Budget | null;
  burnRates: Partial<Record<BurnWindow, number | null>>;
  timeToExhaustionMs: number | null;
  /** Maintenance windows and corrections inside the period, left out of the SLI and the budget. */
  excluded: Interval[];
  /** Why there are no numbers: no data source, a failing query… */
  problem: string | null;
};

function valueOf(r: ScalarResult): number | null {
  if ("error" in r) throw r.error;
  return r.value;
}

/** An incident-based SLO: seconds inside incidents, from Keel's own database (no Prometheus). */
async function incidentStatus(slo: SloDto, minSeverity: number, w: ResolvedWindow, now: number, base: Pick<SloStatus, "id" | "computedAt" | "window" | "excluded">): Promise<SloStatus> {
  const longest = Math.max(w.elapsedMs, ...BURN_WINDOWS.map((bw) => BURN_WINDOW_MS[bw]));
  const outages = (await outagesFor([{ serviceId: slo.serviceId, minSeverity }], now - longest, now)).get(`${slo.serviceId}:${minSeverity}`) ?? [];
  const counts = outageCounts(outages, now - w.elapsedMs, now, base.excluded);
  const budget = errorBudget(slo.target, w.lengthMs - totalMs(base.excluded), counts);
  const burnRates = Object.fromEntries(BURN_WINDOWS.map((bw) => [bw, burnRate(slo.target, outageCounts(outages, now - BURN_WINDOW_MS[bw], now, base.excluded))])) as Record<BurnWindow, number | null>;
  const current = burnRates["1h"] ?? null;
  return { ...base, counts, budget, burnRates, timeToExhaustionMs: timeToExhaustionMs(budget.remaining, current, w.lengthMs), problem: null };
}

/**
 * The numbers of one SLO at `now`, from its data source (or the default one): the window's counts
 * without excluded periods, and the burn rates, in one batched request.
 */
export async function sloStatus(actor: Principal, slo: SloDto, now = Date.now()): Promise<SloStatus> {
  const w = resolveWindow(slo.window, now);
  const excluded = clip(await excludedIntervals(slo.id, w.startMs, w.endMs), w.startMs, w.endMs);
  const base = { id: slo.id, computedAt: new Date(now).toISOString(), window: w, excluded };
  const empty = { ...base, counts: null, budget: null, burnRates: {}, timeToExhaustionMs: null };
  if (slo.sli.kind === "incidents") return incidentStatus(slo, slo.sli.minSeverity, w, now, base);
  const sli = slo.sli;
  const ds = slo.datasourceId ?? "default";
  try {
    const plan = countPlan(sli, slo.budgeting, w, now, excluded);
    const burn = BURN_WINDOWS.flatMap((bw) => {
      const q = sliQueries(sli, bw);
      return [q.errors, q.total];
    });
    const results = (await batchScalars(actor, ds, [...plan.map((p) => p.query), ...burn], now)).map(valueOf);
    const counts = combineCounts(plan, results.slice(0, plan.length));
    const budget = errorBudget(slo.target, w.lengthMs - totalMs(excluded), counts);
    const burnRates = Object.fromEntries(
      BURN_WINDOWS.map((bw, i) => {
        const [errors, total] = results.slice(plan.length + 2 * i, plan.length + 2 * i + 2);
        return [bw, total ? burnRate(slo.target, { good: total - (errors ?? 0), total }) : null];
      }),
    ) as Record<BurnWindow, number | null>;
    const current = burnRates["1h"] ?? burnRates["6h"] ?? null;
    return { ...base, counts, budget, burnRates, timeToExhaustionMs: budget.noData ? null : timeToExhaustionMs(budget.remaining, current, w.lengthMs), problem: null };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { ...empty, problem: err.message };
    const e = err as { code?: string; message?: string };
    if (e?.code === "not_found") return { ...empty, problem: e.message ?? "No data source." };
    throw err;
  }
}
