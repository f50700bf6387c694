import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { severityLevel } from "@/lib/incidents/severity";
import { runbookDto, type RunbookDto } from "./dto";
import { remapDone } from "./progress";
import { runbookFilterSchema, runbookInputSchema, runbookUpdateSchema, type RunbookFilter, type RunbookInput, type RunbookUpdate } from "./schemas";

const rb = schema.runbooks;
const ir = schema.incidentRunbooks;
const MAX_LIST = 500;

const columns = {
  id: rb.id,
  slug: rb.slug,
  title: rb.title,
  scenario: rb.scenario,
  alertNames: rb.alertNames,
  severityHint: rb.severityHint,
  steps: rb.steps,
  contacts: rb.contacts,
  version: rb.version,
  createdAt: rb.createdAt,
  updatedAt: rb.updatedAt,
};

export function noRunbook(slug: string): AppError {
  return new AppError("not_found", `No runbook with slug "${slug}".`);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Runbooks by title (viewer and up); `q` matches title, slug, scenario and alert names. */
export async function listRunbooks(actor: Principal, filter: RunbookFilter = {}): Promise<{ items: RunbookDto[] }> {
  assertRole(actor, "viewer");
  const parsed = runbookFilterSchema.safeParse(filter);
  if (!parsed.success) throw validationError(parsed.error);
  const { q } = parsed.data;
  const pattern = q ? `%${escapeLike(q)}%` : null;
  const rows = await getDb()
    .select(columns)
    .from(rb)
    .where(pattern ? or(ilike(rb.title, pattern), ilike(rb.slug, pattern), ilike(rb.scenario, pattern), sql`${rb.alertNames}::text ilike ${pattern}`) : undefined)
    .orderBy(asc(rb.title), asc(rb.slug))
    .limit(MAX_LIST);
  return { items: rows.map(runbookDto) };
}

export async function getRunbook(actor: Principal, slug: string): Promise<RunbookDto> {
  assertRole(actor, "viewer");
  const [row] = await getDb().select(columns).from(rb).where(eq(rb.slug, slug)).limit(1);
  if (!row) throw noRunbook(slug);
  return runbookDto(row);
}

function slugTaken(slug: string): AppError {
  return new AppError("conflict", `The slug "${slug}" is already used by another runbook.`, { slug: ["This slug is already taken."] });
}

/** Creates a runbook (admin). */
export async function createRunbook(actor: Principal, input: RunbookInput): Promise<RunbookDto> {
  assertRole(actor, "admin");
  const parsed = runbookInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  try {
    await getDb()
      .insert(rb)
      .values({ ...v, severityHint: v.severityHint ? severityLevel(v.severityHint) : null });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(v.slug);
    throw err;
  }
  await recordAudit({ action: "runbook.created", ...auditActor(actor), target: v.slug, details: { title: v.title, steps: v.steps.length, alertNames: v.alertNames } });
  return getRunbook(actor, v.slug);
}

/**
 * Replaces a runbook's content (admin). A stale `version` is refused. When the steps change, the
 * progress kept on incidents follows each done step to its new place (by title).
 */
export async function updateRunbook(actor: Principal, slug: string, update: RunbookUpdate, nowMs = Date.now()): Promise<RunbookDto> {
  assertRole(actor, "admin");
  const parsed = runbookUpdateSchema.safeParse(update);
  if (!parsed.success) throw validationError(parsed.error);
  const { version, ...v } = parsed.data;
  const remapped = await getDb().transaction(async (tx) => {
    const [row] = await tx.select(columns).from(rb).where(eq(rb.slug, slug)).for("update");
    if (!row) throw noRunbook(slug);
    if (version !== undefined && version !== row.version) {
      throw new AppError("conflict", "Someone else changed this runbook since you opened it. Reload to see their changes; your input is kept.");
    }
    await tx
      .update(rb)
      .set({ ...v, severityHint: v.severityHint ? severityLevel(v.severityHint) : null, version: sql`${rb.version} + 1`, updatedAt: new Date(nowMs) })
      .where(eq(rb.id, row.id));
    if (JSON.stringify(row.steps) === JSON.stringify(v.steps)) return 0;
    const attached = await tx.select({ incidentId: ir.incidentId, done: ir.done }).from(ir).where(eq(ir.runbookId, row.id)).for("update");
    let changed = 0;
    for (const a of attached) {
      const done = remapDone(row.steps, v.steps, a.done);
      if (JSON.stringify(done) === JSON.stringify(a.done)) continue;
      await tx.update(ir).set({ done }).where(and(eq(ir.incidentId, a.incidentId), eq(ir.runbookId, row.id)));
      changed++;
    }
    return changed;
  });
  await recordAudit({ action: "runbook.updated", ...auditActor(actor), target: slug, details: { title: v.title, steps: v.steps.length, alertNames: v.alertNames, progressRemapped: remapped } });
  return getRunbook(actor, slug);
}

/** Deletes a runbook (admin); it is detached from every incident (their timelines keep what was done). */
export async function deleteRunbook(actor: Principal, slug: string): Promise<void> {
  assertRole(actor, "admin");
  const deleted = await getDb().delete(rb).where(eq(rb.slug, slug)).returning({ id: rb.id, title: rb.title });
  if (!deleted.length) throw noRunbook(slug);
  await recordAudit({ action: "runbook.deleted", ...auditActor(actor), target: slug, details: { title: deleted[0].title } });
}
