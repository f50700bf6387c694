import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { formatDuration } from "@/lib/prometheus/duration";
import { PromQueryFailed, scalarQuery } from "@/lib/prometheus/server-query";
import { errorBudget, type Budget, type Counts } from "./budget";
import { BURN_WINDOWS, burnRate, timeToExhaustionMs, type BurnWindow } from "./burn-rate";
import { sliQueries, type LatencySli, type RatioSli } from "./definition";
import type { SloDto } from "./queries";
import { resolveWindow, type ResolvedWindow } from "./window";

export type SloStatus = {
  id: string;
  computedAt: string;
  window: ResolvedWindow;
  /** The counts the budget was computed from: events, or timeslices. */
  counts: Counts | null;
  budget: Budget | null;
  burnRates: Partial<Record<BurnWindow, number | null>>;
  timeToExhaustionMs: number | null;
  /** Why there are no numbers: no data source, a failing query… */
  problem: string | null;
};

/** A PromQL range covering exactly `ms` (whole seconds). */
export function rangeText(ms: number): string {
  return formatDuration(Math.max(1000, Math.floor(ms / 1000) * 1000));
}

async function countsOver(actor: Principal, ds: string, slo: SloDto & { sli: RatioSli | LatencySli }, w: ResolvedWindow, now: number): Promise<Counts> {
  const seconds = Math.floor(w.elapsedMs / 1000);
  if (slo.budgeting.method === "timeslices") {
    const slice = `${slo.budgeting.sliceMinutes}m`;
    const q = sliQueries(slo.sli, slice);
    const range = `${rangeText(w.elapsedMs)}:${slice}`;
    const [good, total] = await Promise.all([
      scalarQuery(actor, ds, `sum_over_time(((1 - (${q.errors}) / (${q.total})) >= bool ${slo.budgeting.sliceTarget})[${range}])`, now),
      scalarQuery(actor, ds, `count_over_time((${q.total} > 0)[${range}])`, now),
    ]);
    return { good: good ?? 0, total: total ?? 0 };
  }
  const q = sliQueries(slo.sli, rangeText(w.elapsedMs));
  const [errors, total] = await Promise.all([scalarQuery(actor, ds, q.errors, now), scalarQuery(actor, ds, q.total, now)]);
  const totalEvents = (total ?? 0) * seconds;
  return { good: Math.max(0, totalEvents - (errors ?? 0) * seconds), total: totalEvents };
}

/** The numbers of one SLO at `now`, from its data source (or the default one). */
export async function sloStatus(actor: Principal, slo: SloDto, now = Date.now()): Promise<SloStatus> {
  const w = resolveWindow(slo.window, now);
  const base = { id: slo.id, computedAt: new Date(now).toISOString(), window: w };
  const empty = { ...base, counts: null, budget: null, burnRates: {}, timeToExhaustionMs: null };
  if (slo.sli.kind === "incidents") return { ...empty, problem: "Incident-based SLIs are computed once Keel records incidents." };
  const sli = slo.sli;
  const ds = slo.datasourceId ?? "default";
  try {
    const counts = await countsOver(actor, ds, { ...slo, sli }, w, now);
    const budget = errorBudget(slo.target, w.lengthMs, counts);
    const rates = await Promise.all(
      BURN_WINDOWS.map(async (bw) => {
        const q = sliQueries(sli, bw);
        const [errors, total] = await Promise.all([scalarQuery(actor, ds, q.errors, now), scalarQuery(actor, ds, q.total, now)]);
        return [bw, total ? burnRate(slo.target, { good: total - (errors ?? 0), total }) : null] as const;
      }),
    );
    const burnRates = Object.fromEntries(rates) as Record<BurnWindow, number | null>;
    const current = burnRates["1h"] ?? burnRates["6h"] ?? null;
    return { ...base, counts, budget, burnRates, timeToExhaustionMs: budget.noData ? null : timeToExhaustionMs(budget.remaining, current, w.lengthMs), problem: null };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { ...empty, problem: err.message };
    const e = err as { code?: string; message?: string };
    if (e?.code === "not_found") return { ...empty, problem: e.message ?? "No data source." };
    throw err;
  }
}
