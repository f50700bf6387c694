/**
 * One resource's forecast as the lists show it (utilisation, dates, model, what to do), and the
 * order of urgency. Pure.
 */
import type { Crossing } from "./crossing";
import type { CapacityResourceDto } from "./dto";
import type { CapacityForecast, ForecastErrorCode } from "./forecast";
import type { ModelId } from "./model";
import { GENERIC_ADVICE, urgency, type Recommendation, type RecommendationInput, type Severity } from "./recommendation";
import { templateById } from "./templates";

export type ForecastProblem = { code: ForecastErrorCode | "query-failed"; message: string };

/** A resource's forecast, or why there is none (no data, too little history, Prometheus failed). */
export type ResourceForecast =
  | { ok: true; forecast: CapacityForecast; recommendation: Recommendation; computedAt: number }
  | { ok: false; problem: ForecastProblem; computedAt: number };

export type CapacityStatus = Severity | "unknown";

export type CapacitySummary = {
  resource: CapacityResourceDto;
  status: CapacityStatus;
  utilisation: number | null;
  usage: number | null;
  limit: number | null;
  toWarning: Crossing | null;
  toLimit: Crossing | null;
  model: ModelId | null;
  /** The chosen model's backtest MAPE (percent), null without a backtest. */
  mape: number | null;
  recommendation: string | null;
  problem: string | null;
  /** Sort key: the sooner a level may be reached, the smaller. */
  urgency: number;
};

/** How the recommendation names the resource, its limit and the remedy: the template's words, else the resource's name. */
export function recommendationInput(r: Pick<CapacityResourceDto, "name" | "unit" | "template">): RecommendationInput {
  const t = r.template ? templateById(r.template) : undefined;
  if (t) return { subject: t.subject, limitName: t.limitName, unit: r.unit || t.unit, advice: t.advice };
  return { subject: r.name, limitName: "the limit", unit: r.unit, advice: GENERIC_ADVICE };
}

export function summarise(resource: CapacityResourceDto, rf: ResourceForecast): CapacitySummary {
  if (!rf.ok) {
    return { resource, status: "unknown", utilisation: null, usage: null, limit: null, toWarning: null, toLimit: null, model: null, mape: null, recommendation: null, problem: rf.problem.message, urgency: Infinity };
  }
  const f = rf.forecast;
  const chosen = f.backtest.candidates.find((c) => c.model === f.model.id);
  return {
    resource,
    status: rf.recommendation.severity,
    utilisation: f.utilisation,
    usage: f.usage.value,
    limit: f.limit.value,
    toWarning: f.toWarning,
    toLimit: f.toLimit,
    model: f.model.id,
    mape: chosen?.mape ?? null,
    recommendation: rf.recommendation.text,
    problem: null,
    urgency: urgency(f),
  };
}

export type ForecastEntry = { summary: CapacitySummary; forecast: ResourceForecast };

/** Most urgent first; a resource Keel cannot forecast comes after those with a date in sight, before those that are fine. */
export const STATUS_ORDER: Record<CapacityStatus, number> = { critical: 0, warning: 1, watch: 2, unknown: 3, ok: 4 };

export function byUrgency(a: CapacitySummary, b: CapacitySummary): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.urgency === b.urgency ? 0 : a.urgency < b.urgency ? -1 : 1) ||
    (b.utilisation ?? -1) - (a.utilisation ?? -1) ||
    a.resource.serviceName.localeCompare(b.resource.serviceName) ||
    a.resource.name.localeCompare(b.resource.name)
  );
}
