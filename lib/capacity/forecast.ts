/**
 * A capacity forecast for one resource: prepare the history, backtest the candidate models on it,
 * fit the winner on all of it, forecast with calibrated 80 % / 95 % bands, and read off headroom,
 * growth and the dates the warning level and the limit are reached. Pure: `now` is an argument.
 *
 * Expected problems (no data, too little history, a bad limit) come back as values with a code and
 * a message a person can act on; only programming errors throw.
 */
import { modelStepFactor } from "./aggregate";
import { backtest, betterThan, forecastSteps, planOrigins, type BacktestFigures, type BacktestRun } from "./backtest";
import { crossing, type Crossing, type ForecastPoint } from "./crossing";
import { describeForecast } from "./describe";
import { dateTimeText, spanText } from "./format";
import type { Gap } from "./gaps";
import { band, NORMAL_CALIBRATION, type Calibration } from "./intervals";
import { MODEL_LABELS, type FittedModel, type ModelId } from "./model";
import { modelInput, withinStepSd } from "./model-input";
import { MODEL_IDS, MODEL_SPECS, usable, type ModelSpec } from "./models";
import { prepare } from "./prepare";
import { screenSpikes } from "./spikes";
import { cleanSamples, type DroppedSamples } from "./regularise";
import { limitChanges, type LevelDrop, type LimitChange } from "./resets";
import { DAY_MS, MONTH_MS, type Sample } from "./types";

export const DEFAULTS = { warningLevel: 0.8, resolutionMs: 300_000, lookbackMs: 90 * DAY_MS, horizonMs: 30 * DAY_MS, backtestOrigins: 5 };
/** Less history than this since the last reset cannot be forecast. */
export const MIN_HISTORY_MS = 2 * DAY_MS;
/** Nor fewer model steps with data than this. */
export const MIN_MODEL_POINTS = 12;
const MAX_HORIZON_MS = 400 * DAY_MS;

export type ForecastRequest = {
  samples: readonly Sample[];
  /** A constant, or the limit query's samples (its latest value counts; changes are reported). */
  limit: number | readonly Sample[];
  /** Share of the limit (0..1, exclusive) that counts as the warning level. */
  warningLevel?: number;
  resolutionMs?: number;
  lookbackMs?: number;
  horizonMs?: number;
  now: number;
  /** Restrict the candidates (the bench backtests each model alone). Default: all the history allows. */
  models?: readonly ModelId[];
  backtestOrigins?: number;
  /** For dates in the notes (default UTC). */
  timeZone?: string;
  /** For values in the notes ("bytes" reads as KiB … TiB). */
  unit?: string;
};

export type CandidateResult = BacktestFigures;

export type CapacityForecast = {
  now: number;
  horizonMs: number;
  warningLevel: number;
  usage: { t: number; value: number };
  limit: { value: number; changes: LimitChange[] };
  /** usage / limit. */
  utilisation: number;
  headroom: { absolute: number; ratio: number };
  /** The chosen model's expected growth over the next 30 days, in the unit and as a share of the limit. */
  growthPerMonth: { absolute: number; ofLimit: number };
  toWarning: Crossing;
  toLimit: Crossing;
  model: { id: ModelId; label: string; params: Record<string, number> };
  backtest: {
    chosen: ModelId;
    horizonMs: number;
    candidates: CandidateResult[];
    /** Models not tried, and why. */
    skipped: { model: ModelId; reason: string }[];
  };
  intervals: Calibration;
  /** Forecast at the model step, from the step after the data to now + horizon. */
  series: ForecastPoint[];
  /** The fitted history at the model step (means; null where no data). */
  history: { t: number; v: number | null }[];
  data: {
    resolutionMs: number;
    modelStepMs: number;
    fittedFrom: number;
    fittedTo: number;
    points: number;
    /** Model steps left out of the fit as spikes. */
    spikes: number;
    gaps: Gap[];
    drops: LevelDrop[];
    dropped: DroppedSamples;
  };
  /** What was done, in words ("Fitted on the 23 days since the reset on 3 Nov 14:05."). */
  notes: string[];
};

export type ForecastErrorCode = "invalid-input" | "invalid-limit" | "no-data" | "too-little-history";
export type ForecastOutcome = { ok: true; forecast: CapacityForecast } | { ok: false; error: { code: ForecastErrorCode; message: string } };

const fail = (code: ForecastErrorCode, message: string): ForecastOutcome => ({ ok: false, error: { code, message } });

function currentLimit(limit: ForecastRequest["limit"], now: number): { value: number; changes: LimitChange[] } | string {
  if (typeof limit === "number") {
    return Number.isFinite(limit) && limit > 0 ? { value: limit, changes: [] } : `The limit must be a positive number, not ${limit}.`;
  }
  const { samples } = cleanSamples(limit, { now, from: -Infinity });
  if (samples.length === 0) return "The limit query returned no usable data.";
  const value = samples[samples.length - 1].v;
  if (!(value > 0)) return `The limit must be positive; its query returns ${value}.`;
  return { value, changes: limitChanges(samples) };
}

export function forecastCapacity(req: ForecastRequest): ForecastOutcome {
  const now = req.now;
  const warningLevel = req.warningLevel ?? DEFAULTS.warningLevel;
  const resolutionMs = req.resolutionMs ?? DEFAULTS.resolutionMs;
  const lookbackMs = req.lookbackMs ?? DEFAULTS.lookbackMs;
  const horizonMs = req.horizonMs ?? DEFAULTS.horizonMs;
  const tz = req.timeZone ?? "UTC";
  if (!Number.isFinite(now)) return fail("invalid-input", "`now` must be a time.");
  if (!(warningLevel > 0 && warningLevel < 1)) return fail("invalid-input", `The warning level must be between 0 and 1 (exclusive), not ${warningLevel}.`);
  if (!(resolutionMs >= 1000)) return fail("invalid-input", `The resolution must be at least one second, not ${resolutionMs} ms.`);
  if (!(lookbackMs >= MIN_HISTORY_MS)) return fail("invalid-input", `The lookback must be at least ${spanText(MIN_HISTORY_MS)}.`);
  if (!(horizonMs > 0 && horizonMs <= MAX_HORIZON_MS)) return fail("invalid-input", `The horizon must be between 0 and ${spanText(MAX_HORIZON_MS)}.`);

  const limit = currentLimit(req.limit, now);
  if (typeof limit === "string") return fail("invalid-limit", limit);

  const prep = prepare(req.samples, { now, resolutionMs, lookbackMs });
  if (prep.fittedFrom === null || prep.fittedTo === null || !prep.last) return fail("no-data", "The usage query returned no usable data in the lookback window.");
  const reset = prep.drops.at(-1);
  const span = prep.fittedTo - prep.fittedFrom + resolutionMs;
  const raw = modelInput(prep.series, modelStepFactor(resolutionMs));
  const screened = screenSpikes(raw.agg.values);
  const input = { ...raw, agg: { ...raw.agg, values: screened.values } };
  const stepMs = input.agg.stepMs;
  const n = input.agg.values.length;
  let modelPoints = 0;
  for (const v of input.agg.values) if (!Number.isNaN(v)) modelPoints++;
  if (span < MIN_HISTORY_MS || modelPoints < MIN_MODEL_POINTS) {
    const since = reset ? ` since the ${reset.kind === "reset" ? "reset" : "drop"} on ${dateTimeText(reset.at, tz)}` : "";
    return fail("too-little-history", `Only ${spanText(span)} of usable history${since}; a forecast needs at least ${spanText(MIN_HISTORY_MS)}${modelPoints < MIN_MODEL_POINTS ? ` and ${MIN_MODEL_POINTS} points at ${spanText(stepMs)} steps` : ""}.`);
  }

  // Candidates and a shared set of backtest origins.
  const horizonSteps = Math.ceil((now + horizonMs - (input.agg.start + (n - 1) * stepMs)) / stepMs);
  const btHorizon = Math.max(1, Math.min(Math.ceil(horizonMs / stepMs), Math.floor(n / 4)));
  const originCount = req.backtestOrigins ?? DEFAULTS.backtestOrigins;
  const skipped: CapacityForecast["backtest"]["skipped"] = [];
  const wanted = (req.models ?? MODEL_IDS).map((id) => MODEL_SPECS[id]);
  const candidates: ModelSpec[] = [];
  for (const spec of wanted) {
    if (!usable(spec, stepMs)) skipped.push({ model: spec.id, reason: `the resolution (${spanText(stepMs)}) is too coarse for its season` });
    // Room for origins spread over at least one horizon after its minimum training length.
    else if (n < spec.minSteps(stepMs) + 2 * btHorizon)
      skipped.push({ model: spec.id, reason: `needs more history (at least ${spanText(spec.minSteps(stepMs) * stepMs + 2 * btHorizon * stepMs)})` });
    else candidates.push(spec);
  }
  const minTrain = Math.max(0, ...candidates.map((s) => s.minSteps(stepMs)));
  const origins = planOrigins(n, minTrain, btHorizon, originCount);
  const runs: { spec: ModelSpec; run: BacktestRun }[] = [];
  for (const spec of candidates) {
    const run = backtest(spec, input, origins, btHorizon);
    if (run) runs.push({ spec, run });
    else skipped.push({ model: spec.id, reason: "its backtest had no usable points" });
  }

  // The winner; with no backtest at all (short history, a single model requested) the first model that fits, with normal intervals.
  let chosen = runs[0];
  for (const r of runs) if (betterThan(r.run.figures, chosen.run.figures)) chosen = r;
  let model: FittedModel | null = null;
  let calibration = NORMAL_CALIBRATION;
  if (chosen) {
    model = chosen.spec.fit(input.agg.values, stepMs);
    calibration = chosen.run.calibration;
  } else {
    for (const spec of wanted) {
      if (!usable(spec, stepMs) || n < spec.minSteps(stepMs)) continue;
      model = spec.fit(input.agg.values, stepMs);
      break;
    }
  }
  if (!model) {
    return fail("too-little-history", `Only ${spanText(span)} of usable history: too little for ${wanted.map((s) => MODEL_LABELS[s.id]).join(" or ")}.`);
  }

  const { median, sd } = forecastSteps(model, input, n, Math.max(1, horizonSteps), withinStepSd(input, n));
  const series: ForecastPoint[] = [];
  for (let j = 0; j < median.values.length; j++) {
    const m = Math.max(0, median.values[j]);
    series.push({ t: median.start + j * stepMs, median: m, ...band(m, sd[j], calibration) });
  }
  const history = Array.from(input.agg.values, (v, i) => ({ t: input.agg.start + i * stepMs, v: Number.isNaN(v) ? null : v }));
  const usage = { t: prep.last.t, value: prep.last.v };
  const growth = model.growth(MONTH_MS / stepMs);
  const forecast: CapacityForecast = {
    now,
    horizonMs,
    warningLevel,
    usage,
    limit,
    utilisation: usage.value / limit.value,
    headroom: { absolute: limit.value - usage.value, ratio: (limit.value - usage.value) / limit.value },
    growthPerMonth: { absolute: growth, ofLimit: growth / limit.value },
    toWarning: crossing(series, warningLevel * limit.value, usage.value, now),
    toLimit: crossing(series, limit.value, usage.value, now),
    model: { id: model.id, label: MODEL_LABELS[model.id], params: model.params },
    backtest: { chosen: model.id, horizonMs: btHorizon * stepMs, candidates: runs.map((r) => r.run.figures), skipped },
    intervals: calibration,
    series,
    history,
    data: {
      resolutionMs,
      modelStepMs: stepMs,
      fittedFrom: prep.fittedFrom,
      fittedTo: prep.fittedTo,
      points: prep.points,
      spikes: screened.spikes,
      gaps: prep.gaps,
      drops: prep.drops,
      dropped: prep.dropped,
    },
    notes: [],
  };
  forecast.notes = describeForecast(forecast, tz, req.unit ?? "");
  return { ok: true, forecast };
}
