import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { Principal } from "@/lib/auth/roles";

/** The signed-in person's time zone (UTC for the admin CLI and until they choose one). */
export async function timeZoneOf(p: Principal): Promise<string> {
  if (p.via === "cli") return "UTC";
  const [row] = await getDb().select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, p.userId)).limit(1);
  return row?.timeZone ?? "UTC";
}
