/**
 * Prometheus rule files for SLOs: recording rules and multiwindow, multi-burn-rate alerts. Pure.
 *
 * The recording rules use Sloth's names and labels (`slo:sli_error:ratio_rate<window>`, the
 * `slo:*` metadata series, `sloth_id` / `sloth_service` / `sloth_slo` / `sloth_window`), so Sloth's
 * Grafana dashboards work on them; Keel's own labels (`slo_id`, `slo_name`, `slo_service`) sit beside
 * them and every expression selects on `slo_id`, the one label that cannot clash.
 *
 * Two deliberate differences from Sloth:
 * - The period ratio (e.g. `ratio_rate30d`) is the event-weighted `errors / total` over the whole
 *   period, like every other window, not Sloth's average of 5-minute ratios (which over-weights quiet
 *   hours; see budget.ts). It costs a 30-day range query per evaluation.
 * - A ratio SLI whose bad (or good) query returns nothing counts as zero bad (or good) events where
 *   the total has traffic, because error counters usually appear only after the first error: without
 *   this a flawless service would have no SLI at all.
 *
 * Incident-based SLIs have no rules: Keel computes them from its own incident data.
 */
import { Document, isMap, type Node } from "yaml";
import { labelMatcher } from "@/lib/prometheus/escape";
import { BURN_ALERTS, BURN_WINDOWS, type BurnWindow } from "./burn-rate";
import { sliQueries, withWindow, type IncidentSli, type LatencySli, type RatioSli, type SloDefinition } from "./definition";
import { describeWindow, type SloWindow } from "./window";
import { SLI_HASH_LABEL, sliHash } from "./sli-hash";

export type PeriodRange = "7d" | "28d" | "30d" | "90d";
/** Every range Keel records an error ratio for: the burn-rate windows and the SLO periods. */
export type RecordedWindow = BurnWindow | PeriodRange;
export const RECORDED_WINDOWS: readonly RecordedWindow[] = [...BURN_WINDOWS, "7d", "28d", "30d", "90d"];

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  /** Omitted when the alert fires on the first evaluation that matches. */
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export type Rule = RecordingRule | AlertingRule;
export interface RuleGroup {
  name: string;
  rules: Rule[];
}
/** A Prometheus rule file (`groups:`), ready to serialize. */
export interface RuleFile {
  groups: RuleGroup[];
}

export type SloForRules = { id: string; definition: SloDefinition };

export interface RuleOptions {
  /** Keel's public base URL, for the runbook and dashboard links. */
  keelUrl: string;
  /** How long each alert's condition must hold before it fires; defaults in DEFAULT_FOR. */
  for?: Partial<Record<keyof typeof ALERT_NAMES, string>>;
}

export const ALERT_NAMES = {
  page: "KeelSLOErrorBudgetBurnPage",
  ticket: "KeelSLOErrorBudgetBurnTicket",
  noData: "KeelSLONoData",
} as const;

export const DEFAULT_FOR: Record<keyof typeof ALERT_NAMES, string> = { page: "2m", ticket: "15m", noData: "5m" };

/** The no-data alert fires when the 5-minute error ratio has not been recorded for this long. */
export const NO_DATA_RANGE = "30m";

export const ERROR_RATIO_RECORD = "slo:sli_error:ratio_rate";

/**
 * The range recorded as "the period". Calendar windows are recorded over their usual length (30d for
 * a month, 90d for a quarter): a range query cannot start at the first of the month, so the recorded
 * series is an approximation for dashboards and alerts; Keel's own status counts the exact period.
 */
export function periodRange(w: SloWindow): PeriodRange {
  if (w.kind === "rolling") return `${w.days}d`;
  return w.unit === "month" ? "30d" : "90d";
}

export function periodDays(w: SloWindow): number {
  return Number(periodRange(w).slice(0, -1));
}

/** The recorded error ratio of one SLO over one window, e.g. `slo:sli_error:ratio_rate30d{slo_id="…"}`. */
export function recordedSeriesQuery(id: string, window: RecordedWindow): string {
  if (!RECORDED_WINDOWS.includes(window)) throw new Error(`No error ratio is recorded over ${JSON.stringify(window)}.`);
  return `${ERROR_RATIO_RECORD}${window}{${labelMatcher("slo_id", id)}}`;
}

/** SLIs that get no rules: incident-based ones, computed from Keel's own data. */
export function sloIsSkipped(definition: SloDefinition): definition is SloDefinition & { sli: IncidentSli } {
  return definition.sli.kind === "incidents";
}

/**
 * The error ratio over one range. Ratio SLIs default a missing bad (or good) rate to zero wherever
 * the total has series (`or total * 0`); latency SLIs do not, because a missing bucket means the
 * threshold is not a bucket bound, which must show as no data rather than as perfect.
 */
export function errorRatioExpr(sli: RatioSli | LatencySli, range: string): string {
  if (sli.kind === "ratio") {
    const total = withWindow(sli.total, range);
    const zero = `(${total}) * 0`;
    if (sli.bad) return `((${withWindow(sli.bad, range)}) or (${zero}))\n/\n(${total})`;
    if (sli.good) return `((${total}) - ((${withWindow(sli.good, range)}) or (${zero})))\n/\n(${total})`;
  }
  const { errors, total } = sliQueries(sli, range);
  return `(${errors})\n/\n(${total})`;
}

// Prometheus durations as rule files take them (`for:`): units in descending order, or "0".
const FOR_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function forDuration(text: string, which: string): string | undefined {
  const t = text.trim();
  if (t === "" || !FOR_DURATION.test(t)) throw new Error(`Invalid "for" duration for the ${which} alert: ${JSON.stringify(text)}`);
  return /[1-9]/.test(t) ? t : undefined;
}

/**
 * Alert labels and annotations are Go templates in Prometheus: `{{` in a user's text would be run as
 * template code. Writing it as the template `{{ "{{" }}` prints it literally.
 */
export function templateLiteral(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

/**
 * A number as PromQL reads it and people like to see it: 6 × (1 − 0.999) → "0.006", not
 * "0.006000000000000005" (12 significant digits; the difference is floating-point noise).
 */
function num(v: number): string {
  return String(Number(v.toPrecision(12)));
}

function percent(ratio: number): string {
  return `${num(ratio * 100)}%`;
}

/** YAML comments are plain text here; a control character could start a line that is not a comment. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ");
}

const RESERVED_ALERT_LABELS = new Set(["alertname", "severity", "service", "slo_id", "slo_name", "slo_service", "sloth_id", "sloth_service", "sloth_slo", "sloth_window", "sloth_severity"]);

type Prepared = { slo: SloForRules & { definition: SloDefinition & { sli: RatioSli | LatencySli } }; base: string };

function sortKey(s: SloForRules): [string, string, string] {
  return [s.definition.service, s.definition.slug, s.id];
}

function compareSlos(a: SloForRules, b: SloForRules): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}

/** Sorted (service, slug, id); group base names made unique by appending the id on a clash. */
function prepare(slos: readonly SloForRules[]): { rules: Prepared[]; skipped: SloForRules[] } {
  const sorted = [...slos].sort(compareSlos);
  const ids = new Set<string>();
  for (const s of sorted) {
    if (ids.has(s.id)) throw new Error(`The SLO id ${JSON.stringify(s.id)} appears twice.`);
    ids.add(s.id);
  }
  const skipped = sorted.filter((s) => sloIsSkipped(s.definition));
  const kept = sorted.filter((s): s is Prepared["slo"] => !sloIsSkipped(s.definition));
  const count = new Map<string, number>();
  const baseOf = (s: SloForRules) => `keel-slo-${s.definition.service}-${s.definition.slug}`;
  for (const s of kept) count.set(baseOf(s), (count.get(baseOf(s)) ?? 0) + 1);
  return { rules: kept.map((slo) => ({ slo, base: count.get(baseOf(slo))! > 1 ? `${baseOf(slo)}-${slo.id}` : baseOf(slo) })), skipped };
}

function identity(id: string, d: SloDefinition): Record<string, string> {
  return {
    slo_id: id,
    slo_name: d.slug,
    slo_service: d.service,
    sloth_id: `${d.service}-${d.slug}`,
    sloth_service: d.service,
    sloth_slo: d.slug,
  };
}

function recordingRules({ slo }: Prepared): Rule[] {
  const { id, definition: d } = slo;
  if (!(d.target > 0 && d.target < 1)) throw new Error(`The target of SLO ${JSON.stringify(d.slug)} must be between 0 and 1, not ${d.target}.`);
  const labels = identity(id, d);
  const sel = `{${labelMatcher("slo_id", id)}}`;
  const period = periodRange(d.window);
  const windows: RecordedWindow[] = [...BURN_WINDOWS, period];
  const rules: Rule[] = windows.map((w) => ({
    record: `${ERROR_RATIO_RECORD}${w}`,
    expr: errorRatioExpr(d.sli, w),
    labels: { ...labels, sloth_window: w, [SLI_HASH_LABEL]: sliHash(d.sli) },
  }));
  const byBudget = ` / on(slo_id) group_left\nslo:error_budget:ratio${sel}`;
  rules.push(
    { record: "slo:objective:ratio", expr: `vector(${num(d.target)})`, labels: { ...labels } },
    { record: "slo:error_budget:ratio", expr: `vector(1 - ${num(d.target)})`, labels: { ...labels } },
    { record: "slo:time_period:days", expr: `vector(${periodDays(d.window)})`, labels: { ...labels } },
    { record: "slo:current_burn_rate:ratio", expr: `${ERROR_RATIO_RECORD}5m${sel}${byBudget}`, labels: { ...labels } },
    { record: "slo:period_burn_rate:ratio", expr: `${ERROR_RATIO_RECORD}${period}${sel}${byBudget}`, labels: { ...labels } },
    { record: "slo:period_error_budget_remaining:ratio", expr: `1 - slo:period_burn_rate:ratio${sel}`, labels: { ...labels } },
  );
  return rules;
}

function alertRules({ slo }: Prepared, opts: RuleOptions): AlertingRule[] {
  const { id, definition: d } = slo;
  const sel = `{${labelMatcher("slo_id", id)}}`;
  const link = `${opts.keelUrl.replace(/\/+$/, "")}/slos/${encodeURIComponent(id)}`;
  const budget = 1 - d.target;
  const days = periodDays(d.window);
  const extra: Record<string, string> = {};
  for (const k of Object.keys(d.labels ?? {}).sort()) {
    if (LABEL_NAME.test(k) && !k.startsWith("__") && !RESERVED_ALERT_LABELS.has(k)) extra[k] = templateLiteral(d.labels[k]);
  }
  const name = templateLiteral(d.name);
  const service = templateLiteral(d.service);
  const what = `"${name}" of ${service} (target ${percent(d.target)}, ${templateLiteral(describeWindow(d.window))})`;
  const alertLabels = (severity: string) => ({ severity, slo_id: templateLiteral(id), slo_name: templateLiteral(d.slug), service, ...extra });
  // Sloth's dashboards show its page and ticket alerts by `sloth_severity`.
  const burnLabels = (severity: "page" | "ticket") => ({ ...alertLabels(severity), sloth_severity: severity });
  const annotations = (summary: string, description: string) => ({ summary, description, runbook_url: link, dashboard: link });

  const burnAlert = (severity: "page" | "ticket"): AlertingRule => {
    const pairs = BURN_ALERTS.filter((a) => a.severity === severity);
    const above = (w: BurnWindow, factor: number) => `max without (sloth_window, ${SLI_HASH_LABEL}) (${ERROR_RATIO_RECORD}${w}${sel} > ${num(factor * budget)})`;
    const expr = pairs.map((p) => `(\n  ${above(p.long, p.factor)}\nand\n  ${above(p.short, p.factor)}\n)`).join("\nor\n");
    const spend = pairs
      .map((p) => `${p.factor}× over ${p.long} (and still over ${p.short}) spends ${num((p.factor * (ms(p.long) / 86_400_000) * 100) / days)}% of the ${days}-day budget`)
      .join("; ");
    const f = forDuration(opts.for?.[severity] ?? DEFAULT_FOR[severity], severity);
    return {
      alert: ALERT_NAMES[severity],
      expr,
      ...(f ? { for: f } : {}),
      labels: burnLabels(severity),
      annotations: annotations(
        `SLO ${what} is burning its error budget ${severity === "page" ? "fast" : "steadily"}`,
        `The error ratio is {{ $value | humanizePercentage }} over the long window, against an error budget of ${percent(budget)}. ` +
          `${spend}.`,
      ),
    };
  };

  const fNoData = forDuration(opts.for?.noData ?? DEFAULT_FOR.noData, "noData");
  const noData: AlertingRule = {
    alert: ALERT_NAMES.noData,
    expr: `absent_over_time(${ERROR_RATIO_RECORD}5m${sel}[${NO_DATA_RANGE}])`,
    ...(fNoData ? { for: fNoData } : {}),
    labels: alertLabels("ticket"),
    annotations: annotations(
      `SLO ${what} has no data`,
      `No 5-minute error ratio has been recorded for ${NO_DATA_RANGE}: the SLI's metrics are missing or its queries fail, so its burn-rate alerts cannot fire. (No traffic at all still counts as data.)`,
    ),
  };
  return [burnAlert("page"), burnAlert("ticket"), noData];
}

function ms(w: BurnWindow): number {
  const n = Number(w.slice(0, -1));
  return n * { m: 60_000, h: 3_600_000, d: 86_400_000 }[w.slice(-1) as "m" | "h" | "d"];
}

/**
 * One group per SLO, in a stable order (service, slug, id): `keel-slo-<service>-<slug>` holds the
 * error ratios over 5m … 3d and the period, the metadata series, then the page and ticket burn-rate
 * alerts and the no-data alert. Prometheus evaluates a group's rules in order, so each alert reads
 * the ratios recorded in the same evaluation; in separate groups it could read them one interval
 * late. Incident-based SLOs are left out.
 */
export function sloRuleGroups(slos: readonly SloForRules[], opts: RuleOptions): RuleFile {
  const { rules } = prepare(slos);
  return { groups: rules.map((p) => ({ name: p.base, rules: [...recordingRules(p), ...alertRules(p, opts)] })) };
}

/** The rule file as YAML, with comments saying where it comes from and what was left out. */
export function ruleFileYaml(slos: readonly SloForRules[], opts: RuleOptions): string {
  const file = sloRuleGroups(slos, opts);
  const { rules, skipped } = prepare(slos);
  const doc = new Document(file, { aliasDuplicateObjects: false });
  const header = [
    " Prometheus rules for Keel's SLOs, generated by Keel; regenerate rather than edit.",
    " Recording rules use Sloth's names and labels (slo:sli_error:ratio_rate<window>, sloth_id,",
    " sloth_service, sloth_slo); alerts are the SRE workbook's multiwindow, multi-burn-rate pairs.",
  ];
  if (skipped.length) {
    header.push(" Skipped (incident-based SLIs are computed from Keel's own incident data):");
    for (const s of skipped) header.push(commentText(`   ${s.definition.service}/${s.definition.slug} (${s.id})`));
  }
  doc.commentBefore = header.join("\n");

  rules.forEach((p, i) => {
    const w = p.slo.definition.window;
    if (w.kind !== "calendar") return;
    const periodRule = doc.getIn(["groups", i * 2, "rules", BURN_WINDOWS.length], true) as Node | undefined;
    if (periodRule && isMap(periodRule)) {
      periodRule.commentBefore = commentText(
        ` Calendar ${w.unit} (${w.timeZone}): recorded over ${periodRange(w)}, the usual length of a ${w.unit}; Keel's status counts the exact ${w.unit}.`,
      );
    }
  });
  return doc.toString({ lineWidth: 0 });
}
