import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { SEVERITIES, type Severity } from "@/lib/incidents/severity";
import { getSeverityTable } from "@/lib/incidents/severity-targets";
import { DEFAULT_DUE_HOURS, DEFAULT_REQUIREMENT, type RequirementConfig } from "./due";
import { DEFAULT_REVIEW_CONFIG, type ReviewConfig } from "./review";
import { DEFAULT_TEMPLATE, type PostmortemTemplate } from "./template";
import { mergeTemplate, type TemplateEdits } from "./template-merge";

/** The organisation's postmortem settings in force, with Keel's defaults where nothing was saved. */
export type PostmortemSettings = {
  template: PostmortemTemplate;
  templateEdits: TemplateEdits;
  dueHours: number;
  requirement: RequirementConfig;
  review: ReviewConfig;
  version: number;
};

const ps = schema.postmortemSettings;

/**
 * The settings: template (the default with the organisation's edits), due hours, approvals to
 * publish, and what requires a postmortem — the severities marked so in Settings → Severities and
 * the budget share threshold.
 */
export async function getPostmortemSettings(): Promise<PostmortemSettings> {
  const [[row], table] = await Promise.all([getDb().select().from(ps).where(eq(ps.id, 1)), getSeverityTable()]);
  const severities: Severity[] = SEVERITIES.filter((s) => table[s].postmortemRequired);
  const edits = (row?.template ?? {}) as TemplateEdits;
  return {
    template: mergeTemplate(DEFAULT_TEMPLATE, edits),
    templateEdits: edits,
    dueHours: row?.dueHours ?? DEFAULT_DUE_HOURS,
    requirement: { severities, budgetShareThreshold: row?.budgetShareThreshold ?? DEFAULT_REQUIREMENT.budgetShareThreshold },
    review: { requiredApprovals: row?.approvalsRequired ?? DEFAULT_REVIEW_CONFIG.requiredApprovals },
    version: row?.version ?? 0,
  };
}
