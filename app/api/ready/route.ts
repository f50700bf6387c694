import { sql } from "drizzle-orm";
import { dbHandle } from "@/db";
import { appliedMigrations, expectedMigrations } from "@/db/migrate";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every migration of this build is applied. */
export async function GET() {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  try {
    await dbHandle().db.execute(sql`select 1`);
    checks.database = { ok: true, detail: dbHandle().kind };
  } catch (err) {
    // The reason goes to the log, not to anonymous callers.
    logger().error({ err }, "readiness: database unreachable");
    checks.database = { ok: false, detail: "unreachable" };
  }
  if (checks.database.ok) {
    const [applied, expected] = [await appliedMigrations(), expectedMigrations()];
    checks.migrations = { ok: applied >= expected, detail: `${applied}/${expected} applied` };
  }
  const ready = Object.values(checks).every((c) => c.ok);
  return Response.json({ status: ready ? "ready" : "not ready", checks }, { status: ready ? 200 : 503 });
}
