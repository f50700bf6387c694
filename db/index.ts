import path from "node:path";
import { mkdirSync } from "node:fs";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { trackPool } from "@/lib/observability/db-pool";

export type Db = PostgresJsDatabase<typeof schema>;
export type DbKind = "postgres" | "pglite";

export type Handle = { kind: DbKind; db: Db; close: () => Promise<void>; url?: string };

// One client per process, kept on globalThis so the custom server, the app bundle and
// dev-mode reloads all share it (PGlite allows a single opener of its data directory).
const g = globalThis as unknown as { __keelDb?: Handle };

export function pgliteDir(): string {
  return path.resolve(env().KEEL_DATA_DIR, "pglite");
}

export function openDb(url = env().DATABASE_URL): Handle {
  if (url) {
    const sql = postgres(url, { max: env().DATABASE_POOL_MAX, onnotice: () => {} });
    trackPool(sql, env().DATABASE_POOL_MAX);
    return { kind: "postgres", db: drizzlePg(sql, { schema }), close: () => sql.end({ timeout: 5 }), url };
  }
  const dir = pgliteDir();
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema }) as unknown as Db,
    close: () => client.close(),
  };
}

export function dbHandle(): Handle {
  g.__keelDb ??= openDb();
  return g.__keelDb;
}

/** The database. Every query in Keel goes through this. */
export function getDb(): Db {
  return dbHandle().db;
}

/** Tests and scripts install their own handle (a fresh database per run). */
export function setDbHandle(handle: Handle | undefined): void {
  g.__keelDb = handle;
}

export async function closeDb(): Promise<void> {
  const h = g.__keelDb;
  g.__keelDb = undefined;
  await h?.close();
}

export { schema };
