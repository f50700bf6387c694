/**
 * The capacity form's fields and their mapping to the API input. Pure, shared by the form (client)
 * and its server action. The form takes the warning level in percent and the limit as either a
 * number or a query (`limitKind`); everything else as the API names it.
 */
import type { FieldErrors } from "@/lib/errors";
import type { CapacityInput } from "./schemas";

export type CapacityFormValues = {
  template: string;
  name: string;
  service: string;
  datasourceId: string;
  usageQuery: string;
  limitKind: "value" | "query";
  limit: string;
  limitQuery: string;
  unit: string;
  warningPercent: string;
  lookbackDays: string;
  resolutionSeconds: string;
};

export const emptyCapacityForm = (service = ""): CapacityFormValues => ({
  template: "",
  name: "",
  service,
  datasourceId: "",
  usageQuery: "",
  limitKind: "query",
  limit: "",
  limitQuery: "",
  unit: "",
  warningPercent: "80",
  lookbackDays: "90",
  resolutionSeconds: "300",
});

export const RESOLUTION_CHOICES = [
  { seconds: 60, label: "1 minute" },
  { seconds: 300, label: "5 minutes" },
  { seconds: 900, label: "15 minutes" },
  { seconds: 3600, label: "1 hour" },
] as const;

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v.trim() : "";
};

/** "" → undefined (the schema's default or "required" applies); text that is not a number → NaN (the schema says so). */
const num = (text: string) => (text === "" ? undefined : Number(text.replace(",", ".")));

export function capacityFormValues(form: FormData): CapacityFormValues {
  return {
    template: str(form, "template"),
    name: str(form, "name"),
    service: str(form, "service"),
    datasourceId: str(form, "datasourceId"),
    usageQuery: str(form, "usageQuery"),
    limitKind: str(form, "limitKind") === "value" ? "value" : "query",
    limit: str(form, "limit"),
    limitQuery: str(form, "limitQuery"),
    unit: str(form, "unit"),
    warningPercent: str(form, "warningPercent"),
    lookbackDays: str(form, "lookbackDays"),
    resolutionSeconds: str(form, "resolutionSeconds"),
  };
}

/** The API input for the form's values, or field errors the schema cannot word for a percent field. */
export function capacityFormToInput(v: CapacityFormValues): { input: CapacityInput } | { fieldErrors: FieldErrors } {
  const percent = num(v.warningPercent);
  if (percent !== undefined && !(percent >= 1 && percent <= 99)) {
    return { fieldErrors: { warningPercent: ["Enter the warning level in percent of the limit, from 1 to 99 (e.g. 80)."] } };
  }
  const limitValue = v.limitKind === "value";
  return {
    input: {
      name: v.name,
      service: v.service,
      datasourceId: v.datasourceId || null,
      usageQuery: v.usageQuery,
      limit: limitValue ? (num(v.limit) ?? null) : null,
      limitQuery: limitValue ? null : v.limitQuery || null,
      unit: v.unit,
      warningLevel: percent === undefined ? undefined : Math.round(percent * 100) / 10_000,
      lookbackDays: num(v.lookbackDays),
      resolutionSeconds: num(v.resolutionSeconds),
      template: (v.template || null) as CapacityInput["template"],
    },
  };
}

/**
 * Errors from the input schema name API fields; the form shows them at its own fields. With a
 * constant limit a "limit" error belongs to the number, otherwise to the limit query.
 */
export function toCapacityFormErrors(fields: FieldErrors, limitKind: CapacityFormValues["limitKind"]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const target = key === "warningLevel" ? "warningPercent" : key === "limit" && limitKind === "query" ? "limitQuery" : key;
    (out[target] ??= []).push(...messages);
  }
  return out;
}

const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;

/**
 * The template picker's label matchers: `service="postgres-primary", instance="db1:9187"`
 * (braces optional; only equality matchers, values in double quotes with Go escapes).
 */
export function parseMatchers(text: string): { matchers: Record<string, string> } | { error: string } {
  let t = text.trim();
  if (t.startsWith("{") && t.endsWith("}")) t = t.slice(1, -1).trim();
  const matchers: Record<string, string> = {};
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < t.length) {
    const m = MATCHER.exec(t);
    if (!m) return { error: 'Write label matchers as name="value", separated by commas, e.g. service="postgres-primary".' };
    matchers[m[1]] = m[2].replace(/\\(.)/g, (_all, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
  }
  return { matchers };
}
