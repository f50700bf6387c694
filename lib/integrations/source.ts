import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { AllResolvedAction, MappingRule } from "@/db/schema/integrations";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { severityOf, type Severity } from "@/lib/incidents/severity";
import { hashIntegrationSecret, secretPrefix } from "./secret";

/** Who delivers alerts, and the settings their alerts are ingested with. */
export type IngestSource = {
  integrationId: string | null;
  /** Recorded on deliveries and in the audit log: "integration:<name>" or the token's user email. */
  label: string;
  actorId: string | null;
  onAllResolved: AllResolvedAction;
  defaultSeverity: Severity;
  rules: MappingRule[];
};

/** Keel's defaults for deliveries with an API token and no integration chosen. */
export const DEFAULT_SETTINGS = { onAllResolved: "monitoring", defaultSeverity: "SEV3", rules: [] } as const satisfies Pick<IngestSource, "onAllResolved" | "defaultSeverity" | "rules">;

const t = schema.integrations;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(where: ReturnType<typeof eq>): Promise<Omit<IngestSource, "actorId"> | null> {
  const [row] = await getDb()
    .select({ id: t.id, name: t.name, onAllResolved: t.onAllResolved, defaultSeverity: t.defaultSeverity, rules: t.rules })
    .from(t)
    .where(where)
    .limit(1);
  if (!row) return null;
  return { integrationId: row.id, label: `integration:${row.name}`, onAllResolved: row.onAllResolved, defaultSeverity: severityOf(row.defaultSeverity), rules: row.rules };
}

/** The integration whose secret URL was called, or null for an unknown (or rotated) secret. */
export async function sourceForSecret(secret: string): Promise<IngestSource | null> {
  if (!secret.startsWith(secretPrefix) || secret.length > 200) return null;
  const found = await load(eq(t.secretHash, hashIntegrationSecret(secret)));
  return found && { ...found, actorId: null };
}

/**
 * A delivery with an API token (responder and up). `integration` (an id or name, from the query
 * string) selects an integration's settings; without it Keel's defaults apply.
 */
export async function sourceForPrincipal(principal: Principal, integration?: string | null): Promise<IngestSource> {
  assertRole(principal, "responder");
  const actor = { actorId: principal.via === "cli" ? null : principal.userId, label: principal.email };
  if (!integration) return { integrationId: null, ...DEFAULT_SETTINGS, rules: [], ...actor };
  const found = await load(UUID.test(integration) ? eq(t.id, integration.toLowerCase()) : eq(t.name, integration));
  if (!found) throw new AppError("bad_request", `No integration "${integration}".`, { integration: [`No integration "${integration}".`] });
  return { ...found, ...actor };
}
