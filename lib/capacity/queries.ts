import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation, validationError, type FieldErrors } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { capacityDto, type CapacityResourceDto } from "./dto";
import { checkCapacityQueries, type QueryChecker } from "./query-check";
import { capacityFilterSchema, capacityInputSchema, capacityPatchSchema, type CapacityInput, type CapacityPatch, type CapacityValues } from "./schemas";

/**
 * Capacity resources: viewers read, admins create, edit and delete. Every write is validated here
 * (schema, then the queries against Prometheus) whoever calls it: form, API or seed.
 */
const cr = schema.capacityResources;
const svc = schema.services;
const ds = schema.datasources;

const columns = {
  id: cr.id,
  name: cr.name,
  serviceSlug: svc.slug,
  serviceName: svc.name,
  datasourceId: cr.datasourceId,
  datasourceName: ds.name,
  usageQuery: cr.usageQuery,
  limitValue: cr.limitValue,
  limitQuery: cr.limitQuery,
  unit: cr.unit,
  warningLevel: cr.warningLevel,
  lookbackDays: cr.lookbackDays,
  resolutionSeconds: cr.resolutionSeconds,
  template: cr.template,
  version: cr.version,
  createdAt: cr.createdAt,
  updatedAt: cr.updatedAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (id: string) => new AppError("not_found", `No capacity resource with id "${id}".`);

function select() {
  return getDb().select(columns).from(cr).innerJoin(svc, eq(svc.id, cr.serviceId)).leftJoin(ds, eq(ds.id, cr.datasourceId));
}

/** Every resource (or one service's), by service and name. */
export async function listCapacityResources(actor: Principal, filter: { service?: string } = {}): Promise<CapacityResourceDto[]> {
  assertRole(actor, "viewer");
  const parsed = capacityFilterSchema.safeParse(filter);
  if (!parsed.success) throw validationError(parsed.error);
  const { service } = parsed.data;
  const rows = await select()
    .where(service ? eq(svc.slug, service) : undefined)
    .orderBy(asc(svc.name), asc(cr.name));
  return rows.map(capacityDto);
}

export async function getCapacityResource(actor: Principal, id: string): Promise<CapacityResourceDto> {
  assertRole(actor, "viewer");
  if (!UUID.test(id)) throw notFound(id);
  const [row] = await select().where(eq(cr.id, id)).limit(1);
  if (!row) throw notFound(id);
  return capacityDto(row);
}

const invalid = (fields: FieldErrors) => new AppError("bad_request", "Some fields are invalid.", fields);

async function serviceId(slug: string): Promise<string> {
  const [row] = await getDb().select({ id: svc.id }).from(svc).where(eq(svc.slug, slug)).limit(1);
  if (!row) throw invalid({ service: [`No service with slug "${slug}".`] });
  return row.id;
}

async function assertDatasource(id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [row] = await getDb().select({ id: ds.id }).from(ds).where(eq(ds.id, id)).limit(1);
  if (!row) throw invalid({ datasourceId: [`No data source with id "${id}".`] });
}

/** Validates the values, then checks the queries against Prometheus (unless `check` is null); the row's columns. */
async function rowValues(actor: Principal, input: CapacityInput, check: QueryChecker | null) {
  const parsed = capacityInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v: CapacityValues = parsed.data;
  const service = await serviceId(v.service);
  await assertDatasource(v.datasourceId);
  const problems = check ? await check(actor, { datasourceId: v.datasourceId ?? null, usageQuery: v.usageQuery, limitQuery: v.limitQuery ?? null }) : {};
  if (Object.keys(problems).length) throw invalid(problems);
  return {
    serviceId: service,
    name: v.name,
    datasourceId: v.datasourceId ?? null,
    usageQuery: v.usageQuery,
    limitValue: v.limit ?? null,
    limitQuery: v.limitQuery ?? null,
    unit: v.unit,
    warningLevel: v.warningLevel,
    lookbackDays: v.lookbackDays,
    resolutionSeconds: v.resolutionSeconds,
    template: v.template ?? null,
  };
}

const nameTaken = (name: string, service: string) =>
  new AppError("conflict", `The service "${service}" already has a capacity resource named "${name}".`, { name: ["This service already has a resource with this name."] });

/** Creates a resource (admin). `check` runs the queries (tests may pass their own). */
export async function createCapacityResource(actor: Principal, input: CapacityInput, check: QueryChecker = checkCapacityQueries): Promise<CapacityResourceDto> {
  assertRole(actor, "admin");
  const values = await rowValues(actor, input, check);
  let id: string;
  try {
    [{ id }] = await getDb()
      .insert(cr)
      .values({ ...values, createdBy: actor.via === "cli" ? null : actor.userId })
      .returning({ id: cr.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(values.name, input.service);
    throw err;
  }
  await recordAudit({ action: "capacity.created", ...auditActor(actor), target: `capacity:${id}`, details: { name: values.name, service: input.service } });
  return getCapacityResource(actor, id);
}

/** The resource with the patch applied, as a whole input (validated again as one). */
export function mergePatch(current: CapacityResourceDto, patch: Omit<CapacityPatch, "version">): CapacityInput {
  const limitSwitch =
    patch.limit !== undefined && patch.limit !== null
      ? { limit: patch.limit, limitQuery: null }
      : patch.limitQuery !== undefined && patch.limitQuery !== null
        ? { limit: null, limitQuery: patch.limitQuery }
        : { limit: current.limit, limitQuery: current.limitQuery };
  return {
    name: patch.name ?? current.name,
    service: patch.service ?? current.service,
    datasourceId: patch.datasourceId === undefined ? current.datasourceId : patch.datasourceId,
    usageQuery: patch.usageQuery ?? current.usageQuery,
    ...limitSwitch,
    unit: patch.unit ?? current.unit,
    warningLevel: patch.warningLevel ?? current.warningLevel,
    lookbackDays: patch.lookbackDays ?? current.lookbackDays,
    resolutionSeconds: patch.resolutionSeconds ?? current.resolutionSeconds,
    template: patch.template === undefined ? current.template : patch.template,
  };
}

/** Changes a resource (admin); a stale `version` is refused and nothing is lost on the caller's side. */
export async function updateCapacityResource(actor: Principal, id: string, patch: CapacityPatch, check: QueryChecker = checkCapacityQueries): Promise<CapacityResourceDto> {
  assertRole(actor, "admin");
  const parsed = capacityPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const { version, ...changes } = parsed.data;
  const current = await getCapacityResource(actor, id);
  const stale = () => new AppError("conflict", "Someone else changed this resource since you opened it. Reload to see their changes; your input is kept.");
  if (version !== undefined && version !== current.version) throw stale();
  const merged = mergePatch(current, changes);
  // A rename or a new warning level does not need Prometheus; changed queries or data source do.
  const queriesChanged = merged.usageQuery.trim() !== current.usageQuery || (merged.limitQuery?.trim() ?? null) !== current.limitQuery || (merged.datasourceId ?? null) !== current.datasourceId;
  const values = await rowValues(actor, merged, queriesChanged ? check : null);
  let updated: { id: string }[];
  try {
    updated = await getDb()
      .update(cr)
      .set({ ...values, version: sql`${cr.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cr.id, id), eq(cr.version, current.version)))
      .returning({ id: cr.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(values.name, patch.service ?? current.service);
    throw err;
  }
  if (!updated.length) throw stale();
  await recordAudit({ action: "capacity.updated", ...auditActor(actor), target: `capacity:${id}`, details: { name: values.name, fields: Object.keys(changes) } });
  return getCapacityResource(actor, id);
}

export async function deleteCapacityResource(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "admin");
  if (!UUID.test(id)) throw notFound(id);
  const deleted = await getDb().delete(cr).where(eq(cr.id, id)).returning({ id: cr.id, name: cr.name });
  if (!deleted.length) throw notFound(id);
  await recordAudit({ action: "capacity.deleted", ...auditActor(actor), target: `capacity:${id}`, details: { name: deleted[0].name } });
}
