import { describe, expect, it } from "vitest";
import {
  SLO_FORM_DEFAULTS,
  WINDOW_HINT,
  parseSloForm,
  percentToRatio,
  ratioToPercent,
  seriesProblem,
  sliPreview,
  sloFieldName,
  sloFormToInput,
  sloToFormValues,
  suggestSlug,
  toFormFieldErrors,
  type SloFormValues,
} from "./form";

const BAD = 'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[$window]))';
const TOTAL = 'sum(rate(http_requests_total{service="checkout-api"}[$window]))';
const DS = "0b6f2a0e-8c1d-4c5e-9f3a-2b7d6e1c4a90";

function values(over: Partial<SloFormValues> & Record<string, string> = {}): Record<string, string> {
  return { ...SLO_FORM_DEFAULTS, service: "checkout-api", name: "Checkout availability", slug: "checkout-availability", eventsQuery: BAD, totalQuery: TOTAL, ...over };
}

function toFormData(v: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, x] of Object.entries(v)) f.set(k, x);
  return f;
}

function errorsOf(v: Record<string, string>) {
  const r = parseSloForm(v);
  if (r.ok) throw new Error("expected errors");
  return r.fieldErrors;
}

describe("percent ↔ ratio", () => {
  it("converts percent to a ratio without float noise", () => {
    // 99.9 / 100 is 0.9990000000000001 in floating point; the form must store 0.999.
    expect(99.9 / 100).not.toBe(0.999);
    expect(percentToRatio("99.9", "target")).toEqual({ ratio: 0.999 });
    expect(percentToRatio("99.95", "target")).toEqual({ ratio: 0.9995 });
    expect(percentToRatio(" 99,5 % ", "target")).toEqual({ ratio: 0.995 });
    expect(percentToRatio("99.999999", "target")).toEqual({ ratio: 0.99999999 });
    expect(percentToRatio("0.1", "target")).toEqual({ ratio: 0.001 });
    expect(percentToRatio("", "target")).toBeNull();
  });

  it("gives a clear error outside (0, 100) or for non-numbers", () => {
    for (const bad of ["100", "0", "-1", "150", "100.0"]) expect(percentToRatio(bad, "target")).toEqual({ error: "The target must be between 0 and 100 %, e.g. 99.9." });
    for (const bad of ["abc", "99.9.9", "1e2", "NaN", "Infinity"]) expect(percentToRatio(bad, "target")).toEqual({ error: "Enter the target as a percentage, e.g. 99.9." });
    expect(percentToRatio("99.9999999", "target")).toEqual({ error: "Use at most 6 decimal places for the target." });
  });

  it("round-trips every percentage with up to 3 decimals", () => {
    for (let i = 1; i < 100_000; i += 7) {
      const p = String(i / 1000);
      const r = percentToRatio(p, "target");
      if (!r || "error" in r) throw new Error(p);
      // Independently: the ratio is the decimal string shifted by two places.
      expect(r.ratio).toBe(Number((i / 100_000).toPrecision(12)));
      expect(ratioToPercent(r.ratio)).toBe(p);
    }
  });
});

describe("suggestSlug", () => {
  it("makes a valid slug from a name", () => {
    expect(suggestSlug("Checkout availability")).toBe("checkout-availability");
    expect(suggestSlug("  API — p99 latency < 300ms! ")).toBe("api-p99-latency-300ms");
    expect(suggestSlug("Café Zürich")).toBe("cafe-zurich");
    expect(suggestSlug("x".repeat(70) + " y")).toHaveLength(63);
    expect(suggestSlug("a".repeat(62) + " b")).toBe("a".repeat(62));
  });
});

describe("parseSloForm", () => {
  it("turns a ratio SLO form into the API input", () => {
    const r = parseSloForm(toFormData(values({ description: " Orders ", owner: "payments", labels: "env=prod\n tier = 1 ", datasourceId: DS })));
    expect(r).toEqual({
      ok: true,
      input: {
        service: "checkout-api",
        name: "Checkout availability",
        slug: "checkout-availability",
        description: "Orders",
        owner: "payments",
        datasourceId: DS,
        sli: { kind: "ratio", bad: BAD, total: TOTAL },
        target: 0.999,
        slaTarget: null,
        alertLevels: null,
        window: { kind: "rolling", days: 30 },
        budgeting: { method: "occurrences" },
        reviewEveryDays: 90,
        labels: { env: "prod", tier: "1" },
      },
    });
  });

  it("uses good events, calendar windows, timeslices and an SLA target", () => {
    const r = parseSloForm(
      values({
        ratioMode: "good",
        eventsQuery: 'http_requests_total{code!~"5.."}',
        totalQuery: "http_requests_total",
        slaTarget: "99.5",
        windowKind: "calendar",
        calendarUnit: "quarter",
        timeZone: "Europe/Berlin",
        budgeting: "timeslices",
        sliceMinutes: "1",
        sliceTarget: "95",
        reviewEveryDays: "30",
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    expect(r.input.sli).toEqual({ kind: "ratio", good: 'http_requests_total{code!~"5.."}', total: "http_requests_total" });
    expect(r.input.slaTarget).toBe(0.995);
    expect(r.input.window).toEqual({ kind: "calendar", unit: "quarter", timeZone: "Europe/Berlin" });
    expect(r.input.budgeting).toEqual({ method: "timeslices", sliceMinutes: 1, sliceTarget: 0.95 });
    expect(r.input.reviewEveryDays).toBe(30);
    expect(r.input.datasourceId).toBeNull();
  });

  it("falls back to the browser's time zone, then UTC", () => {
    const cal = { windowKind: "calendar", calendarUnit: "month", timeZone: "" };
    const a = parseSloForm(values({ ...cal, browserTimeZone: "America/New_York" }));
    const b = parseSloForm(values(cal));
    expect(a.ok && a.input.window).toEqual({ kind: "calendar", unit: "month", timeZone: "America/New_York" });
    expect(b.ok && b.input.window).toEqual({ kind: "calendar", unit: "month", timeZone: "UTC" });
  });

  it("turns a latency SLO form into the API input", () => {
    const r = parseSloForm(values({ sliKind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api"}', thresholdSeconds: "0.3" }));
    expect(r.ok && r.input.sli).toEqual({ kind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api"}', thresholdSeconds: 0.3 });
  });

  it("reports field errors by form field name, one clear message each", () => {
    const e = errorsOf(
      values({ target: "100", slaTarget: "abc", eventsQuery: "", totalQuery: "", windowDays: "14", reviewEveryDays: "1.5", labels: "oops", slug: "Bad Slug", service: "" }),
    );
    expect(e).toEqual({
      target: ["The target must be between 0 and 100 %, e.g. 99.9."],
      slaTarget: ["Enter the SLA target as a percentage, e.g. 99.9."],
      eventsQuery: ["Enter the bad events query."],
      totalQuery: ["Enter the total query."],
      windowDays: ["Rolling windows are 7, 28, 30 or 90 days."],
      reviewEveryDays: ["Enter a whole number of days, e.g. 90."],
      labels: ["Line 1: write labels as key=value."],
      slug: ["Use lowercase letters, digits and single hyphens (e.g. checkout-api)."],
      service: ["Choose a service."],
    });
  });

  it("requires a target and refuses an SLA target above it", () => {
    expect(errorsOf(values({ target: "" })).target).toEqual(["Enter the target in percent, e.g. 99.9."]);
    expect(errorsOf(values({ target: "99", slaTarget: "99.9" })).slaTarget).toEqual(["The SLA target must be at or below the SLO target (more lenient)."]);
    expect(errorsOf(values({ warningLevel: "99.5", pageLevel: "99.9" })).warningLevel).toEqual(["Alert levels go down from warning to critical to page, e.g. 99.95, 99.9, 99.5."]);
    expect(errorsOf(values({ criticalLevel: "100" })).criticalLevel).toEqual(["The critical level must be between 0 and 100 %, e.g. 99.9."]);
  });

  it("refuses queries that have no $window and are not a plain selector", () => {
    const e = errorsOf(values({ eventsQuery: 'sum(rate(x_total{code="500"}[5m]))', totalQuery: "sum(x_total)" }));
    expect(e).toEqual({ eventsQuery: [WINDOW_HINT], totalQuery: [WINDOW_HINT] });
  });

  it("maps latency, calendar and timeslice errors to their fields", () => {
    const e = errorsOf(
      values({
        sliKind: "latency",
        metric: "bad metric",
        selector: "service=x",
        thresholdSeconds: "fast",
        windowKind: "calendar",
        calendarUnit: "week",
        timeZone: "Mars/Olympus",
        budgeting: "timeslices",
        sliceMinutes: "3",
        sliceTarget: "0",
      }),
    );
    expect(Object.keys(e).sort()).toEqual(["calendarUnit", "metric", "selector", "sliceMinutes", "sliceTarget", "thresholdSeconds", "timeZone"]);
    expect(e.thresholdSeconds).toEqual(["Enter the threshold in seconds, e.g. 0.3."]);
    expect(e.sliceTarget).toEqual(["The slice target must be between 0 and 100 %, e.g. 99.9."]);
    expect(e.timeZone).toEqual(["Unknown time zone."]);
    expect(e.sliceMinutes).toEqual(["Slices are 1 or 5 minutes."]);
  });

  it("names the bad label key", () => {
    expect(errorsOf(values({ labels: "1env=prod" })).labels?.[0]).toMatch(/^Label "1env": Label keys start with a letter/);
  });

  it("leaves a field that could not be coerced out of the input", () => {
    const { input, fieldErrors } = sloFormToInput(values({ target: "101", thresholdSeconds: "x", sliKind: "latency" }));
    expect(input.target).toBeUndefined();
    expect(input.sli).toMatchObject({ kind: "latency", thresholdSeconds: undefined });
    expect(Object.keys(fieldErrors).sort()).toEqual(["target", "thresholdSeconds"]);
  });

  it("never throws on arbitrary input", () => {
    const junk = ["", " ", "NaN", "-0", "1e309", "%", "{", "$window", "\u0000", "99.9.9", "７"];
    for (const j of junk) {
      const form = Object.fromEntries(Object.keys(SLO_FORM_DEFAULTS).map((k) => [k, j]));
      expect(() => parseSloForm(form)).not.toThrow();
      expect(parseSloForm(form).ok).toBe(false);
    }
  });
});

describe("field names", () => {
  it("maps API paths to form fields", () => {
    expect(sloFieldName("sli.total")).toBe("totalQuery");
    expect(sloFieldName("sli.bad")).toBe("eventsQuery");
    expect(sloFieldName("sli.good")).toBe("eventsQuery");
    expect(sloFieldName("window.days")).toBe("windowDays");
    expect(sloFieldName("window.timeZone")).toBe("timeZone");
    expect(sloFieldName("budgeting.sliceTarget")).toBe("sliceTarget");
    expect(sloFieldName("labels.env")).toBe("labels");
    expect(sloFieldName("target")).toBe("target");
    expect(sloFieldName("slug")).toBe("slug");
    expect(toFormFieldErrors({ "sli.good": ["a"], "sli.bad": ["a", "b"], service: ["c"] })).toEqual({ eventsQuery: ["a", "b"], service: ["c"] });
  });
});

describe("sloToFormValues", () => {
  const base = {
    name: "Checkout latency",
    slug: "checkout-latency",
    description: "",
    service: "checkout-api",
    owner: "",
    datasourceId: null,
    reviewEveryDays: 90,
    labels: { env: "prod" },
    target: 0.999,
    window: { kind: "rolling" as const, days: 28 as const },
    budgeting: { method: "occurrences" as const },
  };

  it("round-trips through the form", () => {
    const slos = [
      { ...base, sli: { kind: "ratio" as const, bad: BAD, total: TOTAL } },
      { ...base, slaTarget: 0.995, alertLevels: { warning: 0.9995, critical: 0.999, page: 0.995 }, datasourceId: DS, sli: { kind: "ratio" as const, good: "g_total", total: "t_total" } },
      {
        ...base,
        sli: { kind: "latency" as const, metric: "http_request_duration_seconds", selector: '{service="a"}', thresholdSeconds: 0.25 },
        window: { kind: "calendar" as const, unit: "month" as const, timeZone: "Asia/Kolkata" },
        budgeting: { method: "timeslices" as const, sliceMinutes: 5 as const, sliceTarget: 0.9 },
      },
    ];
    for (const slo of slos) {
      const v = sloToFormValues(slo);
      const r = parseSloForm(v);
      if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
      expect(r.input).toEqual({
        service: slo.service,
        name: slo.name,
        slug: slo.slug,
        description: slo.description,
        owner: slo.owner,
        datasourceId: slo.datasourceId,
        sli: slo.sli,
        target: slo.target,
        slaTarget: "slaTarget" in slo ? slo.slaTarget : null,
        alertLevels: "alertLevels" in slo ? slo.alertLevels : null,
        window: slo.window,
        budgeting: slo.budgeting,
        reviewEveryDays: slo.reviewEveryDays,
        labels: slo.labels,
      });
    }
  });

  it("shows targets in percent", () => {
    const v = sloToFormValues({ ...base, target: 0.9995, slaTarget: 0.99, sli: { kind: "ratio", bad: BAD, total: TOTAL } });
    expect([v.target, v.slaTarget, v.windowDays, v.labels, v.ratioMode]).toEqual(["99.95", "99", "28", "env=prod", "bad"]);
  });
});

describe("sliPreview", () => {
  const sli = { ...SLO_FORM_DEFAULTS };

  it("waits for both queries", () => {
    expect(sliPreview({ ...sli, eventsQuery: BAD }).kind).toBe("incomplete");
    expect(sliPreview({ ...sli, sliKind: "latency", metric: "h" }).kind).toBe("incomplete");
  });

  it("builds 1 - errors/total over 5 m and the checks", () => {
    const p = sliPreview({ ...sli, eventsQuery: BAD, totalQuery: "http_requests_total" });
    expect(p).toEqual({
      kind: "ok",
      sli: { kind: "ratio", bad: BAD, total: "http_requests_total" },
      query: '1 - ((sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[5m]))) / (sum(rate(http_requests_total[5m]))))',
      checks: [
        { label: "bad events", query: 'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[5m]))' },
        { label: "total", query: "sum(rate(http_requests_total[5m]))" },
      ],
    });
    const good = sliPreview({ ...sli, ratioMode: "good", eventsQuery: "g_total", totalQuery: "t_total" });
    expect(good.kind === "ok" && good.query).toBe("1 - (((sum(rate(t_total[5m]))) - (sum(rate(g_total[5m])))) / (sum(rate(t_total[5m]))))");
    expect(good.kind === "ok" && good.checks.map((c) => c.label)).toEqual(["good events", "total", "total − good"]);
  });

  it("says why a query cannot be built", () => {
    const p = sliPreview({ ...sli, eventsQuery: "sum(rate(x[5m]))", totalQuery: "x" });
    expect(p.kind).toBe("invalid");
    expect(p.kind !== "ok" && p.message).toMatch(/\$window/);
    expect(sliPreview({ ...sli, sliKind: "latency", metric: "h", thresholdSeconds: "-1" }).kind).toBe("invalid");
  });

  it("builds latency queries from the bucket at the threshold", () => {
    const p = sliPreview({ ...sli, sliKind: "latency", metric: "h_seconds", selector: '{job="a"}', thresholdSeconds: "0.5" });
    expect(p.kind === "ok" && p.query).toBe('1 - (((sum(rate(h_seconds_count{job="a"}[5m]))) - (sum(rate(h_seconds_bucket{job="a",le="0.5"}[5m])))) / (sum(rate(h_seconds_count{job="a"}[5m]))))');
  });

  it("explains a wrong series count", () => {
    const check = { label: "total", query: "x" };
    expect(seriesProblem(check, 1)).toBeNull();
    expect(seriesProblem(check, 4)).toBe("The total query returns 4 series; aggregate it to one, e.g. sum(...).");
    expect(seriesProblem(check, 0)).toBe("The total query returns no data: check the metric and labels.");
  });
});
