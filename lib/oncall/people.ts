import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { PersonDto } from "./dto";

const u = schema.users;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Reader = Pick<ReturnType<typeof getDb>, "select">;

/** People by id (unknown ids are left out). */
export async function peopleById(ids: Iterable<string>, db: Reader = getDb()): Promise<Map<string, PersonDto>> {
  const list = [...new Set(ids)].filter((id) => UUID.test(id));
  const out = new Map<string, PersonDto>();
  if (!list.length) return out;
  const rows = await db.select({ id: u.id, email: u.email, name: u.name, timeZone: u.timeZone }).from(u).where(inArray(u.id, list));
  for (const r of rows) out.set(r.id, r);
  return out;
}

/** A person shown when their row is gone (deleted users keep their place in history). */
export const unknownPerson = (id: string): PersonDto => ({ id, email: "", name: "Unknown person", timeZone: "UTC" });

export const personOf = (people: Map<string, PersonDto>, id: string) => people.get(id) ?? unknownPerson(id);

/**
 * Resolves references (a user's id or email, any case) to active users. Returns the id per
 * reference, or null where none matches or the user is disabled, with the reason.
 */
export async function resolvePeople(refs: string[], db: Reader = getDb()): Promise<{ ids: (string | null)[]; problems: (string | null)[] }> {
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const emails = refs.filter((r) => !UUID.test(r)).map((r) => r.toLowerCase());
  const rows = ids.length || emails.length
    ? await db
        .select({ id: u.id, email: u.email, disabled: u.disabled })
        .from(u)
        .where(sql`${ids.length ? inArray(u.id, ids) : sql`false`} or ${emails.length ? inArray(sql`lower(${u.email})`, emails) : sql`false`}`)
    : [];
  const out = refs.map((ref) => rows.find((r) => (UUID.test(ref) ? r.id === ref.toLowerCase() : r.email.toLowerCase() === ref.toLowerCase())));
  return {
    ids: out.map((r) => (r && !r.disabled ? r.id : null)),
    problems: out.map((r, i) => (!r ? `No user "${refs[i]}".` : r.disabled ? `${r.email} is disabled.` : null)),
  };
}

/** Active people to pick from (viewer and up), by name. */
export async function listPeople(): Promise<PersonDto[]> {
  const rows = await getDb().select({ id: u.id, email: u.email, name: u.name, timeZone: u.timeZone }).from(u).where(sql`not ${u.disabled}`).orderBy(u.name);
  return rows;
}
