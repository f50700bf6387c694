/**
 * Input schemas of the error-budget policy. People type thresholds in percent ("50"); the API and
 * the database hold shares of budget remaining (0.5). Both schemas output the same `PolicyInput`.
 * Pure: shared by the server actions, the REST API and the policy store.
 */
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export const POLICY_STATES = ["healthy", "warning", "exhausted"] as const;
export type PolicyActionState = (typeof POLICY_STATES)[number];

export const MAX_ACTIONS = 10;
export const MAX_ACTION_LENGTH = 300;
export const MAX_NOTE_LENGTH = 500;

const action = z
  .string("Each action is text.")
  .trim()
  .min(1, "An action cannot be empty.")
  .max(MAX_ACTION_LENGTH, `Each action is at most ${MAX_ACTION_LENGTH} characters.`);
const actionList = z.array(action, "A list of actions.").max(MAX_ACTIONS, `At most ${MAX_ACTIONS} actions per state.`);

export const policyActionsSchema = z.object({ healthy: actionList, warning: actionList, exhausted: actionList }, "Actions for healthy, warning and exhausted.");

const note = z.string("The note is text.").trim().max(MAX_NOTE_LENGTH, `The note is at most ${MAX_NOTE_LENGTH} characters.`).default("");

const percent = (label: string) =>
  z
    .number(`${label} is a number of percent, e.g. 50.`)
    .min(0, `${label} is between 0 and 100 %.`)
    .max(100, `${label} is between 0 and 100 %.`);

const share = (label: string) =>
  z
    .number(`${label} is a share of budget remaining, e.g. 0.5.`)
    .min(0, `${label} is between 0 and 1.`)
    .max(1, `${label} is between 0 and 1.`);

/** Version the caller loaded; 0 means "there was none yet" (a concurrent creation is refused). */
export const policyVersionSchema = z.number().int("The version is a whole number.").min(0, "The version is 0 or more.");

const EXHAUSTED_BELOW_WARNING = "Exhausted must be below Warning.";

/** Exhausted must be strictly below Warning (the database checks the same). */
function ordered<W extends string, E extends string>(warning: W, exhausted: E) {
  return (v: Record<W | E, number>, ctx: z.RefinementCtx) => {
    if (v[exhausted] >= v[warning]) ctx.addIssue({ code: "custom", message: EXHAUSTED_BELOW_WARNING, path: [exhausted] });
  };
}

/** 12.5 % → 0.125, without float noise (12.3 / 100 = 0.12300000000000001). */
export function percentToShare(p: number): number {
  return Number((p / 100).toFixed(8));
}

export function shareToPercent(s: number): number {
  return Number((s * 100).toFixed(6));
}

/** The policy as people type it, in percent; outputs shares. */
export const policyPercentSchema = z
  .object({
    // Converted first, so the order is checked on the values that are stored.
    warningBelowPercent: percent("Warning").transform(percentToShare),
    exhaustedBelowPercent: percent("Exhausted").transform(percentToShare),
    actions: policyActionsSchema,
    note,
  })
  .superRefine(ordered("warningBelowPercent", "exhaustedBelowPercent"))
  .transform((v) => ({ warningBelow: v.warningBelowPercent, exhaustedBelow: v.exhaustedBelowPercent, actions: v.actions, note: v.note }));

const shareFields = { warningBelow: share("Warning"), exhaustedBelow: share("Exhausted"), actions: policyActionsSchema };

/** The policy in stored shares (0..1): what the policy store takes. */
export const policySharesSchema = z.object({ ...shareFields, note }).superRefine(ordered("warningBelow", "exhaustedBelow"));
export type PolicyInput = z.output<typeof policySharesSchema>;

/** PUT /api/v1/policy: the organisation's policy, as GET shows it, plus the version it was read at. */
export const orgPolicyBodySchema = z
  .object({ ...shareFields, version: policyVersionSchema.optional() })
  .superRefine(ordered("warningBelow", "exhaustedBelow"));

/** PUT /api/v1/policy/services/{slug}: a service's override, with a note saying why it differs. */
export const servicePolicyBodySchema = z
  .object({ ...shareFields, note, version: policyVersionSchema.optional() })
  .superRefine(ordered("warningBelow", "exhaustedBelow"));

/** The policy form's controls, by name; every value is the control's text. */
export type PolicyFormValues = {
  warningBelowPercent: string;
  exhaustedBelowPercent: string;
  healthyActions: string;
  warningActions: string;
  exhaustedActions: string;
  note: string;
};

export const actionsField = (state: PolicyActionState) => `${state}Actions` as const;

/** One action per line; blank lines are dropped. */
export function actionsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function percentFromText(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, "").replace(",", ".");
  return t === "" ? undefined : Number(t);
}

/** The form's FormData as the input `policyPercentSchema` expects (strings coerced explicitly). */
export function policyFormToInput(form: FormData): unknown {
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    warningBelowPercent: percentFromText(str("warningBelowPercent")),
    exhaustedBelowPercent: percentFromText(str("exhaustedBelowPercent")),
    actions: Object.fromEntries(POLICY_STATES.map((s) => [s, actionsFromText(str(actionsField(s)))])),
    note: str("note"),
  };
}

/** A stored policy as the form shows it. */
export function policyToFormValues(p: { warningBelow: number; exhaustedBelow: number; actions: Record<PolicyActionState, string[]>; note?: string }): PolicyFormValues {
  return {
    warningBelowPercent: String(shareToPercent(p.warningBelow)),
    exhaustedBelowPercent: String(shareToPercent(p.exhaustedBelow)),
    healthyActions: p.actions.healthy.join("\n"),
    warningActions: p.actions.warning.join("\n"),
    exhaustedActions: p.actions.exhausted.join("\n"),
    note: p.note ?? "",
  };
}

/**
 * Errors name input paths (actions.warning.2, warningBelow); the form names its controls
 * (warningActions, warningBelowPercent). An action's error says which one (blank lines not counted).
 */
export function toPolicyFormErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  const add = (k: string, msgs: string[]) => (out[k] ??= []).push(...msgs);
  for (const [key, msgs] of Object.entries(fields)) {
    const line = /^actions\.(healthy|warning|exhausted)(?:\.(\d+))?$/.exec(key);
    if (line) add(actionsField(line[1] as PolicyActionState), line[2] === undefined ? msgs : msgs.map((m) => `Action ${Number(line[2]) + 1}: ${m}`));
    else if (key === "warningBelow" || key === "exhaustedBelow") add(`${key}Percent`, msgs);
    else add(key, msgs);
  }
  return out;
}
