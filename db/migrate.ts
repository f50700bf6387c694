import path from "node:path";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { dbHandle } from "./index";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies pending migrations. Safe to call from several processes at once (advisory lock). */
export async function migrate(): Promise<void> {
  const { kind, db, url } = dbHandle();
  if (kind === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A session lock on its own connection serialises Keel processes starting at the same time.
  const lock = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(hashtext('keel-migrate'))`;
    await migratePg(db, { migrationsFolder });
  } finally {
    await lock`select pg_advisory_unlock(hashtext('keel-migrate'))`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}

/** Number of migrations shipped with this build. */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrations(): Promise<number> {
  const { db } = dbHandle();
  try {
    const rows = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown;
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
    return Number((list[0] as { n: number }).n);
  } catch {
    return 0;
  }
}
