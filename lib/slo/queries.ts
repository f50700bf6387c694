import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { SloDefinition } from "./definition";
import type { SloInput } from "./schemas";

export type SloDto = SloDefinition & {
  id: string;
  serviceId: string;
  serviceName: string;
  owner: string;
  datasourceId: string | null;
  reviewEveryDays: number;
  lastReviewedAt: string | null;
  nextReviewAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const s = schema.slos;
const svc = schema.services;
const DAY = 86_400_000;

const columns = { slo: s, serviceSlug: svc.slug, serviceName: svc.name };

function toDto(r: { slo: typeof s.$inferSelect; serviceSlug: string; serviceName: string }): SloDto {
  const o = r.slo;
  const reviewedFrom = (o.lastReviewedAt ?? o.createdAt).getTime();
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    description: o.description,
    service: r.serviceSlug,
    serviceId: o.serviceId,
    serviceName: r.serviceName,
    owner: o.owner,
    labels: o.labels,
    sli: o.sli,
    target: o.target,
    slaTarget: o.slaTarget ?? undefined,
    alertLevels: o.alertLevels ?? undefined,
    window: o.window,
    budgeting: o.budgeting,
    datasourceId: o.datasourceId,
    reviewEveryDays: o.reviewEveryDays,
    lastReviewedAt: o.lastReviewedAt?.toISOString() ?? null,
    nextReviewAt: new Date(reviewedFrom + o.reviewEveryDays * DAY).toISOString(),
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function listSlos(actor: Principal, f: { service?: string } = {}): Promise<SloDto[]> {
  assertRole(actor, "viewer");
  const rows = await getDb()
    .select(columns)
    .from(s)
    .innerJoin(svc, eq(svc.id, s.serviceId))
    .where(f.service ? eq(svc.slug, f.service) : undefined)
    .orderBy(asc(svc.name), asc(s.name));
  return rows.map(toDto);
}

export async function getSlo(actor: Principal, id: string): Promise<SloDto> {
  assertRole(actor, "viewer");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", `No SLO with id "${id}".`);
  const [row] = await getDb().select(columns).from(s).innerJoin(svc, eq(svc.id, s.serviceId)).where(eq(s.id, id)).limit(1);
  if (!row) throw new AppError("not_found", `No SLO with id "${id}".`);
  return toDto(row);
}

async function serviceId(slug: string): Promise<string> {
  const [row] = await getDb().select({ id: svc.id }).from(svc).where(eq(svc.slug, slug)).limit(1);
  if (!row) throw new AppError("bad_request", "Some fields are invalid.", { service: [`No service with slug "${slug}".`] });
  return row.id;
}

/** The columns an SLO input sets (shared by the form/API and the importer). */
export function sloRowValues(input: SloInput, service: string) {
  return {
    serviceId: service,
    datasourceId: input.datasourceId ?? null,
    slug: input.slug,
    name: input.name,
    description: input.description,
    owner: input.owner,
    labels: input.labels,
    sli: input.sli,
    target: input.target,
    slaTarget: input.slaTarget ?? null,
    alertLevels: input.alertLevels && Object.values(input.alertLevels).some((v) => v !== undefined) ? input.alertLevels : null,
    window: input.window,
    budgeting: input.budgeting,
    reviewEveryDays: input.reviewEveryDays,
  };
}

const slugTaken = (slug: string) => new AppError("conflict", `An SLO named "${slug}" already exists.`, { slug: ["This slug is already taken."] });

export async function createSlo(actor: Principal, input: SloInput): Promise<SloDto> {
  assertRole(actor, "admin");
  let id: string;
  try {
    [{ id }] = await getDb().insert(s).values(sloRowValues(input, await serviceId(input.service))).returning({ id: s.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug);
    throw err;
  }
  await recordAudit({ action: "slo.created", ...auditActor(actor), target: `slo:${input.slug}` });
  return getSlo(actor, id);
}

export async function updateSlo(actor: Principal, id: string, input: SloInput, version?: number): Promise<SloDto> {
  assertRole(actor, "admin");
  const current = await getSlo(actor, id);
  const where = version === undefined ? eq(s.id, id) : and(eq(s.id, id), eq(s.version, version));
  let updated: { id: string }[];
  try {
    updated = await getDb()
      .update(s)
      .set({ ...sloRowValues(input, await serviceId(input.service)), version: current.version + 1, updatedAt: new Date() })
      .where(where)
      .returning({ id: s.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug);
    throw err;
  }
  if (!updated.length) throw new AppError("conflict", "Someone else changed this SLO since you opened it. Reload to see their changes; your input is kept.");
  await recordAudit({ action: "slo.updated", ...auditActor(actor), target: `slo:${input.slug}` });
  return getSlo(actor, id);
}

export async function markSloReviewed(actor: Principal, id: string): Promise<SloDto> {
  assertRole(actor, "admin");
  await getSlo(actor, id);
  await getDb().update(s).set({ lastReviewedAt: new Date() }).where(eq(s.id, id));
  return getSlo(actor, id);
}

export async function deleteSlo(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "admin");
  const slo = await getSlo(actor, id);
  await getDb().delete(s).where(eq(s.id, id));
  await recordAudit({ action: "slo.deleted", ...auditActor(actor), target: `slo:${slo.slug}` });
}
