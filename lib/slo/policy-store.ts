import "server-only";
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { defaultPolicy, type Policy } from "./policy";
import { policySharesSchema, type PolicyInput } from "./policy-schemas";

/** The organisation's policy and the version it is at (0 while it is still the built-in default). */
export type OrgPolicy = Policy & { version: number };

/** A service's own policy, replacing the organisation's for that service. */
export type PolicyOverride = Policy & { service: string; serviceName: string; note: string; version: number; updatedAt: string };

/** The policy that applies to a service, and whether it is the service's own. */
export type EffectivePolicy = { policy: Policy; overridden: boolean };

/** What the write functions take: shares of budget remaining (validated again here); the note is optional. */
export type PolicyWrite = z.input<typeof policySharesSchema>;

const bp = schema.budgetPolicies;
const sv = schema.services;

type PolicyRow = Pick<typeof bp.$inferSelect, "warningBelow" | "exhaustedBelow" | "actions">;

function toPolicy(r: PolicyRow): Policy {
  return {
    warningBelow: r.warningBelow,
    exhaustedBelow: r.exhaustedBelow,
    actions: { healthy: r.actions?.healthy ?? [], warning: r.actions?.warning ?? [], exhausted: r.actions?.exhausted ?? [] },
  };
}

function builtIn(): Policy {
  const a = defaultPolicy.actions;
  return { ...defaultPolicy, actions: { healthy: [...a.healthy], warning: [...a.warning], exhausted: [...a.exhausted] } };
}

function validate(input: PolicyWrite): PolicyInput {
  const parsed = policySharesSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

async function serviceBySlug(slug: string): Promise<{ id: string; name: string; slug: string }> {
  const [row] = await getDb().select({ id: sv.id, name: sv.name, slug: sv.slug }).from(sv).where(eq(sv.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", `No service with slug "${slug}".`);
  return row;
}

export async function getOrgPolicy(): Promise<OrgPolicy> {
  const [row] = await getDb().select().from(bp).where(isNull(bp.serviceId)).limit(1);
  return row ? { ...toPolicy(row), version: row.version } : { ...builtIn(), version: 0 };
}

export async function listPolicyOverrides(actor: Principal): Promise<PolicyOverride[]> {
  assertRole(actor, "viewer");
  const rows = await getDb()
    .select({ row: bp, service: sv.slug, serviceName: sv.name })
    .from(bp)
    .innerJoin(sv, eq(sv.id, bp.serviceId))
    .orderBy(asc(sv.name), asc(sv.slug));
  return rows.map((r) => toOverride(r.row, r));
}

function toOverride(row: typeof bp.$inferSelect, s: { service: string; serviceName: string }): PolicyOverride {
  return { service: s.service, serviceName: s.serviceName, ...toPolicy(row), note: row.note, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The policy of each service: its override, else the organisation's, else the built-in default.
 * One query for all of them (the organisation's row and the overrides asked for).
 */
export async function policiesForServices(serviceIds: string[]): Promise<Map<string, EffectivePolicy>> {
  const ids = [...new Set(serviceIds)];
  const out = new Map<string, EffectivePolicy>();
  if (!ids.length) return out;
  const rows = await getDb()
    .select({ serviceId: bp.serviceId, warningBelow: bp.warningBelow, exhaustedBelow: bp.exhaustedBelow, actions: bp.actions })
    .from(bp)
    .where(or(isNull(bp.serviceId), inArray(bp.serviceId, ids)));
  const org = rows.find((r) => r.serviceId === null);
  const base = org ? toPolicy(org) : builtIn();
  const own = new Map(rows.filter((r) => r.serviceId !== null).map((r) => [r.serviceId!, toPolicy(r)]));
  for (const id of ids) {
    const policy = own.get(id);
    out.set(id, policy ? { policy, overridden: true } : { policy: base, overridden: false });
  }
  return out;
}

/**
 * Writes the organisation's row (serviceId null) or a service's. `version` is what the caller read:
 * a number must still match (0 = there was no row), undefined overwrites. Null when refused as stale.
 */
async function writePolicy(serviceId: string | null, p: PolicyInput, updatedBy: string | null, version: number | undefined) {
  const db = getDb();
  const fields = { warningBelow: p.warningBelow, exhaustedBelow: p.exhaustedBelow, actions: p.actions, note: p.note, updatedBy, updatedAt: new Date() };
  const insert = async () => (await db.insert(bp).values({ ...fields, serviceId, version: 1 }).onConflictDoNothing().returning())[0] ?? null;
  const target = serviceId === null ? isNull(bp.serviceId) : eq(bp.serviceId, serviceId);
  const update = async (where: SQL | undefined) =>
    (await db.update(bp).set({ ...fields, version: sql`${bp.version} + 1` }).where(where).returning())[0] ?? null;

  if (version === 0) return insert();
  if (version !== undefined) return update(and(target, eq(bp.version, version)));
  // Overwrite: update, else create; if another writer created it in between, update theirs.
  return (await update(target)) ?? (await insert()) ?? (await update(target));
}

const stale = (what: string) =>
  new AppError("conflict", `Someone else changed ${what} since you opened it. Reload to see their changes; your input is kept.`);

export async function saveOrgPolicy(actor: Principal, input: PolicyWrite, version?: number): Promise<OrgPolicy> {
  assertRole(actor, "admin");
  const p = validate(input);
  const row = await writePolicy(null, p, auditActor(actor).actorId, version);
  if (!row) throw stale("the organisation's policy");
  await recordAudit({
    action: "policy.updated",
    ...auditActor(actor),
    target: "policy:organisation",
    details: { version: row.version, warningBelow: row.warningBelow, exhaustedBelow: row.exhaustedBelow },
  });
  return { ...toPolicy(row), version: row.version };
}

export async function saveServicePolicy(actor: Principal, serviceSlug: string, input: PolicyWrite, version?: number): Promise<PolicyOverride> {
  assertRole(actor, "admin");
  const service = await serviceBySlug(serviceSlug);
  const p = validate(input);
  const row = await writePolicy(service.id, p, auditActor(actor).actorId, version);
  if (!row) throw stale(`the policy of ${service.name}`);
  await recordAudit({
    action: "policy.override_saved",
    ...auditActor(actor),
    target: `service:${service.slug}`,
    details: { version: row.version, warningBelow: row.warningBelow, exhaustedBelow: row.exhaustedBelow },
  });
  return toOverride(row, { service: service.slug, serviceName: service.name });
}

/** The service follows the organisation's policy again. */
export async function removeServicePolicy(actor: Principal, serviceSlug: string): Promise<void> {
  assertRole(actor, "admin");
  const service = await serviceBySlug(serviceSlug);
  const deleted = await getDb().delete(bp).where(eq(bp.serviceId, service.id)).returning({ id: bp.id });
  if (!deleted.length) throw new AppError("not_found", `${service.name} has no policy override.`);
  await recordAudit({ action: "policy.override_removed", ...auditActor(actor), target: `service:${service.slug}` });
}
