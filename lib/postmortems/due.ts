/**
 * When a postmortem is due and whether an incident needs one.
 * - Due: 48 hours after the incident is resolved (the seeds' rule); the hours are configurable and
 *   a postmortem's due time may be edited afterwards (the caller stores it).
 * - Required: any incident of a listed severity (SEV1 and SEV2 by default), or one that consumed
 *   more than the threshold share of any error budget (over 20 % by default; exactly 20 % is not over).
 */
import { z } from "zod";
import { SEVERITIES, type Severity } from "@/lib/incidents/severity";
import type { ReviewStatus } from "./review";

export const DEFAULT_DUE_HOURS = 48;

export type RequirementConfig = { severities: readonly Severity[]; budgetShareThreshold: number };
export const DEFAULT_REQUIREMENT: RequirementConfig = { severities: ["SEV1", "SEV2"], budgetShareThreshold: 0.2 };

/** The settings form: due hours and what requires a postmortem. */
export const postmortemPolicySchema = z
  .object({
    dueHours: z.coerce.number("Due hours is a number.").int("Due hours is a whole number.").min(1, "Due hours is at least 1.").max(24 * 60, "Due hours is at most 1,440 (60 days)."),
    severities: z.array(z.enum(SEVERITIES, "Severity is SEV1, SEV2, SEV3 or SEV4.")).max(4).transform((s) => [...new Set(s)]),
    budgetShareThreshold: z.coerce
      .number("The budget threshold is a number.")
      .gt(0, "The budget threshold is above 0 %.")
      .max(10, "The budget threshold is at most 1,000 %."),
  })
  .strict();

/** The due time (ISO) for an incident resolved at `resolvedAt`; null while it is not resolved. */
export function postmortemDueAt(resolvedAt: string | Date | null, hours = DEFAULT_DUE_HOURS): string | null {
  if (resolvedAt === null) return null;
  const ms = resolvedAt instanceof Date ? resolvedAt.getTime() : Date.parse(resolvedAt);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + hours * 3_600_000).toISOString();
}

/** Not yet published and past its due time. */
export function isOverdue(pm: { status: ReviewStatus; dueAt: string | null }, now: number | Date): boolean {
  if (pm.status === "published" || !pm.dueAt) return false;
  const nowMs = typeof now === "number" ? now : now.getTime();
  return nowMs > Date.parse(pm.dueAt);
}

export type Requirement = { required: boolean; reasons: string[] };

/**
 * Whether the incident requires a postmortem, with the reasons (both may apply).
 * `maxBudgetShareConsumed` is the largest share of any SLO's budget the incident consumed (1 =
 * all of it), null when unknown (no SLOs, no data): then only the severity decides.
 */
export function postmortemRequired(incident: { severity: Severity }, config: RequirementConfig = DEFAULT_REQUIREMENT, maxBudgetShareConsumed: number | null = null): Requirement {
  const reasons: string[] = [];
  if (config.severities.includes(incident.severity)) reasons.push(`Every ${incident.severity} incident needs a postmortem.`);
  if (maxBudgetShareConsumed !== null && Number.isFinite(maxBudgetShareConsumed) && maxBudgetShareConsumed > config.budgetShareThreshold) {
    reasons.push(`It consumed ${pct(maxBudgetShareConsumed)} of an error budget; over ${pct(config.budgetShareThreshold)} needs a postmortem.`);
  }
  return { required: reasons.length > 0, reasons };
}

const pct = (share: number) => `${Number((share * 100).toFixed(2))} %`;
