/**
 * Sloth spec import: `version: "prometheus/v1"` files (and the same spec inside Sloth's Kubernetes
 * `PrometheusServiceLevel` resource). Pure; reports errors and notes like the OpenSLO importer.
 *
 * Each `slos[]` item becomes a ratio SLI with bad = `error_query` and total = `total_query`
 * (`{{.window}}` → `$window`), target = objective / 100, a 30-day rolling window (Sloth's default
 * period: the spec does not carry one) and occurrence budgeting. Spec-level labels are merged with
 * the SLO's own (the SLO's win). `sli.raw` (a precomputed error ratio) and `sli.plugin` are refused;
 * `alerting` and SLO plugins are ignored with a note.
 */
import type { SloDefinition } from "./definition";
import { IssueLog, isRecord, readYamlObjects, text, type DocError, type DocNote, type DocScope } from "./interop-errors";
import { numberOf, percentToRatio, readLabels, slugFor } from "./openslo-fields";
import type { ImportedSlo } from "./openslo";
import { mapQuery } from "./openslo-query";

export const SLOTH_VERSION = "prometheus/v1";
const SLOTH_K8S_API = "sloth.slok.dev/v1";

export type SlothImport = { slos: ImportedSlo[]; services: string[]; errors: DocError[]; notes: DocNote[] };

/**
 * @param service when given, every SLO is imported into this service (e.g. importing from a
 *   service's page) and the spec's own `service` becomes optional.
 */
export function parseSloth(yamlText: string, service?: string): SlothImport {
  const { objects, error } = readYamlObjects(yamlText);
  if (error) return { slos: [], services: [], errors: [error], notes: [] };
  if (objects.length === 0) return { slos: [], services: [], errors: [{ document: 0, kind: "", name: "", message: "The file has no Sloth spec." }], notes: [] };
  const log = new IssueLog();
  const slos: ImportedSlo[] = [];
  const services: string[] = [];
  for (const { document, value } of objects) {
    const body = specBody(value);
    const scope = log.scope(document, "Sloth spec", (isRecord(body) ? text(body.service) : undefined) ?? "");
    if (typeof body === "string") {
      scope.error(body);
      continue;
    }
    const svc = service?.trim() || text(body.service);
    if (!svc) {
      scope.error("service is required.");
      continue;
    }
    if (service?.trim() && text(body.service) && text(body.service) !== svc) scope.note(`The spec's service "${text(body.service)}" is imported into "${svc}".`);
    if (!services.includes(svc)) services.push(svc);
    const labels = readLabels(body.labels, "labels", scope);
    if (body.slo_plugins !== undefined || body.sloPlugins !== undefined) scope.note("SLO plugins are ignored.");
    if (!Array.isArray(body.slos) || body.slos.length === 0) {
      scope.error("slos must list at least one SLO.");
      continue;
    }
    scope.note("Imported with a 30-day rolling window, Sloth's default SLO period (the spec does not carry one).");
    body.slos.forEach((item, i) => {
      const name = isRecord(item) ? text(item.name) : undefined;
      const def = readSlo(item, svc, labels, scope, scope.child("SLO", name ?? `slos[${i}]`));
      if (!def) return;
      const dup = slos.find((s) => s.definition.service === def.service && s.definition.slug === def.slug);
      if (dup) scope.child("SLO", def.name).error(`Another SLO of service "${svc}" has the slug "${def.slug}" (document ${dup.document}).`);
      else slos.push({ definition: def, document });
    });
  }
  const byDoc = (a: DocError, b: DocError) => a.document - b.document;
  return { slos, services, errors: [...log.errors].sort(byDoc), notes: [...log.notes].sort(byDoc) };
}

/** The spec's fields, or why the document is not a Sloth spec. */
function specBody(value: unknown): Record<string, unknown> | string {
  if (!isRecord(value)) return `A Sloth spec must be a map with version: "${SLOTH_VERSION}", service and slos.`;
  if (value.apiVersion === SLOTH_K8S_API && value.kind === "PrometheusServiceLevel") {
    return isRecord(value.spec) ? value.spec : "The PrometheusServiceLevel resource has no spec.";
  }
  if (typeof value.apiVersion === "string" && value.apiVersion.startsWith("openslo/")) return "This is an OpenSLO document: import it as OpenSLO, not as a Sloth spec.";
  if (value.version !== SLOTH_VERSION) return `version must be "${SLOTH_VERSION}" (found ${JSON.stringify(value.version ?? null)}).`;
  return value;
}

function readSlo(item: unknown, service: string, specLabels: Record<string, string>, docScope: DocScope, scope: DocScope): SloDefinition | undefined {
  if (!isRecord(item)) return scope.error("Each item of slos must be a map with name, objective and sli.");
  const name = text(item.name);
  if (!name) return scope.error("name is required.");
  const slug = slugFor(name, "name", scope);
  const objective = numberOf(item.objective);
  if (objective === undefined || !(objective > 0 && objective < 100)) {
    scope.error(`objective must be a percentage between 0 and 100 (exclusive), e.g. 99.9, not ${JSON.stringify(item.objective ?? null)}.`);
  }
  if (item.description !== undefined && typeof item.description !== "string") scope.error("description must be text.");
  const labels = { ...specLabels, ...readLabels(item.labels, "labels", scope) };
  if (item.alerting !== undefined) docScope.note("alerting is ignored: Keel generates its own multiwindow burn-rate alerts for every SLO.");

  const sli = item.sli;
  let bad: string | undefined;
  let total: string | undefined;
  if (!isRecord(sli)) scope.error("sli is required (sli.events with error_query and total_query).");
  else if (sli.raw !== undefined) {
    scope.error("sli.raw (error_ratio_query) is not supported: Keel needs error and total event queries (sli.events), not a precomputed error ratio.");
  } else if (sli.plugin !== undefined) {
    scope.error("sli.plugin is not supported: write the SLI as sli.events with error_query and total_query.");
  } else if (!isRecord(sli.events)) {
    scope.error("sli.events is required, with error_query and total_query.");
  } else {
    bad = eventQuery(sli.events, "error_query", "errorQuery", docScope, scope);
    total = eventQuery(sli.events, "total_query", "totalQuery", docScope, scope);
  }
  if (scope.failed || !slug || objective === undefined || !bad || !total) return undefined;
  return {
    name,
    slug,
    description: typeof item.description === "string" ? item.description.trim() : "",
    service,
    sli: { kind: "ratio", bad, total },
    target: percentToRatio(objective),
    window: { kind: "rolling", days: 30 },
    budgeting: { method: "occurrences" },
    labels,
  };
}

function eventQuery(events: Record<string, unknown>, key: string, camel: string, docScope: DocScope, scope: DocScope): string | undefined {
  const raw = text(events[key]) ?? text(events[camel]);
  if (!raw) return scope.error(`sli.events.${key} is required.`);
  const mapped = mapQuery(raw, key, true);
  if ("error" in mapped) return scope.error(mapped.error.replace("$window where", "{{.window}} (or $window) where"));
  mapped.notes.filter((n) => !n.startsWith("{{.window}}")).forEach((n) => docScope.note(n));
  return mapped.query;
}
