import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { appliedMigrations, expectedMigrations, migrate } from "./migrate";
import { demoUsers, seedDemo } from "./seed";
import { verifyPassword } from "@/lib/auth/passwords";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await freshDatabase()));
afterAll(() => drop());

const counts = async () => {
  const db = getDb();
  const [[u], [s], [t]] = await Promise.all([db.select({ n: count() }).from(schema.users), db.select({ n: count() }).from(schema.services), db.select({ n: count() }).from(schema.teams)]);
  return { users: u.n, services: s.n, teams: t.n };
};

describe("migrations and demo seed", () => {
  it("applies every migration, and applying again changes nothing", async () => {
    expect(await appliedMigrations()).toBe(expectedMigrations());
    await migrate();
    expect(await appliedMigrations()).toBe(expectedMigrations());
  });

  it("seeds a dozen services, teams and one user per role; a second run duplicates nothing", async () => {
    expect((await seedDemo()).created).toBe(true);
    const first = await counts();
    expect(first).toEqual({ users: 3, services: 12, teams: 4 });
    expect((await seedDemo()).created).toBe(false);
    expect(await counts()).toEqual(first);
    const users = await getDb().select().from(schema.users);
    for (const d of demoUsers) {
      const u = users.find((x) => x.email === d.email)!;
      expect(u.role).toBe(d.role);
      expect(await verifyPassword(d.password, u.passwordHash)).toBe(true);
    }
  });
});
