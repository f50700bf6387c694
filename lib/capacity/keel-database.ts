import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { dbHandle } from "@/db";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import type { KeelDatabaseReport } from "./keel-database-text";

/**
 * Keel's own database as a capacity resource: connections against max_connections, the database's
 * size and its largest tables, read from pg_stat_activity, pg_database_size and the catalogue.
 * Only on PostgreSQL (DATABASE_URL): the embedded database has no server to run out of.
 */
const TABLES = 10;

async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await dbHandle().db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function keelDatabaseReport(actor: Principal, now = Date.now()): Promise<KeelDatabaseReport> {
  assertRole(actor, "viewer");
  if (dbHandle().kind !== "postgres") {
    return { available: false, reason: "Not available on the embedded database: Keel is running on PGlite (no DATABASE_URL), which has no server connections or disk of its own to watch." };
  }
  const [[conn], [settings], tables] = await Promise.all([
    rows<{ total: number; active: number; idle: number; idle_in_transaction: number; this_database: number }>(sql`
      select count(*)::int as total,
             count(*) filter (where state = 'active')::int as active,
             count(*) filter (where state = 'idle')::int as idle,
             count(*) filter (where state like 'idle in transaction%')::int as idle_in_transaction,
             count(*) filter (where datname = current_database())::int as this_database
        from pg_stat_activity
       where backend_type = 'client backend'`),
    rows<{ database: string; size: number; max: number; reserved: number; version: string }>(sql`
      select current_database() as database,
             pg_database_size(current_database())::float8 as size,
             current_setting('max_connections')::int as max,
             current_setting('superuser_reserved_connections')::int as reserved,
             current_setting('server_version') as version`),
    rows<{ schema: string; name: string; total: number; heap: number; indexes: number; rows: number | null }>(sql`
      select n.nspname as schema, c.relname as name,
             pg_total_relation_size(c.oid)::float8 as total,
             pg_relation_size(c.oid)::float8 as heap,
             pg_indexes_size(c.oid)::float8 as indexes,
             coalesce(s.n_live_tup, nullif(greatest(c.reltuples, -1), -1))::float8 as rows
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_stat_user_tables s on s.relid = c.oid
       where c.relkind in ('r', 'p', 'm')
         and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%'
       order by pg_total_relation_size(c.oid) desc, c.relname
       limit ${TABLES}`),
  ]);
  const other = conn.total - conn.active - conn.idle - conn.idle_in_transaction;
  return {
    available: true,
    at: now,
    database: settings.database,
    serverVersion: settings.version,
    connections: {
      total: conn.total,
      active: conn.active,
      idle: conn.idle,
      idleInTransaction: conn.idle_in_transaction,
      other,
      thisDatabase: conn.this_database,
      max: settings.max,
      reservedForSuperusers: settings.reserved,
      keelPoolMax: env().DATABASE_POOL_MAX,
    },
    sizeBytes: Number(settings.size),
    tables: tables.map((t) => ({ schema: t.schema, name: t.name, totalBytes: Number(t.total), tableBytes: Number(t.heap), indexBytes: Number(t.indexes), rows: t.rows === null ? null : Number(t.rows) })),
  };
}
