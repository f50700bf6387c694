import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, type Principal, type Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record";
import type { UserInput } from "./schemas";

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  team: string | null;
  disabled: boolean;
  hasPassword: boolean;
  lastLoginAt: string | null;
};

const u = schema.users;

export async function listUsers(actor: Principal): Promise<UserDto[]> {
  assertRole(actor, "admin");
  const rows = await getDb()
    .select({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, hash: u.passwordHash, lastLoginAt: u.lastLoginAt, team: schema.teams.slug })
    .from(u)
    .leftJoin(schema.teams, eq(schema.teams.id, u.teamId))
    .orderBy(asc(u.email));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    team: r.team,
    disabled: r.disabled,
    hasPassword: Boolean(r.hash),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }));
}

export async function createUser(actor: Principal, input: UserInput): Promise<UserDto> {
  assertRole(actor, "admin");
  const db = getDb();
  let teamId: string | null = null;
  if (input.team) {
    const [team] = await db.select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, input.team));
    if (!team) throw new AppError("bad_request", "Some fields are invalid.", { team: [`No team "${input.team}".`] });
    teamId = team.id;
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const [row] = await db
    .insert(u)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash, teamId })
    .onConflictDoNothing()
    .returning({ id: u.id });
  if (!row) throw new AppError("conflict", "A user with this email already exists.", { email: ["Already in use."] });
  await recordAudit({ action: "user.created", ...auditActor(actor), target: input.email, details: { role: input.role } });
  const users = await listUsers(actor);
  return users.find((x) => x.id === row.id)!;
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Active admins other than `exceptId`, with their rows locked so two demotions cannot both pass. */
async function adminsLeft(tx: Tx, exceptId: string): Promise<number> {
  const rows = await tx
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.role, "admin"), eq(u.disabled, false), ne(u.id, exceptId)))
    .for("update");
  return rows.length;
}

export async function setUserRole(actor: Principal, userId: string, role: Role): Promise<void> {
  assertRole(actor, "admin");
  const target = await getDb().transaction(async (tx) => {
    const [t] = await tx.select({ email: u.email, role: u.role }).from(u).where(eq(u.id, userId)).for("update");
    if (!t) throw new AppError("not_found", "No such user.");
    if (t.role === role) return null;
    if (t.role === "admin" && (await adminsLeft(tx, userId)) === 0) {
      throw new AppError("conflict", "Keel needs at least one active admin; promote someone else first.");
    }
    await tx.update(u).set({ role }).where(eq(u.id, userId));
    return t;
  });
  if (!target) return;
  await recordAudit({ action: "user.role_changed", ...auditActor(actor), target: target.email, details: { from: target.role, to: role } });
}

export async function setUserDisabled(actor: Principal, userId: string, disabled: boolean): Promise<void> {
  assertRole(actor, "admin");
  const target = await getDb().transaction(async (tx) => {
    const [t] = await tx.select({ email: u.email, role: u.role }).from(u).where(eq(u.id, userId)).for("update");
    if (!t) throw new AppError("not_found", "No such user.");
    if (disabled && t.role === "admin" && (await adminsLeft(tx, userId)) === 0) {
      throw new AppError("conflict", "Keel needs at least one active admin.");
    }
    await tx.update(u).set({ disabled }).where(eq(u.id, userId));
    return t;
  });
  await recordAudit({ action: disabled ? "user.disabled" : "user.enabled", ...auditActor(actor), target: target.email });
}

export async function userIdByEmail(email: string): Promise<string | null> {
  const [r] = await getDb().select({ id: u.id }).from(u).where(eq(sql`lower(${u.email})`, email.toLowerCase()));
  return r?.id ?? null;
}
