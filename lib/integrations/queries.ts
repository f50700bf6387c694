import "server-only";
import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { AllResolvedAction, IntegrationKind, MappingRule } from "@/db/schema/integrations";
import { AppError, isUniqueViolation, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { severityLevel, severityOf, type Severity } from "@/lib/incidents/severity";
import { integrationInputSchema, integrationPatchSchema, type IntegrationInput, type IntegrationPatch } from "./schemas";
import { generateIntegrationSecret, webhookPath } from "./secret";

/** An integration as admins see it: the secret itself is never shown again, only its prefix. */
export type IntegrationDto = {
  id: string;
  kind: IntegrationKind;
  name: string;
  secretPrefix: string;
  onAllResolved: AllResolvedAction;
  defaultSeverity: Severity;
  rules: MappingRule[];
  version: number;
  lastDeliveryAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Returned when a secret is issued (creation, rotation): the only time it is shown. */
export type IntegrationWithSecretDto = IntegrationDto & { secret: string; webhookPath: string };

const t = schema.integrations;
const deliveries = schema.alertDeliveries;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { secretHash, ...columns } = getTableColumns(t);
void secretHash;
// Written out with aliases: drizzle leaves column names unqualified in a single-table select.
const lastDelivery = sql`(select max(ad.received_at) from alert_deliveries ad where ad.integration_id = "integrations"."id")`.mapWith(deliveries.receivedAt);
type Row = Omit<typeof t.$inferSelect, "secretHash"> & { lastDeliveryAt: Date | null };

function toDto(r: Row): IntegrationDto {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    secretPrefix: r.secretPrefix,
    onAllResolved: r.onAllResolved,
    defaultSeverity: severityOf(r.defaultSeverity),
    rules: r.rules,
    version: r.version,
    lastDeliveryAt: r.lastDeliveryAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function rowOf(ref: string): Promise<Row> {
  const where = UUID.test(ref) ? eq(t.id, ref.toLowerCase()) : eq(t.name, ref);
  const [row] = await getDb()
    .select({ ...columns, lastDeliveryAt: lastDelivery })
    .from(t)
    .where(where)
    .limit(1);
  if (!row) throw new AppError("not_found", `No integration "${ref}".`);
  return row;
}

const nameTaken = (name: string) => new AppError("conflict", `An integration named "${name}" already exists.`, { name: ["This name is already taken."] });

export async function listIntegrations(actor: Principal): Promise<IntegrationDto[]> {
  assertRole(actor, "admin");
  const rows = await getDb()
    .select({ ...columns, lastDeliveryAt: lastDelivery })
    .from(t)
    .orderBy(asc(t.name));
  return rows.map(toDto);
}

/** One integration by id or name (admin). */
export async function getIntegration(actor: Principal, ref: string): Promise<IntegrationDto> {
  assertRole(actor, "admin");
  return toDto(await rowOf(ref));
}

/** Creates an Alertmanager integration (admin); its secret URL is in the answer, and only there. */
export async function createIntegration(actor: Principal, input: IntegrationInput): Promise<IntegrationWithSecretDto> {
  assertRole(actor, "admin");
  const parsed = integrationInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const secret = generateIntegrationSecret();
  let id: string;
  try {
    [{ id }] = await getDb()
      .insert(t)
      .values({ name: v.name, secretHash: secret.hash, secretPrefix: secret.prefix, onAllResolved: v.onAllResolved, defaultSeverity: severityLevel(v.defaultSeverity), rules: v.rules, createdBy: auditActor(actor).actorId })
      .returning({ id: t.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(v.name);
    throw err;
  }
  await recordAudit({ action: "integration.created", ...auditActor(actor), target: `integration:${v.name}`, details: { id, onAllResolved: v.onAllResolved, defaultSeverity: v.defaultSeverity, rules: v.rules.length } });
  return { ...toDto(await rowOf(id)), secret: secret.secret, webhookPath: webhookPath(secret.secret) };
}

/**
 * Changes an integration (admin). `version` refuses a stale change; `rotateSecret: true` issues a
 * new secret URL (in the answer) and the old one stops working at once.
 */
export async function updateIntegration(actor: Principal, ref: string, patch: IntegrationPatch): Promise<IntegrationDto | IntegrationWithSecretDto> {
  assertRole(actor, "admin");
  const parsed = integrationPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const p = parsed.data;
  const row = await rowOf(ref);
  const stale = () => new AppError("conflict", "Someone else changed this integration since you opened it. Reload to see their changes; your input is kept.");
  if (p.version !== undefined && p.version !== row.version) throw stale();
  const secret = p.rotateSecret ? generateIntegrationSecret() : undefined;
  const values: Partial<typeof t.$inferInsert> = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.onAllResolved !== undefined ? { onAllResolved: p.onAllResolved } : {}),
    ...(p.defaultSeverity !== undefined ? { defaultSeverity: severityLevel(p.defaultSeverity) } : {}),
    ...(p.rules !== undefined ? { rules: p.rules } : {}),
    ...(secret ? { secretHash: secret.hash, secretPrefix: secret.prefix } : {}),
  };
  const changed = Object.keys(p).filter((k) => k !== "version");
  if (changed.length) {
    try {
      const updated = await getDb()
        .update(t)
        .set({ ...values, version: row.version + 1, updatedAt: new Date() })
        .where(and(eq(t.id, row.id), eq(t.version, row.version)))
        .returning({ id: t.id });
      if (!updated.length) throw stale();
    } catch (err) {
      if (isUniqueViolation(err) && p.name) throw nameTaken(p.name);
      throw err;
    }
    await recordAudit({ action: secret ? "integration.secret_rotated" : "integration.updated", ...auditActor(actor), target: `integration:${p.name ?? row.name}`, details: { id: row.id, changed } });
  }
  const dto = toDto(await rowOf(row.id));
  return secret ? { ...dto, secret: secret.secret, webhookPath: webhookPath(secret.secret) } : dto;
}

/** Deletes an integration (admin); its URL stops working. Incidents and stored deliveries stay. */
export async function deleteIntegration(actor: Principal, ref: string): Promise<void> {
  assertRole(actor, "admin");
  const row = await rowOf(ref);
  await getDb().delete(t).where(eq(t.id, row.id));
  await recordAudit({ action: "integration.deleted", ...auditActor(actor), target: `integration:${row.name}`, details: { id: row.id } });
}
