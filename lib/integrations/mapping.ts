/**
 * From alert labels to an incident's severity, services and title. Pure.
 *
 * Rules are tried in order. A rule matches an alert when every label it names matches: a string
 * must equal the label's value (an absent label has the value ""), `{ regex }` must match the whole
 * value (anchored, as in Prometheus). The first matching rule that names a severity decides the
 * severity; the first matching rule that names a service decides the service. What no rule decides
 * falls back to the defaults:
 *
 * - severity from the `severity` label (case-insensitive): critical → SEV1, high and error → SEV2,
 *   warning → SEV3, info → SEV4; SEV1..SEV4 themselves are accepted too; else the integration's
 *   default severity;
 * - service from the `service` label, else the `job` label, as a slug (lowercase, runs of other
 *   characters turned into one hyphen: job="Node Exporter" → node-exporter).
 */
import type { LabelMatcher, MappingRule } from "@/db/schema/integrations";
import { SEVERITIES, isSeverity, type Severity } from "@/lib/incidents/severity";
import type { IncomingAlert } from "./alertmanager-payload";

export type { LabelMatcher, MappingRule };

/** The `severity` label values Keel maps by default. */
export const DEFAULT_SEVERITY_LABELS: Readonly<Record<string, Severity>> = { critical: "SEV1", high: "SEV2", error: "SEV2", warning: "SEV3", info: "SEV4" };

const compiled = new Map<string, RegExp>();
function regexOf(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`, "u");
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Whether `source` compiles as a rule regex. */
export function isValidRegex(source: string): boolean {
  try {
    regexOf(source);
    return true;
  } catch {
    return false;
  }
}

export function matches(rule: Pick<MappingRule, "match">, labels: Record<string, string>): boolean {
  return Object.entries(rule.match).every(([name, m]) => {
    const value = labels[name] ?? "";
    return typeof m === "string" ? value === m : regexOf(m.regex).test(value);
  });
}

/** A label value as a service slug, or null when nothing usable is left. */
export function slugOf(value: string | undefined): string | null {
  if (!value) return null;
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : null;
}

export function severityFromLabel(value: string | undefined): Severity | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (DEFAULT_SEVERITY_LABELS[v]) return DEFAULT_SEVERITY_LABELS[v];
  const upper = v.toUpperCase();
  return isSeverity(upper) ? upper : null;
}

export type AlertMapping = { severity: Severity; service: string | null };

/** The severity and service of one alert under the rules. */
export function mapAlert(labels: Record<string, string>, rules: readonly MappingRule[], defaultSeverity: Severity): AlertMapping {
  let severity: Severity | undefined;
  let service: string | undefined;
  for (const rule of rules) {
    if ((severity && service) || !matches(rule, labels)) continue;
    severity ??= rule.severity;
    service ??= rule.service;
  }
  return {
    severity: severity ?? severityFromLabel(labels.severity) ?? defaultSeverity,
    service: service ?? slugOf(labels.service) ?? slugOf(labels.job),
  };
}

/** For a group: the most severe of its alerts, and every service they name (first seen first). */
export function mapGroup(alerts: readonly { labels: Record<string, string> }[], rules: readonly MappingRule[], defaultSeverity: Severity): { severity: Severity; services: string[] } {
  const mapped = alerts.map((a) => mapAlert(a.labels, rules, defaultSeverity));
  const level = Math.min(...mapped.map((m) => SEVERITIES.indexOf(m.severity)));
  return {
    severity: mapped.length ? SEVERITIES[level] : defaultSeverity,
    services: [...new Set(mapped.map((m) => m.service).filter((s): s is string => s !== null))],
  };
}

/** `alertname (k=v, …)` from the labels, leaving out alertname itself; the labels sorted by name. */
export function describeLabels(alertname: string, labels: Record<string, string>, max = 200): string {
  const rest = Object.entries(labels)
    .filter(([k]) => k !== "alertname")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  const text = rest.length ? `${alertname || "Alert"} (${rest.join(", ")})` : alertname || "Alert";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The incident's title: the group's `summary` annotation, else the first firing alert's, else
 * alertname and the labels the group's alerts share (all of the first alert's when none is common).
 */
export function titleOf(group: { commonLabels: Record<string, string>; commonAnnotations: Record<string, string> }, alerts: readonly IncomingAlert[]): string {
  const first = alerts.find((a) => a.status === "firing") ?? alerts[0];
  const summary = (group.commonAnnotations.summary ?? first?.annotations.summary ?? "").trim();
  if (summary) return summary.length > 200 ? `${summary.slice(0, 199)}…` : summary;
  const labels = Object.keys(group.commonLabels).length ? group.commonLabels : (first?.labels ?? {});
  return describeLabels(labels.alertname ?? first?.alertname ?? "", labels);
}
