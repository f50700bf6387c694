import type { SloDefinition } from "./definition";
import type { AlertingRule, RecordingRule, RuleFile, SloForRules } from "./rules";

/** SLOs and lookups shared by the rule generator's unit tests and its promtool/Prometheus tests. */
export const KEEL = "https://keel.example.com";

export function def(over: Partial<SloDefinition> & Pick<SloDefinition, "slug" | "service" | "sli">): SloDefinition {
  return { name: over.slug, description: "", target: 0.999, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, labels: {}, ...over };
}

// Two ratio SLOs over the same checkout traffic (bad form and good form), one with hostile text in
// every field a user controls: quotes and backslashes (PromQL escaping) and `{{` (Go templates).
export const CHECKOUT = 'http_requests_total{service="checkout"}';
export const A: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000a",
  definition: def({
    name: "Checkout availability",
    slug: "availability",
    service: "checkout",
    sli: { kind: "ratio", bad: 'http_requests_total{service="checkout",code=~"5.."}', total: CHECKOUT },
    labels: { team: "payments" },
  }),
};
export const WEIRD_SERVICE = 'we"ird\\{{ svc }}';
export const B: SloForRules = {
  id: 'weird-"id"\\2',
  definition: def({
    name: 'Orders {{ .Labels }} "EU"',
    slug: "orders-eu",
    service: WEIRD_SERVICE,
    sli: { kind: "ratio", good: 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[$window]))', total: CHECKOUT },
  }),
};
export const LATENCY: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000c",
  definition: def({
    name: "Search latency",
    slug: "latency",
    service: "search",
    target: 0.995,
    window: { kind: "calendar", unit: "quarter", timeZone: "Europe/Berlin" },
    sli: { kind: "latency", metric: "http_request_duration_seconds", selector: '{service="search"}', thresholdSeconds: 0.5 },
  }),
};
export const INCIDENTS: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000d",
  definition: def({ slug: "no-sev1", service: "checkout", sli: { kind: "incidents", minSeverity: 1 } }),
};
export const ALL = [LATENCY, INCIDENTS, B, A];

export const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"];
export const META = ["slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio"];
/** Recording (7 burn windows + period + 6 metadata) and alerting (page, ticket, no data) rules per SLO. */
export const RULES_PER_SLO = WINDOWS.length + 1 + META.length + 3;

export const group = (file: RuleFile, name: string) => {
  const g = file.groups.find((x) => x.name === name);
  if (!g) throw new Error(`no group ${name} in ${file.groups.map((x) => x.name).join(", ")}`);
  return g;
};
export const recording = (file: RuleFile, groupName: string, record: string) => group(file, groupName).rules.find((r): r is RecordingRule => "record" in r && r.record === record)!;
export const alerting = (file: RuleFile, groupName: string, alert: string) => group(file, groupName).rules.find((r): r is AlertingRule => "alert" in r && r.alert === alert)!;
