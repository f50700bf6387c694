import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertRole, type Principal } from "@/lib/auth/roles";

/**
 * The schedules to show for some services until escalation policies map services to schedules:
 * those whose team owns one of the services, or every schedule when none does (viewer and up).
 */
export async function schedulesForServices(actor: Principal, serviceSlugs: string[]): Promise<{ ids: string[]; matched: boolean }> {
  assertRole(actor, "viewer");
  const db = getDb();
  const all = await db.select({ id: schema.schedules.id, teamId: schema.schedules.teamId }).from(schema.schedules);
  if (!serviceSlugs.length) return { ids: all.map((s) => s.id), matched: false };
  const teams = new Set(
    (await db.select({ teamId: schema.services.teamId }).from(schema.services).where(inArray(schema.services.slug, serviceSlugs))).flatMap((s) => (s.teamId ? [s.teamId] : [])),
  );
  const owned = all.filter((s) => s.teamId && teams.has(s.teamId)).map((s) => s.id);
  return owned.length ? { ids: owned, matched: true } : { ids: all.map((s) => s.id), matched: false };
}
