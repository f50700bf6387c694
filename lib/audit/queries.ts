import "server-only";
import { desc, lt } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertRole, type Principal } from "@/lib/auth/roles";

export type AuditEntry = {
  id: number;
  at: string;
  action: string;
  actorEmail: string | null;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export async function listAudit(actor: Principal, opts: { before?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  assertRole(actor, "admin");
  const a = schema.auditLog;
  const rows = await getDb()
    .select()
    .from(a)
    .where(opts.before ? lt(a.id, opts.before) : undefined)
    .orderBy(desc(a.id))
    .limit(Math.min(opts.limit ?? 100, 500));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actorEmail: r.actorEmail,
    target: r.target,
    ip: r.ip,
    details: r.details,
  }));
}
