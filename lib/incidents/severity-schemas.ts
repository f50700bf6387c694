/**
 * What admins may set for a severity: respond and resolve targets (minutes, hours or business
 * days) and whether closing needs a published postmortem. Shared by the settings form and
 * `PUT /api/v1/severities`.
 */
import { z } from "zod";
import { SEVERITIES, SEVERITY_TABLE, type Severity, type SeverityTable, type Target } from "./severity";

export const targetUnits = ["minutes", "hours", "businessDays"] as const;
export type TargetUnit = (typeof targetUnits)[number];

const MAX_MINUTES = 90 * 24 * 60;

/** A target as the API takes it: `{ "minutes": 30 }` or `{ "businessDays": 1 }`. */
export const targetSchema = z.union([
  z.object({ minutes: z.number().int("Whole minutes only.").min(1, "At least 1 minute.").max(MAX_MINUTES, "At most 90 days.") }).strict(),
  z.object({ businessDays: z.number().int("Whole business days only.").min(1, "At least 1 business day.").max(60, "At most 60 business days.") }).strict(),
]);

export const severityTargetsSchema = z.object({
  respond: targetSchema,
  resolve: targetSchema,
  postmortemRequired: z.boolean(),
});
export type SeverityTargets = z.infer<typeof severityTargetsSchema>;

/** Every severity's targets; severities left out keep theirs. */
export const severityTargetsInputSchema = z.partialRecord(z.enum(SEVERITIES), severityTargetsSchema);
export type SeverityTargetsInput = z.infer<typeof severityTargetsInputSchema>;

/** Business days count in calendar time, so a resolve target shorter than the respond one is refused only when both are in minutes. */
export function targetProblem(t: SeverityTargets): string | null {
  if ("minutes" in t.respond && "minutes" in t.resolve && t.resolve.minutes < t.respond.minutes) return "The resolve target cannot be shorter than the respond target.";
  return null;
}

/** The defaults with the admins' edits applied. */
export function withEdits(edits: Partial<Record<Severity, SeverityTargets>>): SeverityTable {
  const out = {} as Record<Severity, SeverityTable[Severity]>;
  for (const s of SEVERITIES) out[s] = edits[s] ? { ...SEVERITY_TABLE[s], ...edits[s] } : SEVERITY_TABLE[s];
  return out;
}

/** A target as the form shows it: the largest unit that divides it. */
export function targetToForm(t: Target): { value: string; unit: TargetUnit } {
  if ("businessDays" in t) return { value: String(t.businessDays), unit: "businessDays" };
  return t.minutes % 60 === 0 ? { value: String(t.minutes / 60), unit: "hours" } : { value: String(t.minutes), unit: "minutes" };
}

function formTarget(form: FormData, name: string): unknown {
  const raw = String(form.get(`${name}Value`) ?? "").trim();
  const unit = String(form.get(`${name}Unit`) ?? "");
  const n = raw === "" ? NaN : Number(raw);
  if (unit === "businessDays") return { businessDays: n };
  if (unit === "hours") return { minutes: n * 60 };
  return { minutes: n };
}

/** The settings form's fields (`SEV1.respondValue`, `SEV1.respondUnit`, …) as API input. */
export function severityFormToInput(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of SEVERITIES) {
    out[s] = { respond: formTarget(form, `${s}.respond`), resolve: formTarget(form, `${s}.resolve`), postmortemRequired: form.get(`${s}.postmortemRequired`) === "on" };
  }
  return out;
}

/** Zod paths (`SEV1.respond.minutes`) → the form's control names (`SEV1.respondValue`). */
export function toSeverityFormErrors(fields: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const m = /^(SEV[1-4])\.(respond|resolve)\b/.exec(path);
    const key = m ? `${m[1]}.${m[2]}Value` : path;
    out[key] = [...(out[key] ?? []), ...messages];
  }
  return out;
}
