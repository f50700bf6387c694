/** What a forecast did with the data, in sentences for the detail page and the report. Pure. */
import type { CapacityForecast } from "./forecast";
import { dateTimeText, percentText, spanText, valueText } from "./format";
import { MODEL_LABELS } from "./model";
import { HOUR_MS } from "./types";

const pct = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(1)}%`);

export function describeForecast(f: CapacityForecast, timeZone = "UTC", unit = ""): string[] {
  const notes: string[] = [];
  const d = f.data;
  const span = d.fittedTo - d.fittedFrom + d.resolutionMs;
  const last = d.drops.at(-1);
  if (last) {
    const what = last.kind === "reset" ? "reset" : "drop";
    notes.push(
      `Fitted on the ${spanText(span)} since the ${what} on ${dateTimeText(last.at, timeZone)} (level ${valueText(last.before, unit)} → ${valueText(last.after, unit)}); the history before it is left out.`,
    );
    if (d.drops.length > 1) notes.push(`${d.drops.length - 1} earlier reset${d.drops.length > 2 ? "s" : ""} or drop${d.drops.length > 2 ? "s" : ""} in the window, the first on ${dateTimeText(d.drops[0].at, timeZone)}.`);
  } else {
    notes.push(`Fitted on ${spanText(span)} of history (${dateTimeText(d.fittedFrom, timeZone)} – ${dateTimeText(d.fittedTo, timeZone)}).`);
  }
  const long = d.gaps.filter((g) => !g.filled);
  const filled = d.gaps.length - long.length;
  if (long.length) {
    const longest = long.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
    notes.push(
      `${long.length} gap${long.length > 1 ? "s" : ""} in the data left unfilled (the longest ${spanText(longest.to - longest.from)} from ${dateTimeText(longest.from, timeZone)}); the models skip them.`,
    );
  }
  if (filled) notes.push(`${filled} short gap${filled > 1 ? "s" : ""} (up to ${spanText(Math.max(HOUR_MS, 2 * d.resolutionMs))}) filled by interpolation.`);
  if (d.spikes) notes.push(`${d.spikes} spike${d.spikes > 1 ? "s" : ""} (${spanText(d.modelStepMs)} means far off their neighbours) left out of the fit; the bands still allow for them.`);
  const ignored = [
    d.dropped.notANumber && `${d.dropped.notANumber} that were not numbers`,
    d.dropped.negative && `${d.dropped.negative} negative`,
    d.dropped.future && `${d.dropped.future} later than now`,
  ].filter(Boolean);
  if (ignored.length) notes.push(`Ignored samples: ${ignored.join(", ")}.`);
  for (const c of f.limit.changes) {
    notes.push(`The limit changed from ${valueText(c.from, unit)} to ${valueText(c.to, unit)} on ${dateTimeText(c.at, timeZone)}; headroom and dates use the current limit.`);
  }
  const stale = f.now - f.usage.t;
  if (stale > Math.max(HOUR_MS, 3 * d.resolutionMs)) notes.push(`No data for the last ${spanText(stale)} (since ${dateTimeText(f.usage.t, timeZone)}); the forecast starts from the last data.`);

  const chosen = f.backtest.candidates.find((c) => c.model === f.model.id);
  const others = f.backtest.candidates.filter((c) => c.model !== f.model.id);
  if (chosen) {
    const vs = others.length ? ` over ${others.map((o) => `${MODEL_LABELS[o.model]} (MAPE ${pct(o.mape)})`).join(" and ")}` : "";
    const cover = chosen.coverage80 === null ? "" : `; its 80% band held ${percentText(chosen.coverage80)} of the held-out points`;
    notes.push(
      `Model: ${f.model.label}, chosen by backtest${vs}: MAPE ${pct(chosen.mape)} forecasting ${spanText(f.backtest.horizonMs)} ahead from ${chosen.origins} origins${cover}.`,
    );
  } else {
    notes.push(`Model: ${f.model.label}; too little history for a backtest, so the bands assume normal errors.`);
  }
  for (const s of f.backtest.skipped) notes.push(`Not tried: ${MODEL_LABELS[s.model]} (${s.reason}).`);
  return notes;
}
