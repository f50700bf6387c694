import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { PromQueryFailed, rangeQuery } from "@/lib/prometheus/server-query";
import { burnDown, idealLine, type BurnPoint } from "./burndown";
import { clip, type Interval } from "./count-plan";
import { sliQueries } from "./definition";
import { excludedIntervals } from "./excluded";
import { outagesFor } from "./incident-outages";
import { outageCounts } from "./incident-sli";
import type { SloDto } from "./queries";
import { resolveWindow } from "./window";

export type BurnDownData = { points: BurnPoint[]; ideal: BurnPoint[]; startMs: number; endMs: number; excluded: Interval[] } | { problem: string };

const MAX_STEPS = 300;

/**
 * Budget left since the period began, one point per step (≤ 300 of them, at least 5 minutes apart).
 * Steps that overlap a maintenance window or correction count no events.
 */
export async function sloBurnDown(actor: Principal, slo: SloDto, now = Date.now()): Promise<BurnDownData> {
  const w = resolveWindow(slo.window, now);
  const minutes = Math.max(5, Math.ceil(w.elapsedMs / MAX_STEPS / 60_000));
  const stepMs = minutes * 60_000;
  const startMs = Math.ceil((w.startMs + stepMs) / stepMs) * stepMs;
  const endMs = Math.floor(now / stepMs) * stepMs;
  if (endMs < startMs) return { problem: "The period has only just begun." };
  const excluded = clip(await excludedIntervals(slo.id, w.startMs, w.endMs), w.startMs, w.endMs);
  const skipped = (t: number) => excluded.some((i) => i.startMs < t && i.endMs > t - stepMs);
  if (slo.sli.kind === "incidents") {
    const key = `${slo.serviceId}:${slo.sli.minSeverity}`;
    const outages = (await outagesFor([{ serviceId: slo.serviceId, minSeverity: slo.sli.minSeverity }], w.startMs, endMs)).get(key) ?? [];
    const steps = [];
    for (let t = startMs; t <= endMs; t += stepMs) {
      const c = outageCounts(outages, t - stepMs, t, excluded);
      steps.push({ t, total: c.total, bad: c.total - c.good });
    }
    const points = burnDown(steps, slo.target);
    return { points, ideal: idealLine(points.map((p) => p.t), w.startMs, w.endMs), startMs: w.startMs, endMs: w.endMs, excluded };
  }
  const q = sliQueries(slo.sli, `${minutes}m`);
  const ds = slo.datasourceId ?? "default";
  try {
    const [errors, total] = await Promise.all([rangeQuery(actor, ds, q.errors, { startMs, endMs, stepMs }), rangeQuery(actor, ds, q.total, { startMs, endMs, stepMs })]);
    if (errors.length > 1 || total.length > 1) return { problem: "The SLI queries return more than one series." };
    const bad = new Map(errors[0]?.values ?? []);
    const seconds = stepMs / 1000;
    const steps = (total[0]?.values ?? []).map(([t, rate]) => (skipped(t) ? { t, total: 0, bad: 0 } : { t, total: rate * seconds, bad: (bad.get(t) ?? 0) * seconds }));
    const points = burnDown(steps, slo.target);
    return { points, ideal: idealLine(points.map((p) => p.t), w.startMs, w.endMs), startMs: w.startMs, endMs: w.endMs, excluded };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { problem: err.message };
    throw err;
  }
}
