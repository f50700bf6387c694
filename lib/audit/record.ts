import { getDb, schema } from "@/db";
import { logger } from "@/lib/observability/logger";
import { requestMeta } from "@/lib/request-meta";

export type AuditEvent = {
  action: string;
  actorId?: string | null;
  actorEmail?: string | null;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Security events go to the audit_log table and to the log at warn, with actor and IP. */
export async function recordAudit(event: AuditEvent): Promise<void> {
  const meta = await requestMeta();
  const ip = event.ip ?? meta.ip ?? null;
  logger().warn(
    { audit: event.action, actor: event.actorEmail, actorId: event.actorId, target: event.target, ip, requestId: meta.requestId, ...event.details },
    `security: ${event.action}`,
  );
  try {
    await getDb()
      .insert(schema.auditLog)
      .values({
        action: event.action,
        actorId: event.actorId ?? null,
        actorEmail: event.actorEmail ?? null,
        target: event.target ?? null,
        ip,
        details: event.details ?? {},
      });
  } catch (err) {
    logger().error({ err, audit: event.action }, "could not write audit log");
  }
}
