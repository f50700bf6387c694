import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { PromQueryFailed, rangeQuery } from "@/lib/prometheus/server-query";
import { burnDown, idealLine, type BurnPoint } from "./burndown";
import { sliQueries } from "./definition";
import type { SloDto } from "./queries";
import { resolveWindow } from "./window";

export type BurnDownData = { points: BurnPoint[]; ideal: BurnPoint[]; startMs: number; endMs: number } | { problem: string };

const MAX_STEPS = 300;

/** Budget left since the period began, one point per step (≤ 300 of them, at least 5 minutes apart). */
export async function sloBurnDown(actor: Principal, slo: SloDto, now = Date.now()): Promise<BurnDownData> {
  if (slo.sli.kind === "incidents") return { problem: "Incident-based SLIs are computed once Keel records incidents." };
  const w = resolveWindow(slo.window, now);
  const minutes = Math.max(5, Math.ceil(w.elapsedMs / MAX_STEPS / 60_000));
  const stepMs = minutes * 60_000;
  const q = sliQueries(slo.sli, `${minutes}m`);
  const startMs = Math.ceil((w.startMs + stepMs) / stepMs) * stepMs;
  const endMs = Math.floor(now / stepMs) * stepMs;
  if (endMs < startMs) return { problem: "The period has only just begun." };
  const ds = slo.datasourceId ?? "default";
  try {
    const [errors, total] = await Promise.all([rangeQuery(actor, ds, q.errors, { startMs, endMs, stepMs }), rangeQuery(actor, ds, q.total, { startMs, endMs, stepMs })]);
    if (errors.length > 1 || total.length > 1) return { problem: "The SLI queries return more than one series." };
    const bad = new Map(errors[0]?.values ?? []);
    const seconds = stepMs / 1000;
    const steps = (total[0]?.values ?? []).map(([t, rate]) => ({ t, total: rate * seconds, bad: (bad.get(t) ?? 0) * seconds }));
    const points = burnDown(steps, slo.target);
    return { points, ideal: idealLine(points.map((p) => p.t), w.startMs, w.endMs), startMs: w.startMs, endMs: w.endMs };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { problem: err.message };
    throw err;
  }
}
