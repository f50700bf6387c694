import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import type { TeamInput } from "@/lib/users/schemas";

export type TeamDto = { id: string; name: string; slug: string; description: string; members: number; services: number };

const t = schema.teams;

export async function listTeams(actor: Principal): Promise<TeamDto[]> {
  assertRole(actor, "viewer");
  return getDb()
    .select({
      id: t.id,
      name: t.name,
      slug: t.slug,
      description: t.description,
      members: sql<number>`(select count(*)::int from ${schema.users} where ${schema.users.teamId} = ${t.id})`,
      services: sql<number>`(select count(*)::int from ${schema.services} where ${schema.services.teamId} = ${t.id})`,
    })
    .from(t)
    .orderBy(asc(t.name));
}

export async function createTeam(actor: Principal, input: TeamInput): Promise<TeamDto> {
  assertRole(actor, "admin");
  const [row] = await getDb().insert(t).values(input).onConflictDoNothing().returning();
  if (!row) throw new AppError("conflict", "A team with this slug already exists.", { slug: ["Already in use."] });
  return { ...row, members: 0, services: 0 };
}

export async function deleteTeam(actor: Principal, slug: string): Promise<void> {
  assertRole(actor, "admin");
  const deleted = await getDb().delete(t).where(eq(t.slug, slug)).returning({ id: t.id });
  if (!deleted.length) throw new AppError("not_found", `No team "${slug}".`);
}
