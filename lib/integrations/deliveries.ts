import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertRole, type Principal } from "@/lib/auth/roles";

/** One stored webhook delivery as admins see it (the raw payload stays in the database for audit). */
export type DeliveryDto = {
  id: number;
  receivedAt: string;
  source: string;
  status: string;
  alertCount: number;
  outcome: string;
  incident: { id: string; ref: string } | null;
};

const d = schema.alertDeliveries;
const i = schema.incidents;

/** The latest deliveries, newest first, of one integration or of every source (admin). */
export async function listDeliveries(actor: Principal, opts: { integrationId?: string; limit?: number } = {}): Promise<DeliveryDto[]> {
  assertRole(actor, "admin");
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  const q = getDb()
    .select({ id: d.id, receivedAt: d.receivedAt, source: d.source, status: d.status, alertCount: d.alertCount, outcome: d.outcome, incidentId: i.id, incidentNumber: i.number })
    .from(d)
    .leftJoin(i, eq(i.id, d.incidentId));
  const rows = await (opts.integrationId ? q.where(eq(d.integrationId, opts.integrationId)) : q).orderBy(desc(d.receivedAt), desc(d.id)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    source: r.source,
    status: r.status,
    alertCount: r.alertCount,
    outcome: r.outcome,
    incident: r.incidentId && r.incidentNumber !== null ? { id: r.incidentId, ref: `INC-${r.incidentNumber}` } : null,
  }));
}
