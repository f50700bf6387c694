/**
 * The REST API's view of forecasts: ISO 8601 times, dates of the warning level and the limit with
 * their 80 % bounds (`…Lower` the earliest date, from the upper band; `…Upper` the latest, from the
 * lower band; null: not within the horizon). Pure.
 */
import type { Crossing } from "./crossing";
import type { CapacityResourceDto } from "./dto";
import { horizonText } from "./schemas";
import type { CapacitySummary, ResourceForecast } from "./summary";

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

function dates(w: Crossing | null, l: Crossing | null) {
  return {
    warningAt: iso(w?.median),
    warningAtLower: iso(w?.earliest80),
    warningAtUpper: iso(w?.latest80),
    limitAt: iso(l?.median),
    limitAtLower: iso(l?.earliest80),
    limitAtUpper: iso(l?.latest80),
  };
}

function crossingJson(c: Crossing) {
  return { level: c.level, reachedNow: c.reachedNow, median: iso(c.median), earliest80: iso(c.earliest80), latest80: iso(c.latest80), earliest95: iso(c.earliest95), latest95: iso(c.latest95) };
}

/** A list item: the resource and where it stands. */
export function summaryJson(s: CapacitySummary) {
  return {
    ...s.resource,
    status: s.status,
    utilisation: s.utilisation,
    usage: s.usage,
    currentLimit: s.limit,
    ...dates(s.toWarning, s.toLimit),
    model: s.model,
    mape: s.mape,
    recommendation: s.recommendation,
    problem: s.problem,
  };
}

/** GET /capacity/{id}/forecast. A forecast that cannot be made is answered by the route as a 422 problem. */
export function forecastJson(resource: CapacityResourceDto, rf: Extract<ResourceForecast, { ok: true }>) {
  const f = rf.forecast;
  return {
    resource: { id: resource.id, name: resource.name, service: resource.service, unit: resource.unit, version: resource.version },
    generatedAt: iso(rf.computedAt),
    horizon: horizonText(f.horizonMs),
    warningLevel: f.warningLevel,
    usage: { at: iso(f.usage.t), value: f.usage.value },
    limit: { value: f.limit.value, changes: f.limit.changes.map((c) => ({ at: iso(c.at), from: c.from, to: c.to })) },
    utilisation: f.utilisation,
    headroom: f.headroom,
    growthPerMonth: f.growthPerMonth,
    ...dates(f.toWarning, f.toLimit),
    crossings: { warning: crossingJson(f.toWarning), limit: crossingJson(f.toLimit) },
    model: f.model,
    backtest: f.backtest,
    intervals: f.intervals,
    recommendation: rf.recommendation,
    notes: f.notes,
    series: {
      history: f.history.map((p) => ({ t: iso(p.t), value: p.v })),
      forecast: f.series.map((p) => ({ t: iso(p.t), median: p.median, lower80: p.lower80, upper80: p.upper80, lower95: p.lower95, upper95: p.upper95 })),
    },
    data: {
      resolutionMs: f.data.resolutionMs,
      modelStepMs: f.data.modelStepMs,
      fittedFrom: iso(f.data.fittedFrom),
      fittedTo: iso(f.data.fittedTo),
      points: f.data.points,
      spikes: f.data.spikes,
      gaps: f.data.gaps.map((g) => ({ ...g, from: iso(g.from), to: iso(g.to) })),
      resets: f.data.drops.map((d) => ({ ...d, at: iso(d.at) })),
    },
  };
}
