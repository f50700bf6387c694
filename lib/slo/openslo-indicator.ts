/**
 * An OpenSLO SLI spec (inline `indicator.spec` or an `SLI` document's spec) → Keel ratio queries
 * and the data source they read. Pure.
 */
import type { RatioSli } from "./definition";
import { isRecord, text, type DocScope } from "./interop-errors";
import { KEEL_SOURCE_TYPE } from "./openslo-keel";
import { mapQuery } from "./openslo-query";

/** Everything that answers the Prometheus HTTP API, which is what Keel queries. */
const PROMETHEUS_TYPES = ["prometheus", "thanos", "mimir", "cortex", "victoriametrics"];
export const THRESHOLD_UNSUPPORTED =
  'threshold metrics are not supported: use a ratio of histogram buckets (good: sum(rate(<metric>_bucket{le="<seconds>"}[$window])), total: sum(rate(<metric>_count[$window]))).';

/** DataSource documents of the file, by metadata.name. */
export type SourceIndex = Map<string, { type: string; name: string }>;

export type ParsedIndicator = {
  /** The ratio, or "keel" when the sources are Keel's own (an exported incident SLI). */
  sli: RatioSli | "keel";
  /** The data source to read from: the DataSource's name when it is in the file, else the ref. */
  datasourceName?: string;
};

type Role = "good" | "bad" | "total";
type Source = { keel: boolean; ref?: string; query: string };

export function isPrometheusType(type: string): boolean {
  return PROMETHEUS_TYPES.includes(type.toLowerCase());
}

export function readIndicatorSpec(spec: unknown, sources: SourceIndex, scope: DocScope, where: string): ParsedIndicator | undefined {
  if (!isRecord(spec)) return scope.error(`${where} must be a map with a ratioMetric.`);
  if (spec.thresholdMetric !== undefined) return scope.error(THRESHOLD_UNSUPPORTED);
  const rm = spec.ratioMetric;
  if (!isRecord(rm)) return scope.error(`${where} needs a ratioMetric (good or bad events, and total events).`);
  if (rm.raw !== undefined || rm.rawType !== undefined) {
    return scope.error("raw ratio metrics (rawType/raw) are not supported: Keel needs good or bad event counts and total event counts, not a precomputed ratio.");
  }
  if (rm.counter !== undefined && typeof rm.counter !== "boolean") return scope.error("ratioMetric.counter must be true or false.");
  if (rm.good !== undefined && rm.bad !== undefined) return scope.error("ratioMetric has both good and bad: give one of them, with total.");
  if (rm.good === undefined && rm.bad === undefined) return scope.error("ratioMetric needs good or bad, with total.");
  if (rm.total === undefined) return scope.error("ratioMetric needs total.");

  const roles: Role[] = [rm.good !== undefined ? "good" : "bad", "total"];
  const read = roles.map((role) => [role, readSource(rm[role], role, sources, scope)] as const);
  if (read.some(([, s]) => !s)) return undefined;
  const found = read as ReadonlyArray<readonly [Role, Source]>;

  const refs = [...new Set(found.map(([, s]) => s.ref))];
  if (refs.length > 1) return scope.error(`The queries use different data sources (${refs.map((r) => r ?? "none").join(", ")}): Keel reads one SLI from one data source.`);
  const ref = refs[0];
  const datasourceName = ref === undefined ? undefined : (sources.get(ref)?.name ?? ref);

  const keel = found.filter(([, s]) => s.keel).length;
  if (keel === found.length) return { sli: "keel", datasourceName };
  if (keel > 0) return scope.error(`Metric source type ${KEEL_SOURCE_TYPE} cannot be mixed with other sources.`);

  const sli: RatioSli = { kind: "ratio", total: "" };
  for (const [role, s] of found) {
    const mapped = mapQuery(s.query, role, rm.counter as boolean | undefined);
    if ("error" in mapped) {
      scope.error(mapped.error);
      continue;
    }
    mapped.notes.forEach((n) => scope.note(n));
    sli[role] = mapped.query;
  }
  return scope.failed ? undefined : { sli, datasourceName };
}

function readSource(v: unknown, role: Role, sources: SourceIndex, scope: DocScope): Source | undefined {
  const ms = isRecord(v) ? v.metricSource : undefined;
  if (!isRecord(ms)) return scope.error(`ratioMetric.${role}.metricSource is required.`);
  const ref = text(ms.metricSourceRef);
  const declared = ref === undefined ? undefined : sources.get(ref);
  const type = text(ms.type) ?? declared?.type;
  if (type?.toLowerCase() === KEEL_SOURCE_TYPE.toLowerCase()) return { keel: true, ref, query: "" };
  if (type === undefined && ref === undefined) return scope.error(`ratioMetric.${role}.metricSource needs type: Prometheus or a metricSourceRef.`);
  if (type !== undefined && !isPrometheusType(type)) {
    return scope.error(`ratioMetric.${role}: metric source type "${type}" is not supported: Keel reads Prometheus-compatible sources (Prometheus, Thanos, Mimir, Cortex, VictoriaMetrics).`);
  }
  const spec = ms.spec;
  const query = typeof spec === "string" ? text(spec) : isRecord(spec) ? (text(spec.query) ?? text(spec.promql)) : undefined;
  if (query === undefined) return scope.error(`ratioMetric.${role}.metricSource.spec.query (PromQL) is required.`);
  return { keel: false, ref, query };
}
