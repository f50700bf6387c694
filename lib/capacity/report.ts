/**
 * The capacity report as Markdown: every resource, most urgent first, with where it stands, when it
 * reaches its warning level and its limit, the model and its backtest, and what to do. Pure.
 */
import type { Crossing } from "./crossing";
import { dateTimeText, dayText, percentText, spanText, valueText } from "./format";
import { MODEL_LABELS } from "./model";
import type { CapacitySummary, ForecastEntry } from "./summary";

export type ReportEntry = ForecastEntry;

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const code = (text: string) => `\`${text.replace(/`/g, "ˋ").replace(/\s*\n\s*/g, " ")}\``;

const STATUS_LABEL = { critical: "Critical", warning: "Warning", watch: "Watch", ok: "OK", unknown: "No forecast" } as const;

/** "3 Dec (28 Nov – 9 Dec)", "reached", "not within 30 days". */
export function whenText(c: Crossing | null, horizonMs: number, timeZone = "UTC"): string {
  if (!c) return "–";
  if (c.reachedNow) return "reached";
  if (c.median === null) return c.earliest80 === null ? `not within ${spanText(horizonMs)}` : `not expected (possibly from ${dayText(c.earliest80, timeZone)})`;
  const median = dayText(c.median, timeZone);
  const lo = c.earliest80 === null ? median : dayText(c.earliest80, timeZone);
  const hi = c.latest80 === null ? "later" : dayText(c.latest80, timeZone);
  return lo === median && hi === median ? median : `${median} (${lo} – ${hi})`;
}

const usageText = (s: CapacitySummary) =>
  s.usage === null || s.limit === null ? "–" : `${percentText(s.utilisation!)} (${valueText(s.usage, s.resource.unit === "bytes" ? "bytes" : "")} of ${valueText(s.limit, s.resource.unit)})`;

function details(e: ReportEntry, horizonMs: number): string[] {
  const s = e.summary;
  const r = s.resource;
  const lines = [`### ${r.serviceName}: ${r.name}`, ""];
  if (!e.forecast.ok) {
    lines.push(`**No forecast.** ${e.forecast.problem.message}`, "");
  } else {
    const f = e.forecast.forecast;
    const chosen = f.backtest.candidates.find((c) => c.model === f.model.id);
    lines.push(`**${STATUS_LABEL[s.status]}.** ${s.recommendation}`, "");
    lines.push(`- Used now: ${usageText(s)}; headroom ${valueText(f.headroom.absolute, r.unit)}.`);
    lines.push(`- Growth: ${f.growthPerMonth.absolute >= 0 ? "+" : "−"}${valueText(Math.abs(f.growthPerMonth.absolute), r.unit)} a month (${percentText(Math.abs(f.growthPerMonth.ofLimit))} of the limit).`);
    lines.push(`- Warning level (${percentText(f.warningLevel)}): ${whenText(f.toWarning, horizonMs)}; limit: ${whenText(f.toLimit, horizonMs)}. Dates are medians with the 80 % range, UTC.`);
    const bt = chosen
      ? `backtest MAPE ${chosen.mape === null ? "n/a" : `${chosen.mape.toFixed(1)} %`}${chosen.coverage80 === null ? "" : `, 80 % band held ${percentText(chosen.coverage80)} of held-out points`}`
      : "no backtest (too little history)";
    lines.push(`- Model: ${MODEL_LABELS[f.model.id]}; ${bt}.`);
    for (const n of f.notes.filter((n) => !n.startsWith("Model:"))) lines.push(`- ${n}`);
  }
  lines.push(`- Usage query: ${code(r.usageQuery)}`);
  lines.push(r.limitQuery ? `- Limit query: ${code(r.limitQuery)}` : `- Limit: ${valueText(r.limit ?? NaN, r.unit)} (constant)`);
  lines.push("");
  return lines;
}

export function capacityReportMarkdown(entries: readonly ReportEntry[], o: { now: number; horizonMs: number; appendix?: string[] }): string {
  const lines = [
    "# Capacity report",
    "",
    `Generated ${dateTimeText(o.now)} UTC by Keel. Forecast horizon ${spanText(o.horizonMs)}; ${entries.length} resource${entries.length === 1 ? "" : "s"}, most urgent first.`,
    "",
  ];
  if (!entries.length) lines.push("No capacity resources are tracked yet.", "");
  else {
    lines.push("| Status | Service | Resource | Used now | Warning level | Limit | Model |", "|---|---|---|---|---|---|---|");
    for (const { summary: s } of entries) {
      const model = s.model ? `${s.model}${s.mape === null ? "" : ` (MAPE ${s.mape.toFixed(1)} %)`}` : "–";
      lines.push(`| ${STATUS_LABEL[s.status]} | ${cell(s.resource.serviceName)} | ${cell(s.resource.name)} | ${cell(usageText(s))} | ${cell(whenText(s.toWarning, o.horizonMs))} | ${cell(whenText(s.toLimit, o.horizonMs))} | ${model} |`);
    }
    lines.push("", "## Resources", "");
    for (const e of entries) lines.push(...details(e, o.horizonMs));
  }
  if (o.appendix?.length) lines.push(...o.appendix);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
