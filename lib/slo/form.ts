/**
 * The SLO form: its FormData ↔ the API input (`sloInputSchema`), and the queries its live preview
 * runs. Pure. Targets are typed in percent ("99.9") and stored as ratios (0.999); every string is
 * coerced explicitly, and anything that cannot be coerced becomes a field error, never a crash.
 */
import { slugify } from "@/lib/slug";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { labelsToText, parseLabelsText } from "@/lib/services/schemas";
import { sliQueries, withWindow, type LatencySli, type RatioSli, type SloDefinition } from "./definition";
import { sloInputSchema, type SloInput } from "./schemas";

/** The form's controls, by name. Every value is the text of the control. */
export type SloFormValues = {
  service: string;
  name: string;
  slug: string;
  description: string;
  owner: string;
  /** "" = the default data source. */
  datasourceId: string;
  sliKind: "ratio" | "latency" | (string & {});
  /** Whether `eventsQuery` counts bad or good events. */
  ratioMode: "bad" | "good" | (string & {});
  eventsQuery: string;
  totalQuery: string;
  metric: string;
  selector: string;
  thresholdSeconds: string;
  /** Incident-based SLIs: the lowest severity that counts, "1"…"4". */
  minSeverity: string;
  /** Percent, e.g. "99.9". */
  target: string;
  slaTarget: string;
  /** Percent each, optional: SLI levels drawn on the charts. */
  warningLevel: string;
  criticalLevel: string;
  pageLevel: string;
  windowKind: "rolling" | "calendar" | (string & {});
  windowDays: string;
  calendarUnit: "month" | "quarter" | (string & {});
  /** "" = the browser's zone (sent in the hidden `browserTimeZone` field). */
  timeZone: string;
  budgeting: "occurrences" | "timeslices" | (string & {});
  sliceMinutes: string;
  sliceTarget: string;
  reviewEveryDays: string;
  labels: string;
};

export const SLO_FORM_DEFAULTS: SloFormValues = {
  service: "",
  name: "",
  slug: "",
  description: "",
  owner: "",
  datasourceId: "",
  sliKind: "ratio",
  ratioMode: "bad",
  eventsQuery: "",
  totalQuery: "",
  metric: "",
  selector: "",
  thresholdSeconds: "",
  minSeverity: "2",
  target: "99.9",
  slaTarget: "",
  warningLevel: "",
  criticalLevel: "",
  pageLevel: "",
  windowKind: "rolling",
  windowDays: "30",
  calendarUnit: "month",
  timeZone: "",
  budgeting: "occurrences",
  sliceMinutes: "5",
  sliceTarget: "99",
  reviewEveryDays: "90",
  labels: "",
};

export const WINDOW_HINT = 'Use [$window] where the range goes, or give a plain counter selector such as http_requests_total{service="checkout-api",code=~"5.."}.';

type FormLike = FormData | Record<string, string | undefined>;

function reader(form: FormLike) {
  return (k: string): string => {
    const v = form instanceof FormData ? form.get(k) : form[k];
    return typeof v === "string" ? v : "";
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** "99.9", "99,9" or "99.9 %" → 99.9; "" → null; anything else → NaN. */
function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (t === "") return null;
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** A percentage in (0, 100) as a ratio in (0, 1): "99.9" → 0.999 (no float noise such as 0.9990000000000001). */
export function percentToRatio(text: string, what: string): { ratio: number } | { error: string } | null {
  const p = parseNumber(text);
  if (p === null) return null;
  if (Number.isNaN(p)) return { error: `Enter the ${what} as a percentage, e.g. 99.9.` };
  if (p <= 0 || p >= 100) return { error: `The ${what} must be between 0 and 100 %, e.g. 99.9.` };
  const decimals = text.trim().replace(/\s*%$/, "").replace(",", ".").split(".")[1]?.length ?? 0;
  if (decimals > 6) return { error: `Use at most 6 decimal places for the ${what}.` };
  return { ratio: Number((p / 100).toFixed(8)) };
}

/** 0.999 → "99.9". */
export function ratioToPercent(ratio: number): string {
  return String(Number((ratio * 100).toFixed(6)));
}

/** "Checkout availability" → "checkout-availability": what the slug field suggests until edited. */
export const suggestSlug = slugify;

/**
 * The form's FormData as the object `sloInputSchema` takes, plus the errors found while coercing
 * (a percentage that is not one, a query without `$window`, …). A field with a coercion error is
 * left out of the input, so the schema reports nothing more for it.
 */
export function sloFormToInput(form: FormLike): { input: Record<string, unknown>; fieldErrors: FieldErrors } {
  const str = reader(form);
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const percent = (field: string, what: string, required: boolean): number | null | undefined => {
    const r = percentToRatio(str(field), what);
    if (r === null) {
      if (required) fail(field, `Enter the ${what} in percent, e.g. 99.9.`);
      return required ? undefined : null;
    }
    if ("error" in r) return void fail(field, r.error);
    return r.ratio;
  };

  let sli: Record<string, unknown>;
  if (str("sliKind") === "latency") {
    const t = parseNumber(str("thresholdSeconds"));
    if (t === null || Number.isNaN(t)) fail("thresholdSeconds", "Enter the threshold in seconds, e.g. 0.3.");
    sli = { kind: "latency", metric: str("metric"), selector: str("selector"), thresholdSeconds: t === null || Number.isNaN(t) ? undefined : t };
  } else if (str("sliKind") === "ratio") {
    const mode = str("ratioMode") === "good" ? "good" : "bad";
    const events = str("eventsQuery").trim();
    const total = str("totalQuery").trim();
    if (!events) fail("eventsQuery", `Enter the ${mode} events query.`);
    for (const [field, q] of [["eventsQuery", events], ["totalQuery", total]] as const) {
      if (!q) continue;
      try {
        withWindow(q, "5m");
      } catch {
        fail(field, WINDOW_HINT);
      }
    }
    sli = { kind: "ratio", [mode]: events, total };
  } else if (str("sliKind") === "incidents") {
    sli = { kind: "incidents", minSeverity: parseNumber(str("minSeverity")) ?? undefined };
  } else {
    sli = { kind: str("sliKind") };
  }

  const window =
    str("windowKind") === "calendar"
      ? { kind: "calendar", unit: str("calendarUnit"), timeZone: str("timeZone").trim() || str("browserTimeZone").trim() || "UTC" }
      : { kind: str("windowKind") || "rolling", days: parseNumber(str("windowDays")) ?? undefined };

  let budgeting: Record<string, unknown> = { method: str("budgeting") || "occurrences" };
  if (budgeting.method === "timeslices") {
    budgeting = { ...budgeting, sliceMinutes: parseNumber(str("sliceMinutes")) ?? undefined, sliceTarget: percent("sliceTarget", "slice target", true) };
  }

  const review = parseNumber(str("reviewEveryDays"));
  if (review !== null && !Number.isInteger(review)) fail("reviewEveryDays", "Enter a whole number of days, e.g. 90.");

  const labels = parseLabelsText(str("labels"));
  if ("error" in labels) fail("labels", labels.error);

  const input: Record<string, unknown> = {
    service: str("service"),
    name: str("name"),
    slug: str("slug"),
    description: str("description"),
    owner: str("owner"),
    datasourceId: str("datasourceId").trim() || null,
    sli,
    target: percent("target", "target", true),
    slaTarget: percent("slaTarget", "SLA target", false),
    alertLevels: alertLevelsOf(percent("warningLevel", "warning level", false), percent("criticalLevel", "critical level", false), percent("pageLevel", "page level", false)),
    window,
    budgeting,
    reviewEveryDays: review === null || Number.isNaN(review) ? undefined : review,
    labels: "labels" in labels ? labels.labels : {},
  };
  return { input, fieldErrors: errors };
}

const FIELD_OF_PATH: Record<string, keyof SloFormValues> = {
  sli: "sliKind",
  "sli.kind": "sliKind",
  "sli.good": "eventsQuery",
  "sli.bad": "eventsQuery",
  "sli.total": "totalQuery",
  "sli.metric": "metric",
  "sli.selector": "selector",
  "sli.thresholdSeconds": "thresholdSeconds",
  "sli.minSeverity": "minSeverity",
  window: "windowKind",
  "window.kind": "windowKind",
  "window.days": "windowDays",
  "window.unit": "calendarUnit",
  "window.timeZone": "timeZone",
  budgeting: "budgeting",
  "budgeting.method": "budgeting",
  "budgeting.sliceMinutes": "sliceMinutes",
  "budgeting.sliceTarget": "sliceTarget",
  alertLevels: "warningLevel",
  "alertLevels.warning": "warningLevel",
  "alertLevels.critical": "criticalLevel",
  "alertLevels.page": "pageLevel",
};

/** The three optional levels, or null when none is set (a coercion error leaves its level out). */
function alertLevelsOf(warning: number | null | undefined, critical: number | null | undefined, page: number | null | undefined) {
  const levels = { ...(warning != null && { warning }), ...(critical != null && { critical }), ...(page != null && { page }) };
  return Object.keys(levels).length ? levels : null;
}

/** An input path as the API reports it ("sli.total", "window.days", "labels.env") → the form field. */
export function sloFieldName(path: string): string {
  if (FIELD_OF_PATH[path]) return FIELD_OF_PATH[path];
  if (path === "labels" || path.startsWith("labels.")) return "labels";
  return path.split(".")[0] || "_";
}

/** Field errors keyed by input paths (from the API or the domain functions) → keyed by form field. */
export function toFormFieldErrors(fields: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const list = (out[sloFieldName(path)] ??= []);
    for (const m of messages) if (!list.includes(m)) list.push(m);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // A bad label key reports "Invalid key in record"; the key's own rule says what is wrong.
  if (issue.code === "invalid_key" && issue.issues[0]) return `Label "${String(issue.path.at(-1))}": ${issue.issues[0].message}`;
  if (issue.path[0] === "labels" && issue.path.length > 1) return `Label "${String(issue.path[1])}": ${issue.message}`;
  return issue.message;
}

export type SloFormResult = { ok: true; input: SloInput } | { ok: false; fieldErrors: FieldErrors };

/** The whole form → a valid SloInput, or errors keyed by the form's field names. */
export function parseSloForm(form: FormLike): SloFormResult {
  const { input, fieldErrors } = sloFormToInput(form);
  const parsed = sloInputSchema.safeParse(input);
  if (parsed.success && Object.keys(fieldErrors).length === 0) return { ok: true, input: parsed.data };
  const out: FieldErrors = { ...fieldErrors };
  if (!parsed.success) {
    const fromSchema: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = sloFieldName(issue.path.map(String).join("."));
      if (fieldErrors[field]) continue; // the coercion message says it better
      const list = (fromSchema[field] ??= []);
      const m = issueMessage(issue);
      if (!list.includes(m)) list.push(m);
    }
    Object.assign(out, fromSchema);
  }
  return { ok: false, fieldErrors: out };
}

/** A stored SLO → the form's initial values. */
export function sloToFormValues(slo: SloDefinition & { owner: string; datasourceId: string | null; reviewEveryDays: number }): SloFormValues {
  const v: SloFormValues = {
    ...SLO_FORM_DEFAULTS,
    service: slo.service,
    name: slo.name,
    slug: slo.slug,
    description: slo.description,
    owner: slo.owner,
    datasourceId: slo.datasourceId ?? "",
    target: ratioToPercent(slo.target),
    slaTarget: slo.slaTarget == null ? "" : ratioToPercent(slo.slaTarget),
    warningLevel: slo.alertLevels?.warning == null ? "" : ratioToPercent(slo.alertLevels.warning),
    criticalLevel: slo.alertLevels?.critical == null ? "" : ratioToPercent(slo.alertLevels.critical),
    pageLevel: slo.alertLevels?.page == null ? "" : ratioToPercent(slo.alertLevels.page),
    reviewEveryDays: String(slo.reviewEveryDays),
    labels: labelsToText(slo.labels),
  };
  const sli = slo.sli;
  if (sli.kind === "ratio") Object.assign(v, { sliKind: "ratio", ratioMode: sli.bad ? "bad" : "good", eventsQuery: sli.bad ?? sli.good ?? "", totalQuery: sli.total });
  else if (sli.kind === "latency") Object.assign(v, { sliKind: "latency", metric: sli.metric, selector: sli.selector, thresholdSeconds: String(sli.thresholdSeconds) });
  else Object.assign(v, { sliKind: "incidents", minSeverity: String(sli.minSeverity) });
  const w = slo.window;
  if (w.kind === "rolling") Object.assign(v, { windowKind: "rolling", windowDays: String(w.days) });
  else Object.assign(v, { windowKind: "calendar", calendarUnit: w.unit, timeZone: w.timeZone });
  const b = slo.budgeting;
  if (b.method === "timeslices") Object.assign(v, { budgeting: "timeslices", sliceMinutes: String(b.sliceMinutes), sliceTarget: ratioToPercent(b.sliceTarget) });
  return v;
}

// ——— The live preview ———

/** An instant query the preview runs to check that a part of the SLI is exactly one series. */
export type SeriesCheck = {
  label: string;
  query: string;
  /** Said after "returns no data:" instead of "check the metric and labels.". */
  emptyHint?: string;
  /** Built from the other checks' queries: only worth reporting when those are fine. */
  derived?: boolean;
};

export type SliPreview =
  | { kind: "incomplete"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "ok"; sli: RatioSli | LatencySli; query: string; checks: SeriesCheck[] };

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * What the preview charts, from the SLI fields as typed: the SLI over 5 m windows,
 * `1 - ((errors) / (total))`, and the instant checks that each part is exactly one series.
 */
export function sliPreview(v: Pick<SloFormValues, "sliKind" | "ratioMode" | "eventsQuery" | "totalQuery" | "metric" | "selector" | "thresholdSeconds">): SliPreview {
  let sli: RatioSli | LatencySli;
  if (v.sliKind === "latency") {
    const metric = v.metric.trim();
    const t = parseNumber(v.thresholdSeconds);
    if (!metric || t === null) return { kind: "incomplete", message: "Enter the metric and the threshold to see a preview." };
    if (!METRIC.test(metric)) return { kind: "invalid", message: "The metric is the histogram's base name, e.g. http_request_duration_seconds." };
    if (Number.isNaN(t) || t <= 0) return { kind: "invalid", message: "The threshold is a positive number of seconds." };
    sli = { kind: "latency", metric, selector: v.selector.trim(), thresholdSeconds: t };
  } else {
    const mode = v.ratioMode === "good" ? "good" : "bad";
    const events = v.eventsQuery.trim();
    const total = v.totalQuery.trim();
    if (!events || !total) return { kind: "incomplete", message: `Enter the ${mode} events and total queries to see a preview.` };
    sli = { kind: "ratio", [mode]: events, total };
  }
  let q: { errors: string; total: string };
  try {
    q = sliQueries(sli, "5m");
  } catch (err) {
    return { kind: "invalid", message: err instanceof Error ? err.message : String(err) };
  }
  let checks: SeriesCheck[];
  if (sli.kind === "latency") {
    checks = [
      { label: "total (request count)", query: q.total },
      { label: "slow requests", query: q.errors, derived: true, emptyHint: `is ${sli.thresholdSeconds} one of the histogram's bucket bounds (le)?` },
    ];
  } else if (sli.bad) {
    checks = [
      { label: "bad events", query: q.errors },
      { label: "total", query: q.total },
    ];
  } else {
    checks = [
      { label: "good events", query: withWindow(sli.good ?? "", "5m") },
      { label: "total", query: q.total },
      { label: "total − good", query: q.errors, derived: true, emptyHint: "aggregate both queries the same way, e.g. sum(...), so they can be subtracted." },
    ];
  }
  return { kind: "ok", sli, query: `1 - ((${q.errors}) / (${q.total}))`, checks };
}

/** Why a check's series count is wrong (null when it is exactly one). */
export function seriesProblem(check: SeriesCheck, count: number): string | null {
  if (count === 1) return null;
  if (count > 1) return `The ${check.label} query returns ${count} series; aggregate it to one, e.g. sum(...).`;
  return `The ${check.label} query returns no data: ${check.emptyHint ?? "check the metric and labels."}`;
}
