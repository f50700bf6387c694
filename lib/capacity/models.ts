/**
 * The candidate models and what history each needs. Pure.
 *
 * Seasonal candidates are one Holt-Winters model per season length: daily, and weekly once the
 * history holds at least two weeks (its seasonal indices start from two or more weeks of data).
 * The backtest picks between them per resource, which stands in for a double-seasonal model at a
 * fraction of the cost.
 */
import { fitHoltWinters } from "./holt-winters";
import { fitLinear } from "./linear";
import type { FittedModel, ModelId } from "./model";
import { DAY_MS, WEEK_MS } from "./types";

export type ModelSpec = {
  id: ModelId;
  kind: "linear" | "seasonal";
  /** Season length in model steps (0: none). */
  period: (stepMs: number) => number;
  /** Fewest model steps it can be fitted on. */
  minSteps: (stepMs: number) => number;
  fit: (y: Float64Array, stepMs: number) => FittedModel;
};

const steps = (ms: number, stepMs: number) => Math.round(ms / stepMs);

export const MODEL_SPECS: Record<ModelId, ModelSpec> = {
  linear: {
    id: "linear",
    kind: "linear",
    period: () => 0,
    minSteps: (stepMs) => Math.max(3, steps(DAY_MS / 2, stepMs)),
    fit: (y) => fitLinear(y),
  },
  "seasonal-daily": {
    id: "seasonal-daily",
    kind: "seasonal",
    period: (stepMs) => steps(DAY_MS, stepMs),
    minSteps: (stepMs) => 2 * steps(DAY_MS, stepMs),
    fit: (y, stepMs) => fitHoltWinters("seasonal-daily", y, steps(DAY_MS, stepMs), DAY_MS / stepMs),
  },
  "seasonal-weekly": {
    id: "seasonal-weekly",
    kind: "seasonal",
    period: (stepMs) => steps(WEEK_MS, stepMs),
    minSteps: (stepMs) => 2 * steps(WEEK_MS, stepMs),
    fit: (y, stepMs) => fitHoltWinters("seasonal-weekly", y, steps(WEEK_MS, stepMs), DAY_MS / stepMs),
  },
};

export const MODEL_IDS = Object.keys(MODEL_SPECS) as ModelId[];

/** A season needs at least two points (a daily season at a daily step is none). */
export function usable(spec: ModelSpec, stepMs: number): boolean {
  return spec.kind === "linear" || spec.period(stepMs) >= 2;
}
