import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { DEFAULT_TEMPLATE } from "./template";
import { templateEditsSchemaFor, type TemplateEdits } from "./template-merge";
import { templateErrorField } from "./template-form";
import { getPostmortemSettings, type PostmortemSettings } from "./settings-store";

const ps = schema.postmortemSettings;

/**
 * What an admin saves: the template edits (over Keel's default), the hours a postmortem is due
 * after its incident is resolved, the budget share over which an incident needs one (a share,
 * 0.2 = 20 %) and the approvals publishing needs. The bounds match the table's checks.
 */
export const postmortemSettingsInputSchema = z
  .object({
    template: templateEditsSchemaFor(DEFAULT_TEMPLATE),
    dueHours: z.number("Due time is a number of hours.").int("Due time is a whole number of hours.").min(1, "Due time is at least 1 hour.").max(1440, "Due time is at most 1,440 hours (60 days)."),
    budgetShareThreshold: z.number("The budget threshold is a number.").gt(0, "The budget threshold is above 0 %.").max(1, "The budget threshold is at most 100 %."),
    approvalsRequired: z.number("Approvals is a number.").int("Approvals is a whole number.").min(0, "Approvals is 0 or more.").max(10, "At most 10 approvals."),
  })
  .strict();
export type PostmortemSettingsInput = z.input<typeof postmortemSettingsInputSchema>;

/** Field errors keyed as the settings form names its fields (template rows: "<section>.<field>"). */
function formErrors(error: z.ZodError, edits: TemplateEdits): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrorsOf(error))) {
    const key = path.startsWith("template.") ? `template.${templateErrorField(path.slice("template.".length), edits)}` : path === "template" ? "template.template" : path;
    (out[key] ??= []).push(...messages);
  }
  return out;
}

/**
 * Saves the organisation's postmortem settings (admin only), validated as a whole before anything
 * is written, against the version the admin's form was based on (0 while nothing was ever saved):
 * a stale save is refused with 409 and writes nothing. Audited with what was saved.
 * Due hours apply to postmortems created from now on; each postmortem keeps its due time.
 */
export async function savePostmortemSettings(actor: Principal, input: unknown, version: number): Promise<PostmortemSettings> {
  assertRole(actor, "admin");
  const parsed = postmortemSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    const edits = ((input as { template?: TemplateEdits } | null)?.template ?? {}) as TemplateEdits;
    throw new AppError("bad_request", "Some fields need attention.", formErrors(parsed.error, edits));
  }
  if (!Number.isInteger(version) || version < 0) throw new AppError("bad_request", "The settings version is missing; reload the page.", { version: ["Reload the page."] });
  const v = parsed.data;
  const { actorId } = auditActor(actor);
  const values = {
    template: v.template as Record<string, unknown>,
    dueHours: v.dueHours,
    budgetShareThreshold: v.budgetShareThreshold,
    approvalsRequired: v.approvalsRequired,
    updatedBy: actorId,
    updatedAt: sql`now()`,
  };
  const stale = () =>
    new AppError("conflict", "Someone else saved the postmortem settings after you opened this page. Your changes were not saved and are kept here: reload to see theirs, then apply yours again.", {
      version: ["Reload to see the current settings."],
    });
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select({ version: ps.version }).from(ps).where(eq(ps.id, 1)).for("update");
    if ((row?.version ?? 0) !== version) throw stale();
    if (!row) {
      // The first save; a concurrent first save makes this insert a no-op, refused as stale.
      const inserted = await tx.insert(ps).values({ id: 1, ...values, version: 1 }).onConflictDoNothing().returning({ id: ps.id });
      if (!inserted.length) throw stale();
      return;
    }
    await tx
      .update(ps)
      .set({ ...values, version: row.version + 1 })
      .where(eq(ps.id, 1));
  });
  await recordAudit({
    action: "postmortem_settings.updated",
    ...auditActor(actor),
    target: "postmortem settings",
    details: { dueHours: v.dueHours, budgetShareThreshold: v.budgetShareThreshold, approvalsRequired: v.approvalsRequired, template: v.template },
  });
  return getPostmortemSettings();
}
