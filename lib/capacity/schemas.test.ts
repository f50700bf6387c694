import { describe, expect, it } from "vitest";
import { capacityFormToInput, capacityFormValues, emptyCapacityForm, parseMatchers, toCapacityFormErrors } from "./form";
import { capacityInputSchema, capacityPatchSchema, horizonSchema, horizonText } from "./schemas";
import { DAY_MS } from "./types";

const base = { name: "Database connections", service: "postgres-primary", usageQuery: "sum(pg_stat_activity_count)", limitQuery: "max(pg_settings_max_connections)" };

const fieldErrors = (input: unknown) => {
  const r = capacityInputSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
};

describe("capacity input schema", () => {
  it("fills the defaults: 80 % warning, 90 days at 5 minutes, default data source", () => {
    const v = capacityInputSchema.parse(base);
    expect(v).toMatchObject({ warningLevel: 0.8, lookbackDays: 90, resolutionSeconds: 300, unit: "" });
    expect(v.datasourceId).toBeUndefined();
  });

  it("refuses a non-positive or non-numeric limit with a message naming the field", () => {
    for (const limit of [0, -5]) expect(fieldErrors({ ...base, limitQuery: undefined, limit }).limit).toEqual(["The limit must be a positive number (above 0)."]);
    expect(fieldErrors({ ...base, limitQuery: undefined, limit: "200" }).limit).toEqual(["The limit is a number."]);
    expect(fieldErrors({ ...base, limitQuery: undefined, limit: Number.NaN }).limit).toHaveLength(1);
  });

  it("wants exactly one of limit and limitQuery", () => {
    expect(fieldErrors({ ...base, limit: 200 }).limit).toEqual(["Give either a constant limit or a limit query, not both."]);
    expect(fieldErrors({ ...base, limitQuery: undefined }).limit).toEqual(["Give the limit: a positive number, or a query that returns it (limitQuery)."]);
    expect(capacityInputSchema.safeParse({ ...base, limitQuery: null, limit: 900 }).success).toBe(true);
  });

  it("bounds the warning level, the lookback and the resolution, and the points they make", () => {
    expect(fieldErrors({ ...base, warningLevel: 1 }).warningLevel?.[0]).toMatch(/between 0.01 and 0.99/);
    expect(fieldErrors({ ...base, warningLevel: 0 }).warningLevel?.[0]).toMatch(/between 0.01 and 0.99/);
    expect(fieldErrors({ ...base, warningLevel: 80 }).warningLevel).toHaveLength(1);
    expect(fieldErrors({ ...base, lookbackDays: 1 }).lookbackDays).toEqual(["Look back at least 2 days: a forecast needs two days of history."]);
    expect(fieldErrors({ ...base, lookbackDays: 401 }).lookbackDays).toEqual(["Look back at most 400 days."]);
    expect(fieldErrors({ ...base, lookbackDays: 2.5 }).lookbackDays).toEqual(["The lookback is a whole number of days."]);
    expect(fieldErrors({ ...base, resolutionSeconds: 5 }).resolutionSeconds).toHaveLength(1);
    // 90 days at 1 minute is 129,600 points: too many.
    expect(fieldErrors({ ...base, resolutionSeconds: 60 }).lookbackDays?.[0]).toMatch(/129,600 points; at most 40,000/);
    expect(capacityInputSchema.safeParse({ ...base, lookbackDays: 27, resolutionSeconds: 60 }).success).toBe(true);
  });

  it("requires name, service and usage query, and knows the templates", () => {
    const e = fieldErrors({ name: " ", service: "", usageQuery: "", limit: 1 });
    expect(e.name).toEqual(["Name is required."]);
    expect(e.service).toEqual(["Choose a service."]);
    expect(e.usageQuery).toEqual(["Enter the usage query."]);
    expect(fieldErrors({ ...base, template: "nope" }).template?.[0]).toMatch(/db-connections/);
    expect(fieldErrors({ ...base, datasourceId: "not-a-uuid" }).datasourceId).toEqual(["Choose a data source."]);
    expect(capacityInputSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it("patches: any field, one limit at a time, the points check when both lookback and resolution are sent", () => {
    expect(capacityPatchSchema.safeParse({ warningLevel: 0.9, version: 3 }).success).toBe(true);
    expect(capacityPatchSchema.safeParse({ limit: 5, limitQuery: "x" }).success).toBe(false);
    expect(capacityPatchSchema.safeParse({ limit: -1 }).success).toBe(false);
    expect(capacityPatchSchema.safeParse({ lookbackDays: 90, resolutionSeconds: 60 }).success).toBe(false);
  });
});

describe("horizon", () => {
  it("reads 7d, 30d, 12w, 48h; defaults to 30 days; refuses others with one message", () => {
    expect(horizonSchema.parse(undefined)).toBe(30 * DAY_MS);
    expect(horizonSchema.parse("7d")).toBe(7 * DAY_MS);
    expect(horizonSchema.parse("12w")).toBe(84 * DAY_MS);
    expect(horizonSchema.parse("48h")).toBe(2 * DAY_MS);
    for (const bad of ["0d", "12h", "400d", "30", "1y", "abc"]) {
      const r = horizonSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/^The horizon is a duration such as 7d/);
    }
    expect(horizonText(30 * DAY_MS)).toBe("30d");
  });
});

describe("capacity form", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ ...emptyCapacityForm("billing"), ...entries })) f.set(k, v);
    return capacityFormValues(f);
  };

  it("converts the warning level from percent and picks the limit by its kind", () => {
    const q = capacityFormToInput(form({ name: "Conns", usageQuery: "sum(x)", limitQuery: "max(y)", limit: "12", warningPercent: "75" }));
    expect(q).toEqual({ input: expect.objectContaining({ warningLevel: 0.75, limit: null, limitQuery: "max(y)", service: "billing", datasourceId: null, lookbackDays: 90, resolutionSeconds: 300, template: null }) });
    const v = capacityFormToInput(form({ limitKind: "value", limit: "1,5", limitQuery: "ignored" }));
    expect(v).toEqual({ input: expect.objectContaining({ limit: 1.5, limitQuery: null }) });
  });

  it("says what is wrong with a warning level in percent; schema errors land on the form's fields", () => {
    for (const p of ["0", "100", "eighty"]) expect(capacityFormToInput(form({ warningPercent: p }))).toEqual({ fieldErrors: { warningPercent: [expect.stringMatching(/percent of the limit, from 1 to 99/)] } });
    expect(toCapacityFormErrors({ limit: ["a"], warningLevel: ["b"], usageQuery: ["c"] }, "query")).toEqual({ limitQuery: ["a"], warningPercent: ["b"], usageQuery: ["c"] });
    expect(toCapacityFormErrors({ limit: ["a"] }, "value")).toEqual({ limit: ["a"] });
    const empty = capacityFormToInput(form({ limitKind: "value", limit: "" }));
    expect("input" in empty && capacityInputSchema.safeParse(empty.input).success).toBe(false);
  });

  it("parses label matchers for the template picker", () => {
    expect(parseMatchers("")).toEqual({ matchers: {} });
    expect(parseMatchers('{service="postgres-primary", instance="db1:9187"}')).toEqual({ matchers: { service: "postgres-primary", instance: "db1:9187" } });
    expect(parseMatchers('a="say \\"hi\\""')).toEqual({ matchers: { a: 'say "hi"' } });
    for (const bad of ["service=postgres", 'a="x" b="y"', 'a=~"x"', '1a="x"']) expect(parseMatchers(bad), bad).toHaveProperty("error");
  });
});
