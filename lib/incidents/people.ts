import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assertRole, hasRole, type Principal } from "@/lib/auth/roles";
import type { Tx } from "./lookup";
import type { Person } from "./changes";

export type { Person };

const u = schema.users;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Users by id, for DTOs (missing ids are left out). */
export async function peopleById(ids: (string | null | undefined)[], db: ReturnType<typeof getDb> | Tx = getDb()): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: u.id, name: u.name, email: u.email }).from(u).where(inArray(u.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Resolves users given by id or email, per field. For taking a role (`forRole`) each must be
 * enabled and hold at least the responder role (a viewer cannot run an incident); to be removed
 * from one, existing is enough. Throws one 400 naming every reference that does not fit.
 */
export async function resolvePeople(tx: Tx, byField: Record<string, string[]>, forRole = true): Promise<Record<string, Person[]>> {
  const refs = [...new Set(Object.values(byField).flat())];
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const emails = refs.filter((r) => !UUID.test(r)).map((r) => r.toLowerCase());
  const rows = refs.length
    ? await tx
        .select({ id: u.id, name: u.name, email: u.email, role: u.role, disabled: u.disabled })
        .from(u)
        .where(or(ids.length ? inArray(u.id, ids) : undefined, emails.length ? inArray(sql`lower(${u.email})`, emails) : undefined))
    : [];
  const find = (ref: string) => rows.find((r) => r.id === ref.toLowerCase() || r.email.toLowerCase() === ref.toLowerCase());
  const fields: FieldErrors = {};
  const out: Record<string, Person[]> = {};
  for (const [field, list] of Object.entries(byField)) {
    out[field] = [];
    for (const ref of list) {
      const row = find(ref);
      const problem = !row || (forRole && row.disabled) ? `No ${forRole ? "active " : ""}user "${ref}".` : forRole && !hasRole(row.role, "responder") ? `${row.email} is a viewer; incident roles need the responder role.` : null;
      if (problem) (fields[field] ??= []).push(problem);
      else if (row) out[field].push({ id: row.id, name: row.name, email: row.email });
    }
  }
  if (Object.keys(fields).length) throw new AppError("bad_request", "Some fields are invalid.", fields);
  return out;
}

/**
 * The people who may take an incident role: enabled users with the responder role or above, by
 * name. For the role pickers, which only responders see (the users list in settings is admin-only).
 */
export async function assignablePeople(actor: Principal): Promise<Person[]> {
  assertRole(actor, "responder");
  return getDb()
    .select({ id: u.id, name: u.name, email: u.email })
    .from(u)
    .where(and(eq(u.disabled, false), inArray(u.role, ["responder", "admin"])))
    .orderBy(asc(u.name), asc(u.email));
}
