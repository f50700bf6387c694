/** Small OpenSLO documents for the importer's tests. */
import { expect } from "vitest";
import { parseOpenSlo } from "./openslo";

/** One SLO document, with the parts given replaced (each is YAML at its place in the document). */
export function slo(opts: { name?: string; indicator?: string; window?: string; objectives?: string; budgeting?: string; api?: string } = {}) {
  return `apiVersion: ${opts.api ?? "openslo/v1"}
kind: SLO
metadata:
  name: ${opts.name ?? "api-availability"}
spec:
  service: api
  indicator:
    spec:
${(opts.indicator ?? `      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(req_total{code=~"5.."}[$window]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(req_total[$window]))' } } }`)}
  timeWindow:
${opts.window ?? "    - { duration: 30d, isRolling: true }"}
  budgetingMethod: ${opts.budgeting ?? "Occurrences"}
  objectives:
${opts.objectives ?? "    - target: 0.999"}
`;
}
export const SERVICE = "apiVersion: openslo/v1\nkind: Service\nmetadata: { name: api }\n---\n";
export const ratio = (good: string, total: string, counter = "true") => `      ratioMetric:
        counter: ${counter}
        good: { metricSource: { type: Prometheus, spec: { query: '${good}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: '${total}' } } }`;

/** The only error of importing `yaml`, as "document kind name: message". */
export function onlyError(yaml: string): string {
  const r = parseOpenSlo(yaml);
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0];
  return `${e.document} ${e.kind} ${e.name}: ${e.message}`;
}
