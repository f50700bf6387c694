/**
 * OpenSLO v1 import (and export, in openslo-export.ts). Pure: YAML text in, Keel SLO definitions
 * and located errors out. The caller imports nothing while `errors` is non-empty; `notes` tell the
 * user what was ignored or interpreted.
 *
 * Kinds: SLO, SLI (referenced by `indicatorRef`), Service, DataSource (Prometheus-compatible ones
 * become data sources); AlertPolicy, AlertCondition and AlertNotificationTarget are ignored with a
 * note, since Keel generates its own burn-rate alerts. Query mapping: openslo-query.ts; windows,
 * targets and budgeting: openslo-objective.ts; Keel's latency and incident SLIs: openslo-keel.ts.
 */
import type { SloDefinition } from "./definition";
import { IssueLog, isRecord, readYamlObjects, text, type DocError, type DocNote, type DocScope, type YamlObject } from "./interop-errors";
import { numberOf, readLabels, slugFor } from "./openslo-fields";
import { isPrometheusType, readIndicatorSpec, type ParsedIndicator, type SourceIndex } from "./openslo-indicator";
import { ANNOTATION, readAlertLevels, restoreIncidents, restoreLatency } from "./openslo-keel";
import { readBudgeting, readTarget, readWindow } from "./openslo-objective";

export { toOpenSlo, type ExportableSlo } from "./openslo-export";
export { slugify } from "./openslo-fields";
export type { DocError, DocNote } from "./interop-errors";

export const OPENSLO_API_VERSION = "openslo/v1";

export type ImportedDatasource = { name: string; url: string };
export type ImportedSlo = {
  definition: SloDefinition;
  /** The data source the queries read (metricSourceRef, resolved to the DataSource's name when it is in the file). */
  datasourceName?: string;
  /** 1-based position of the SLO document in the file. */
  document: number;
};
export type OpenSloImport = {
  slos: ImportedSlo[];
  datasources: ImportedDatasource[];
  /** Service names, in file order: Service documents and every SLO's spec.service. */
  services: string[];
  errors: DocError[];
  notes: DocNote[];
};

const KINDS = ["SLO", "SLI", "Service", "DataSource"];
const IGNORED_KINDS = ["AlertPolicy", "AlertCondition", "AlertNotificationTarget"];

type Head = {
  document: number;
  kind: string;
  name: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
  scope: DocScope;
};

export function parseOpenSlo(yamlText: string): OpenSloImport {
  const out: OpenSloImport = { slos: [], datasources: [], services: [], errors: [], notes: [] };
  const { objects, error } = readYamlObjects(yamlText);
  if (error) return { ...out, errors: [error] };
  if (objects.length === 0) return { ...out, errors: [{ document: 0, kind: "", name: "", message: "The file has no OpenSLO documents." }] };
  const log = new IssueLog();
  const heads = objects.map((o) => readHead(o, log)).filter((h): h is Head => h !== undefined);
  const byKind = (kind: string) => heads.filter((h) => h.kind === kind);

  const seen = new Map<string, number>();
  for (const h of heads) {
    const key = `${h.kind}/${h.name}`;
    const first = seen.get(key);
    if (first !== undefined) h.scope.error(`Another ${h.kind} named "${h.name}" is in document ${first}.`);
    else seen.set(key, h.document);
  }

  const sources: SourceIndex = new Map();
  for (const h of byKind("DataSource")) {
    const ds = readDataSource(h);
    if (ds) sources.set(h.name, ds);
    if (ds?.url) out.datasources.push({ name: ds.name, url: ds.url });
  }
  const addService = (s: string) => out.services.includes(s) || out.services.push(s);
  byKind("Service").forEach((h) => addService(h.name));

  const slis = new Map<string, { document: number; parsed?: ParsedIndicator }>();
  for (const h of byKind("SLI")) {
    slis.set(h.name, { document: h.document, parsed: readIndicatorSpec(h.spec, sources, h.scope, "spec") });
  }

  const slugs = new Map<string, number>();
  for (const h of byKind("SLO")) {
    const service = text(h.spec.service);
    if (service) addService(service);
    const slo = readSlo(h, service, sources, slis);
    if (!slo) continue;
    const key = `${slo.definition.service}/${slo.definition.slug}`;
    const first = slugs.get(key);
    if (first !== undefined) h.scope.error(`The SLO in document ${first} has the same slug "${slo.definition.slug}" for service "${slo.definition.service}".`);
    else {
      slugs.set(key, h.document);
      out.slos.push(slo);
    }
  }
  const byDoc = (a: { document: number }, b: { document: number }) => a.document - b.document;
  return { ...out, errors: [...log.errors].sort(byDoc), notes: [...log.notes].sort(byDoc) };
}

function readHead({ document, value }: YamlObject, log: IssueLog): Head | undefined {
  if (!isRecord(value)) {
    log.scope(document, "", "").error("Each document must be a map with apiVersion, kind, metadata and spec.");
    return undefined;
  }
  const kind = text(value.kind) ?? "";
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = text(metadata.name) ?? "";
  const scope = log.scope(document, kind, name);
  if (value.apiVersion !== OPENSLO_API_VERSION) {
    scope.error(`apiVersion must be ${OPENSLO_API_VERSION} (found ${JSON.stringify(value.apiVersion ?? null)}).`);
  }
  if (IGNORED_KINDS.includes(kind)) {
    scope.note(`${kind} documents are ignored: Keel generates multiwindow burn-rate alerts for every SLO.`);
    return undefined;
  }
  if (!KINDS.includes(kind)) {
    return scope.error(`kind must be one of ${KINDS.join(", ")} (${IGNORED_KINDS.join(", ")} are ignored), not ${JSON.stringify(value.kind ?? null)}.`);
  }
  if (!name) return scope.error("metadata.name is required.");
  if (value.spec !== undefined && !isRecord(value.spec)) return scope.error("spec must be a map.");
  if (value.spec === undefined && kind !== "Service") return scope.error("spec is required.");
  if (scope.failed) return undefined;
  return { document, kind, name, metadata, spec: isRecord(value.spec) ? value.spec : {}, scope };
}

function readDataSource(h: Head): { type: string; name: string; url?: string } | undefined {
  const type = text(h.spec.type);
  const name = text(h.metadata.displayName) ?? h.name;
  if (!type) return h.scope.error("spec.type is required, e.g. Prometheus.");
  if (!isPrometheusType(type)) {
    h.scope.note(`DataSource of type ${type} is ignored: Keel reads Prometheus-compatible sources only.`);
    return { type, name };
  }
  const cd = h.spec.connectionDetails;
  const entries = Array.isArray(cd) ? cd.filter(isRecord) : isRecord(cd) ? [cd] : [];
  const url = entries.map((e) => text(e.url)).find((u) => u !== undefined);
  if (!url) return h.scope.error("spec.connectionDetails.url is required (the Prometheus base URL).");
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {
    /* reported below */
  }
  if (protocol !== "http:" && protocol !== "https:") return h.scope.error(`spec.connectionDetails.url must be an http(s) URL, not "${url}".`);
  return { type, name, url };
}

function readSlo(h: Head, service: string | undefined, sources: SourceIndex, slis: Map<string, { document: number; parsed?: ParsedIndicator }>): ImportedSlo | undefined {
  const { spec, metadata, scope } = h;
  if (!service) scope.error("spec.service is required (the name of the service the SLO belongs to).");
  if (spec.description !== undefined && typeof spec.description !== "string") scope.error("spec.description must be text.");
  const slug = slugFor(h.name, "metadata.name", scope);
  const labels = readLabels(metadata.labels, "metadata.labels", scope);
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};

  let indicator: ParsedIndicator | undefined;
  const ref = text(spec.indicatorRef);
  if (spec.indicator !== undefined && ref !== undefined) scope.error("spec has both indicator and indicatorRef: give one.");
  else if (spec.indicator !== undefined) {
    indicator = readIndicatorSpec(isRecord(spec.indicator) ? spec.indicator.spec : undefined, sources, scope, "spec.indicator.spec");
  } else if (ref !== undefined) {
    const sli = slis.get(ref);
    if (!sli) scope.error(`indicatorRef "${ref}": no SLI document with that name in the file.`);
    else if (!sli.parsed) scope.error(`indicatorRef "${ref}": the SLI in document ${sli.document} has errors.`);
    indicator = sli?.parsed;
  } else scope.error("spec.indicator or spec.indicatorRef is required.");

  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
  if (objectives.length !== 1) {
    scope.error(`spec.objectives must have exactly one objective (found ${objectives.length}): Keel tracks one target per SLO, so import other objectives as separate SLOs.`);
  }
  const objective = isRecord(objectives[0]) ? objectives[0] : {};
  if (objective.indicator !== undefined || objective.indicatorRef !== undefined) {
    scope.error("Composite objectives (an indicator per objective) are not supported: put the indicator in spec.indicator.");
  }
  const target = objectives.length === 1 ? readTarget(objective, scope) : undefined;
  const budgeting = readBudgeting(spec.budgetingMethod, objective, scope);
  const window = readWindow(spec.timeWindow, scope);
  if (Array.isArray(spec.alertPolicies) && spec.alertPolicies.length > 0) {
    scope.note("spec.alertPolicies are ignored: Keel generates multiwindow burn-rate alerts for every SLO.");
  }
  const sla = annotations[ANNOTATION.slaTarget] === undefined ? undefined : numberOf(annotations[ANNOTATION.slaTarget]);
  if (annotations[ANNOTATION.slaTarget] !== undefined && !(sla !== undefined && sla > 0 && sla < 1)) {
    scope.error(`${ANNOTATION.slaTarget} must be a ratio between 0 and 1 (exclusive).`);
  }
  const alertLevels = readAlertLevels(typeof annotations[ANNOTATION.alertLevels] === "string" ? (annotations[ANNOTATION.alertLevels] as string) : undefined, scope);
  const sli = indicator && (indicator.sli === "keel" ? restoreIncidents(annotations, scope) : restoreLatency(indicator.sli, annotations, scope));
  if (scope.failed || !sli || !slug || !service || target === undefined || !budgeting || !window) return undefined;

  const definition: SloDefinition = {
    name: text(metadata.displayName) ?? h.name,
    slug,
    description: typeof spec.description === "string" ? spec.description.trim() : "",
    service,
    sli,
    target,
    ...(sla !== undefined ? { slaTarget: sla } : {}),
    ...(alertLevels ? { alertLevels } : {}),
    window,
    budgeting,
    labels,
  };
  return { definition, ...(indicator?.datasourceName ? { datasourceName: indicator.datasourceName } : {}), document: h.document };
}
