import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { DEFAULT_RATES, type CompensationRates } from "./compensation";
import { compensationRatesSchema } from "./schemas";

/**
 * On-call pay rates (the single oncall_settings row): Keel's defaults until an admin saves some.
 * Anyone signed in may read them (the health page shows what the report uses); admins change
 * them, with a version check so two admins never overwrite each other unknowingly.
 */

const s = schema.oncallSettings;

export type RatesDto = CompensationRates & { version: number; edited: boolean };

export async function getRates(actor: Principal): Promise<RatesDto> {
  assertRole(actor, "viewer");
  const [row] = await getDb().select().from(s).where(eq(s.id, 1));
  if (!row) return { ...DEFAULT_RATES, version: 0, edited: false };
  const parsed = compensationRatesSchema.safeParse({ ...DEFAULT_RATES, ...row.rates, currency: row.currency });
  return { ...(parsed.success ? parsed.data : DEFAULT_RATES), version: row.version, edited: true };
}

/** Saves the rates (admin); `version` is the one read (0 before the first save). */
export async function saveRates(actor: Principal, input: unknown, version?: number): Promise<RatesDto> {
  assertRole(actor, "admin");
  const parsed = compensationRatesSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { currency, ...rates } = parsed.data;
  const stale = new AppError("conflict", "Someone else changed the rates since you opened the page. Reload to see them; your input is kept.");
  const saved = await getDb()
    .insert(s)
    .values({ id: 1, rates, currency, version: 1 })
    .onConflictDoUpdate({ target: s.id, set: { rates, currency, version: sql`${s.version} + 1`, updatedAt: new Date() }, ...(version !== undefined ? { setWhere: eq(s.version, version) } : {}) })
    .returning({ version: s.version });
  if (!saved.length) throw stale;
  await recordAudit({ action: "oncall_rates.updated", ...auditActor(actor), target: "on-call rates", details: parsed.data });
  return getRates(actor);
}
