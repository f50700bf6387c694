import "server-only";
import { and, asc, eq, gt, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { ServiceFilter, ServiceInput, ServicePatch } from "./schemas";

export type ServiceDto = {
  id: string;
  name: string;
  slug: string;
  description: string;
  team: { slug: string; name: string } | null;
  tier: number;
  public: boolean;
  links: { runbook?: string; repository?: string; dashboard?: string };
  labels: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const s = schema.services;
const t = schema.teams;

const columns = {
  id: s.id,
  name: s.name,
  slug: s.slug,
  description: s.description,
  tier: s.tier,
  public: s.public,
  links: s.links,
  labels: s.labels,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  teamSlug: t.slug,
  teamName: t.name,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] | null };

function toDto(r: Row): ServiceDto {
  return {
    id: r.id!,
    name: r.name!,
    slug: r.slug!,
    description: r.description ?? "",
    team: r.teamSlug ? { slug: r.teamSlug, name: r.teamName ?? r.teamSlug } : null,
    tier: r.tier!,
    public: Boolean(r.public),
    links: r.links ?? {},
    labels: r.labels ?? {},
    version: r.version!,
    createdAt: r.createdAt!.toISOString(),
    updatedAt: r.updatedAt!.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Services matching the filters, ordered by name, keyset-paginated. */
export async function listServices(actor: Principal, f: Partial<ServiceFilter> = {}): Promise<{ items: ServiceDto[]; nextCursor: string | null }> {
  assertRole(actor, "viewer");
  const limit = f.limit ?? 50;
  const where: (SQL | undefined)[] = [];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(s.name, pattern), ilike(s.slug, pattern), ilike(s.description, pattern)));
  }
  if (f.team) where.push(eq(t.slug, f.team));
  if (f.tier) where.push(eq(s.tier, f.tier));
  if (f.public) where.push(eq(s.public, f.public === "true"));
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  if (cursor) where.push(or(gt(s.name, cursor[0]), and(eq(s.name, cursor[0]), gt(s.id, cursor[1]))));
  const rows = await getDb()
    .select(columns)
    .from(s)
    .leftJoin(t, eq(t.id, s.teamId))
    .where(and(...where))
    .orderBy(asc(s.name), asc(s.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toDto);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}

export async function getService(actor: Principal, slug: string): Promise<ServiceDto> {
  assertRole(actor, "viewer");
  const [row] = await getDb().select(columns).from(s).leftJoin(t, eq(t.id, s.teamId)).where(eq(s.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", `No service with slug "${slug}".`);
  return toDto(row);
}

async function teamId(slug: string | null | undefined): Promise<string | null> {
  if (!slug) return null;
  const [team] = await getDb().select({ id: t.id }).from(t).where(eq(t.slug, slug)).limit(1);
  if (!team) throw new AppError("bad_request", "Some fields are invalid.", { team: [`No team with slug "${slug}".`] });
  return team.id;
}

function slugTaken(slug: string): AppError {
  return new AppError("conflict", `The slug "${slug}" is already used by another service.`, { slug: ["This slug is already taken."] });
}

export async function createService(actor: Principal, input: ServiceInput): Promise<ServiceDto> {
  assertRole(actor, "admin");
  try {
    await getDb()
      .insert(s)
      .values({ ...input, teamId: await teamId(input.team), links: compact(input.links) });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug);
    throw err;
  }
  return getService(actor, input.slug);
}

export async function updateService(actor: Principal, slug: string, patch: ServicePatch): Promise<ServiceDto> {
  assertRole(actor, "admin");
  const { version, team, links, ...rest } = patch;
  const values: Partial<typeof s.$inferInsert> = { ...rest, updatedAt: new Date(), version: sql`${s.version} + 1` as unknown as number };
  if (team !== undefined) values.teamId = await teamId(team);
  if (links !== undefined) values.links = compact(links);
  const where = version === undefined ? eq(s.slug, slug) : and(eq(s.slug, slug), eq(s.version, version));
  let updated: { slug: string }[];
  try {
    updated = await getDb().update(s).set(values).where(where).returning({ slug: s.slug });
  } catch (err) {
    if (isUniqueViolation(err) && patch.slug) throw slugTaken(patch.slug);
    throw err;
  }
  if (updated.length === 0) {
    await getService(actor, slug); // 404 when it does not exist at all
    throw new AppError("conflict", "Someone else changed this service since you opened it. Reload to see their changes; your input is kept below.");
  }
  return getService(actor, updated[0].slug);
}

export async function deleteService(actor: Principal, slug: string): Promise<void> {
  assertRole(actor, "admin");
  const deleted = await getDb().delete(s).where(eq(s.slug, slug)).returning({ id: s.id });
  if (deleted.length === 0) throw new AppError("not_found", `No service with slug "${slug}".`);
}

export async function serviceCounts(actor: Principal): Promise<{ total: number; byTier: Record<number, number>; public: number }> {
  assertRole(actor, "viewer");
  const rows = await getDb()
    .select({ tier: s.tier, n: sql<number>`count(*)::int`, pub: sql<number>`count(*) filter (where ${s.public})::int` })
    .from(s)
    .groupBy(s.tier);
  const byTier: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  let total = 0;
  let pub = 0;
  for (const r of rows) {
    byTier[r.tier] = r.n;
    total += r.n;
    pub += r.pub;
  }
  return { total, byTier, public: pub };
}

function compact<T extends Record<string, string | undefined>>(o: T): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

/** For the public status page: names of the services marked public, and nothing else. */
export async function publicServices(): Promise<{ name: string; slug: string }[]> {
  return getDb().select({ name: s.name, slug: s.slug }).from(s).where(eq(s.public, true)).orderBy(asc(s.name));
}
