import "server-only";
import { sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { SEVERITIES, severityLevel, severityOf, type Severity, type SeverityTable, type Target } from "./severity";
import { severityTargetsInputSchema, targetProblem, withEdits, type SeverityTargets } from "./severity-schemas";

const st = schema.severityTargets;
type Row = typeof st.$inferSelect;

function target(minutes: number | null, businessDays: number | null): Target {
  return businessDays ? { businessDays } : { minutes: minutes ?? 0 };
}

function fromRow(r: Row): SeverityTargets {
  return { respond: target(r.respondMinutes, r.respondBusinessDays), resolve: target(r.resolveMinutes, r.resolveBusinessDays), postmortemRequired: r.postmortemRequired };
}

/**
 * The severity table in force: the defaults with the admins' edits. Anyone may read it (the
 * incident pages, metrics and the lifecycle need it); a small table read per request.
 */
export async function getSeverityTable(): Promise<SeverityTable> {
  const rows = await getDb().select().from(st);
  const edits: Partial<Record<Severity, SeverityTargets>> = {};
  for (const r of rows) edits[severityOf(r.level)] = fromRow(r);
  return withEdits(edits);
}

/** The severities whose targets an admin edited (the rest are Keel's defaults). */
export async function editedSeverities(): Promise<Severity[]> {
  const rows = await getDb().select({ level: st.level }).from(st);
  return rows.map((r) => severityOf(r.level)).sort();
}

/**
 * Sets the targets of the severities given (admin). Validated as a whole before anything is
 * written; one transaction; audited with what changed.
 */
export async function saveSeverityTargets(actor: Principal, input: unknown): Promise<SeverityTable> {
  assertRole(actor, "admin");
  const parsed = severityTargetsInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const fields: Record<string, string[]> = {};
  for (const s of SEVERITIES) {
    const t = parsed.data[s];
    const problem = t && targetProblem(t);
    if (problem) fields[`${s}.resolve`] = [problem];
  }
  if (Object.keys(fields).length) throw new AppError("bad_request", "Some fields need attention.", fields);
  const { actorId } = auditActor(actor);
  const entries = SEVERITIES.flatMap((s) => (parsed.data[s] ? [[s, parsed.data[s]] as const] : []));
  if (!entries.length) return getSeverityTable();
  await getDb().transaction(async (tx) => {
    for (const [s, t] of entries) {
      const values = {
        level: severityLevel(s),
        respondMinutes: "minutes" in t.respond ? t.respond.minutes : null,
        respondBusinessDays: "businessDays" in t.respond ? t.respond.businessDays : null,
        resolveMinutes: "minutes" in t.resolve ? t.resolve.minutes : null,
        resolveBusinessDays: "businessDays" in t.resolve ? t.resolve.businessDays : null,
        postmortemRequired: t.postmortemRequired,
        updatedBy: actorId,
        updatedAt: sql`now()`,
      };
      await tx.insert(st).values(values).onConflictDoUpdate({ target: st.level, set: values });
    }
  });
  await recordAudit({ action: "severities.updated", ...auditActor(actor), target: "severity targets", details: Object.fromEntries(entries) });
  return getSeverityTable();
}

/** Back to Keel's defaults for every severity (admin). */
export async function resetSeverityTargets(actor: Principal): Promise<SeverityTable> {
  assertRole(actor, "admin");
  await getDb().delete(st);
  await recordAudit({ action: "severities.reset", ...auditActor(actor), target: "severity targets" });
  return getSeverityTable();
}
