/**
 * Keel-specific SLI kinds inside OpenSLO, so an export re-imports exactly. Pure.
 *
 * OpenSLO only has ratio and threshold metrics. Keel exports
 *  - a latency SLI as a ratioMetric (good = requests in the threshold bucket, total = all
 *    requests), which any OpenSLO tool can evaluate, plus `keel.dev/*` annotations with the
 *    original fields;
 *  - an incident SLI as a ratioMetric whose metric source is `type: Keel` (only Keel can evaluate
 *    it), plus annotations.
 * On import the annotations are trusted only when the queries still say the same thing; if someone
 * edited the queries, the SLI is imported as the plain ratio they now describe.
 */
import { promString } from "@/lib/prometheus/escape";
import { formatLe, WINDOW_PLACEHOLDER, type AlertLevels, type IncidentSli, type LatencySli, type RatioSli, type SliSpec } from "./definition";
import type { DocScope } from "./interop-errors";
import { numberOf } from "./openslo-fields";

export const ANNOTATION = {
  sliKind: "keel.dev/sli-kind",
  latencyMetric: "keel.dev/latency-metric",
  latencySelector: "keel.dev/latency-selector",
  latencyThreshold: "keel.dev/latency-threshold-seconds",
  minSeverity: "keel.dev/incidents-min-severity",
  slaTarget: "keel.dev/sla-target",
  alertLevels: "keel.dev/alert-levels",
} as const;

const LEVELS = ["warning", "critical", "page"] as const;

/** Alert levels as one annotation: "warning=0.9995,critical=0.999,page=0.995". */
export function alertLevelsAnnotation(levels: AlertLevels): string | undefined {
  const parts = LEVELS.filter((k) => levels[k] !== undefined).map((k) => `${k}=${levels[k]}`);
  return parts.length ? parts.join(",") : undefined;
}

export function readAlertLevels(text: string | undefined, scope: DocScope): AlertLevels | undefined {
  if (text === undefined) return undefined;
  const out: AlertLevels = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [k, v] = part.split("=").map((x) => x.trim());
    const n = numberOf(v);
    if (!(LEVELS as readonly string[]).includes(k) || n === undefined || !(n > 0 && n < 1)) {
      scope.error(`${ANNOTATION.alertLevels} takes warning=, critical= and page= ratios between 0 and 1, e.g. "warning=0.9995,critical=0.999,page=0.995"; not ${JSON.stringify(part)}.`);
      return undefined;
    }
    out[k as (typeof LEVELS)[number]] = n;
  }
  return out;
}

export const KEEL_SOURCE_TYPE = "Keel";

/** The good and total queries of a latency SLI, with `$window` (the same rates as sliQueries). */
export function latencyRatio(sli: LatencySli): { good: string; total: string } | undefined {
  const s = sli.selector.trim();
  if (s !== "" && !/^\{[^{}]*\}$/.test(s)) return undefined;
  const m = s === "" ? "" : s.slice(1, -1).trim();
  const sep = m ? `${m},` : "";
  return {
    good: `sum(rate(${sli.metric}_bucket{${sep}le=${promString(formatLe(sli.thresholdSeconds))}}[${WINDOW_PLACEHOLDER}]))`,
    total: `sum(rate(${sli.metric}_count{${m}}[${WINDOW_PLACEHOLDER}]))`,
  };
}

export function sliAnnotations(sli: SliSpec): Record<string, string> {
  if (sli.kind === "latency") {
    return {
      [ANNOTATION.sliKind]: "latency",
      [ANNOTATION.latencyMetric]: sli.metric,
      [ANNOTATION.latencySelector]: sli.selector,
      [ANNOTATION.latencyThreshold]: String(sli.thresholdSeconds),
    };
  }
  if (sli.kind === "incidents") return { [ANNOTATION.sliKind]: "incidents", [ANNOTATION.minSeverity]: String(sli.minSeverity) };
  return {};
}

/** The metric-source spec Keel writes for an incident SLI (informative; import reads the annotations). */
export function incidentSourceSpec(sli: IncidentSli, series: "good" | "total"): Record<string, string> {
  return { sli: "incidents", series: series === "good" ? "minutes-without-incident" : "minutes", minSeverity: String(sli.minSeverity) };
}

/** The ratio read from the file, turned back into a latency SLI when the annotations match it. */
export function restoreLatency(ratio: RatioSli, annotations: Record<string, unknown>, scope: DocScope): SliSpec {
  if (annotations[ANNOTATION.sliKind] !== "latency") return ratio;
  const metric = annotations[ANNOTATION.latencyMetric];
  const selector = annotations[ANNOTATION.latencySelector] ?? "";
  const threshold = numberOf(annotations[ANNOTATION.latencyThreshold]);
  if (typeof metric === "string" && /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric) && typeof selector === "string" && threshold !== undefined && threshold > 0) {
    const latency: LatencySli = { kind: "latency", metric, selector, thresholdSeconds: threshold };
    const q = latencyRatio(latency);
    if (q && !ratio.bad && ratio.good === q.good && ratio.total === q.total) return latency;
  }
  scope.note(`The ${ANNOTATION.sliKind}: latency annotations do not match the queries: imported as a ratio SLI of the queries.`);
  return ratio;
}

/** An SLI whose sources are `type: Keel`: an incident SLI, from its annotations. */
export function restoreIncidents(annotations: Record<string, unknown>, scope: DocScope): IncidentSli | undefined {
  const sev = numberOf(annotations[ANNOTATION.minSeverity]);
  if (annotations[ANNOTATION.sliKind] !== "incidents" || (sev !== 1 && sev !== 2 && sev !== 3 && sev !== 4)) {
    return scope.error(`Metric source type ${KEEL_SOURCE_TYPE} is only for Keel incident SLIs, which need the annotations ${ANNOTATION.sliKind}: incidents and ${ANNOTATION.minSeverity}: 1–4.`);
  }
  return { kind: "incidents", minSeverity: sev };
}
