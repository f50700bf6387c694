/**
 * Keel SLO definitions → OpenSLO v1 YAML (multi-document). Pure.
 *
 * Order: a Service document per distinct service, a DataSource document per distinct data source,
 * then one SLO document per definition with its indicator inline as a ratioMetric. Queries keep
 * Keel's `$window` placeholder (the same convention as Sloth's `{{.window}}`). `parseOpenSlo`
 * reads the output back into the same definitions; what OpenSLO cannot say (latency and incident
 * SLIs, the SLA target) travels in `keel.dev/*` annotations.
 */
import { stringify } from "yaml";
import type { SloDefinition } from "./definition";
import { slugify } from "./openslo-fields";
import { alertLevelsAnnotation, ANNOTATION, incidentSourceSpec, KEEL_SOURCE_TYPE, latencyRatio, sliAnnotations } from "./openslo-keel";
import { budgetingToOpenSlo, windowToOpenSlo } from "./openslo-objective";

export type ExportableSlo = { definition: SloDefinition; datasource?: { name: string; url: string } };

const API_VERSION = "openslo/v1";

export function toOpenSlo(slos: ExportableSlo[]): string {
  const docs: unknown[] = [];
  const services = [...new Set(slos.map((s) => s.definition.service))];
  for (const service of services) docs.push({ apiVersion: API_VERSION, kind: "Service", metadata: { name: service }, spec: {} });

  const sourceNames = new Map<string, string>();
  for (const { datasource } of slos) {
    if (!datasource || sourceNames.has(datasource.name)) continue;
    const base = slugify(datasource.name) || "prometheus";
    const taken = new Set(sourceNames.values());
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    sourceNames.set(datasource.name, name);
    docs.push({
      apiVersion: API_VERSION,
      kind: "DataSource",
      metadata: { name, ...(name !== datasource.name ? { displayName: datasource.name } : {}) },
      spec: { type: "Prometheus", connectionDetails: { url: datasource.url } },
    });
  }
  for (const { definition, datasource } of slos) docs.push(sloDocument(definition, datasource && sourceNames.get(datasource.name)));
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n");
}

function sloDocument(d: SloDefinition, sourceRef: string | undefined): Record<string, unknown> {
  const annotations: Record<string, string> = { ...sliAnnotations(d.sli) };
  if (d.slaTarget !== undefined) annotations[ANNOTATION.slaTarget] = String(d.slaTarget);
  const levels = d.alertLevels && alertLevelsAnnotation(d.alertLevels);
  if (levels) annotations[ANNOTATION.alertLevels] = levels;
  const { budgetingMethod, objective } = budgetingToOpenSlo(d.budgeting);
  return {
    apiVersion: API_VERSION,
    kind: "SLO",
    metadata: {
      name: d.slug,
      displayName: d.name,
      ...(Object.keys(d.labels).length > 0 ? { labels: { ...d.labels } } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ...(d.description ? { description: d.description } : {}),
      service: d.service,
      indicator: { metadata: { name: d.slug }, spec: { ratioMetric: ratioMetric(d, sourceRef) } },
      timeWindow: [windowToOpenSlo(d.window)],
      budgetingMethod,
      objectives: [{ displayName: d.name, target: d.target, ...objective }],
    },
  };
}

function ratioMetric(d: SloDefinition, sourceRef: string | undefined): Record<string, unknown> {
  const source = (query: string) => ({
    metricSource: { ...(sourceRef ? { metricSourceRef: sourceRef } : {}), type: "Prometheus", spec: { query } },
  });
  const sli = d.sli;
  if (sli.kind === "incidents") {
    const keel = (series: "good" | "total") => ({ metricSource: { type: KEEL_SOURCE_TYPE, spec: incidentSourceSpec(sli, series) } });
    return { counter: false, good: keel("good"), total: keel("total") };
  }
  if (sli.kind === "latency") {
    const q = latencyRatio(sli);
    if (!q) throw new Error(`The latency selector of SLO ${d.slug} must be label matchers in braces: ${sli.selector}`);
    return { counter: true, good: source(q.good), total: source(q.total) };
  }
  return {
    counter: true,
    ...(sli.bad ? { bad: source(sli.bad) } : { good: source(sli.good ?? "") }),
    total: source(sli.total),
  };
}
