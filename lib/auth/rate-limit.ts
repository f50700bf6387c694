import { and, count, eq, gt, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { env } from "@/lib/env";

/**
 * Failed sign-ins are counted in PostgreSQL, so the limit holds across Keel instances.
 * An email is locked after LOGIN_MAX_FAILURES failures in the window; an address after four times that.
 */
export async function loginBlocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const { LOGIN_MAX_FAILURES: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const since = new Date(now.getTime() - minutes * 60_000);
  const a = schema.loginAttempts;
  const db = getDb();
  const [byEmail] = await db
    .select({ n: count() })
    .from(a)
    .where(and(eq(a.email, email), eq(a.success, false), gt(a.at, since)));
  if (byEmail.n >= max) return true;
  if (!ip || !isIp(ip)) return false;
  const [byIp] = await db
    .select({ n: count() })
    .from(a)
    .where(and(sql`${a.ip} = ${ip}::inet`, eq(a.success, false), gt(a.at, since)));
  return byIp.n >= max * 4;
}

/** Records an attempt; returns its id so a success can be marked after the password checks out. */
export async function recordLoginAttempt(email: string, ip: string | null, success: boolean): Promise<number> {
  const [row] = await getDb()
    .insert(schema.loginAttempts)
    .values({ email, ip: ip && isIp(ip) ? ip : null, success })
    .returning({ id: schema.loginAttempts.id });
  return row.id;
}

export async function markLoginSucceeded(id: number): Promise<void> {
  await getDb().update(schema.loginAttempts).set({ success: true }).where(eq(schema.loginAttempts.id, id));
}

function isIp(s: string): boolean {
  return /^[0-9a-fA-F:.]+$/.test(s);
}
