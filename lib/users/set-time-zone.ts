import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { canonicalTimeZone } from "@/lib/oncall/zone";

/** Sets my own time zone (anyone signed in); an unknown zone is a field error. Returns the canonical IANA name. */
export async function setMyTimeZone(actor: Principal, zone: string): Promise<string> {
  assertRole(actor, "viewer");
  if (actor.via === "cli") throw new AppError("bad_request", "The admin CLI has no time zone of its own.");
  const name = canonicalTimeZone(zone.trim());
  if (!name) throw new AppError("bad_request", "Some fields are invalid.", { timeZone: [`Unknown time zone "${zone}"; use an IANA name such as Europe/London or America/Chicago.`] });
  const updated = await getDb().update(schema.users).set({ timeZone: name }).where(eq(schema.users.id, actor.userId)).returning({ id: schema.users.id });
  if (!updated.length) throw new AppError("unauthorized", "Sign in again.");
  return name;
}
