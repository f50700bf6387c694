import "server-only";
import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/incidents/lookup";
import { checkPolicy, type EscalationStep } from "./escalation";
import type { EscalationPolicyDto } from "./escalation-dto";
import { escalationPolicyInputSchema, escalationPolicyPatchSchema, type EscalationPolicyInput, type EscalationPolicyPatch } from "./escalation-input";
import { labelTarget, loadDirectory, resolveSteps, userRefsOf } from "./escalation-targets";

/**
 * Escalation policies: anyone signed in reads them; admins create, edit and delete them and choose
 * the services they cover (a service follows at most one policy). Every function checks the role
 * itself; invalid input is refused field by field and saves nothing.
 */

const p = schema.escalationPolicies;
const sp = schema.serviceEscalationPolicies;
const svc = schema.services;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = typeof p.$inferSelect;
const bad = (fields: Record<string, string[]>) => new AppError("bad_request", "Some fields need attention.", fields);
const notFound = (id: string) => new AppError("not_found", `No escalation policy "${id}".`);

async function toDtos(rows: Row[]): Promise<EscalationPolicyDto[]> {
  if (!rows.length) return [];
  const steps = rows.flatMap((r) => r.steps as unknown as EscalationStep[]);
  const dir = await loadDirectory(userRefsOf(steps));
  const attached = await getDb()
    .select({ policyId: sp.policyId, slug: svc.slug, name: svc.name })
    .from(sp)
    .innerJoin(svc, eq(svc.id, sp.serviceId))
    .where(inArray(sp.policyId, rows.map((r) => r.id)))
    .orderBy(asc(svc.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    steps: (r.steps as unknown as EscalationStep[]).map((s) => ({ delayMinutes: s.delayMinutes, targets: s.targets.map((t) => labelTarget(dir, t)) })),
    repeat: r.repeat,
    services: attached.filter((a) => a.policyId === r.id).map(({ slug, name }) => ({ slug, name })),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function requireRow(id: string): Promise<Row> {
  const [row] = UUID.test(id) ? await getDb().select().from(p).where(eq(p.id, id.toLowerCase())) : [];
  if (!row) throw notFound(id);
  return row;
}

export async function listPolicies(actor: Principal): Promise<EscalationPolicyDto[]> {
  assertRole(actor, "viewer");
  return toDtos(await getDb().select().from(p).orderBy(asc(p.name)));
}

export async function getPolicy(actor: Principal, id: string): Promise<EscalationPolicyDto> {
  assertRole(actor, "viewer");
  return (await toDtos([await requireRow(id)]))[0];
}

/** Targets resolved to ids and checked by the core; a 400 naming each bad one. */
async function checkedSteps(tx: Tx, steps: EscalationStep[], repeat: number): Promise<EscalationStep[]> {
  const resolved = resolveSteps(await loadDirectory(userRefsOf(steps), tx), steps);
  if (Object.keys(resolved.fields).length) throw bad(resolved.fields);
  try {
    checkPolicy({ steps: resolved.steps, repeat });
  } catch (err) {
    if (err instanceof RangeError) throw bad({ steps: [err.message] });
    throw err;
  }
  return resolved.steps;
}

/** Points the services (slugs) at the policy and detaches the others; refuses services that follow another policy. */
async function attachServices(tx: Tx, policyId: string, slugs: string[]): Promise<void> {
  const rows = slugs.length ? await tx.select({ id: svc.id, slug: svc.slug }).from(svc).where(inArray(svc.slug, slugs)) : [];
  const missing = slugs.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length) throw bad({ services: [`No service with slug ${missing.map((s) => `"${s}"`).join(", ")}.`] });
  const ids = rows.map((r) => r.id);
  const taken = ids.length
    ? await tx.select({ slug: svc.slug, policy: p.name }).from(sp).innerJoin(svc, eq(svc.id, sp.serviceId)).innerJoin(p, eq(p.id, sp.policyId)).where(and(inArray(sp.serviceId, ids), notInArray(sp.policyId, [policyId])))
    : [];
  if (taken.length) throw bad({ services: taken.map((t) => `${t.slug} already follows "${t.policy}"; detach it there first (a service follows one policy).`) });
  await tx.delete(sp).where(and(eq(sp.policyId, policyId), ids.length ? notInArray(sp.serviceId, ids) : undefined));
  if (ids.length) await tx.insert(sp).values(ids.map((serviceId) => ({ serviceId, policyId }))).onConflictDoNothing();
}

function conflictOnName(err: unknown, name: string | undefined): never {
  if (isUniqueViolation(err)) throw new AppError("conflict", `A policy named "${name}" already exists, or a service was attached elsewhere at the same moment.`, name ? { name: [`A policy named "${name}" already exists.`] } : undefined);
  throw err;
}

/** Adds a policy (admin) and attaches its services. */
export async function createPolicy(actor: Principal, input: EscalationPolicyInput): Promise<EscalationPolicyDto> {
  assertRole(actor, "admin");
  const parsed = escalationPolicyInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const { actorId } = auditActor(actor);
  const id = await getDb()
    .transaction(async (tx) => {
      const steps = await checkedSteps(tx, v.steps, v.repeat);
      const [row] = await tx.insert(p).values({ name: v.name, description: v.description, steps, repeat: v.repeat, createdBy: actorId }).returning({ id: p.id });
      await attachServices(tx, row.id, v.services);
      return row.id;
    })
    .catch((err: unknown) => conflictOnName(err, v.name));
  await recordAudit({ action: "escalation_policy.created", ...auditActor(actor), target: `escalation-policy:${v.name}`, details: { steps: v.steps.length, repeat: v.repeat, services: v.services } });
  return (await toDtos([await requireRow(id)]))[0];
}

/** Changes a policy (admin); `services` replaces the attached ones. A stale `version` is refused. Running escalations keep the steps they started with. */
export async function updatePolicy(actor: Principal, id: string, patch: EscalationPolicyPatch): Promise<EscalationPolicyDto> {
  assertRole(actor, "admin");
  const parsed = escalationPolicyPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const row = await requireRow(id);
  const stale = () => new AppError("conflict", "Someone else changed this policy since you opened it. Reload to see their changes; your input is kept.");
  if (v.version !== undefined && v.version !== row.version) throw stale();
  await getDb()
    .transaction(async (tx) => {
      const steps = v.steps || v.repeat !== undefined ? await checkedSteps(tx, (v.steps as EscalationStep[] | undefined) ?? (row.steps as unknown as EscalationStep[]), v.repeat ?? row.repeat) : undefined;
      const updated = await tx
        .update(p)
        .set({
          ...(v.name !== undefined ? { name: v.name } : {}),
          ...(v.description !== undefined ? { description: v.description } : {}),
          ...(steps ? { steps } : {}),
          ...(v.repeat !== undefined ? { repeat: v.repeat } : {}),
          version: row.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(p.id, row.id), eq(p.version, row.version)))
        .returning({ id: p.id });
      if (!updated.length) throw stale();
      if (v.services) await attachServices(tx, row.id, v.services);
    })
    .catch((err: unknown) => conflictOnName(err, v.name));
  await recordAudit({ action: "escalation_policy.updated", ...auditActor(actor), target: `escalation-policy:${v.name ?? row.name}`, details: { changed: Object.keys(v).filter((k) => k !== "version") } });
  return (await toDtos([await requireRow(row.id)]))[0];
}

/** Deletes a policy (admin); its services no longer escalate. Escalations already running finish as planned. */
export async function deletePolicy(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "admin");
  const row = await requireRow(id);
  await getDb().delete(p).where(eq(p.id, row.id));
  await recordAudit({ action: "escalation_policy.deleted", ...auditActor(actor), target: `escalation-policy:${row.name}` });
}

export type PolicyFormOptions = {
  schedules: { id: string; name: string; layers: { id: string; name: string }[] }[];
  people: { id: string; name: string; email: string }[];
  services: { slug: string; name: string; policyId: string | null }[];
};

/** What the policy editor offers: schedules with their layers, people, and services with the policy each follows. */
export async function policyFormOptions(actor: Principal): Promise<PolicyFormOptions> {
  assertRole(actor, "viewer");
  const db = getDb();
  const dir = await loadDirectory([]);
  const people = await db.select({ id: schema.users.id, name: schema.users.name, email: schema.users.email }).from(schema.users).where(eq(schema.users.disabled, false)).orderBy(asc(schema.users.name));
  const services = await db.select({ slug: svc.slug, name: svc.name, policyId: sp.policyId }).from(svc).leftJoin(sp, eq(sp.serviceId, svc.id)).orderBy(asc(svc.name));
  return {
    schedules: dir.schedules.sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ id: s.id, name: s.name, layers: dir.layers.filter((l) => l.scheduleId === s.id).map((l) => ({ id: l.id, name: l.name })) })),
    people,
    services,
  };
}
