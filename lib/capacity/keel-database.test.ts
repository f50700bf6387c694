import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { dbHandle, getDb } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { keelDatabaseReport } from "./keel-database";
import { keelDatabaseMarkdown } from "./keel-database-text";

/**
 * Keel's own database report. On PostgreSQL (DATABASE_URL) its figures are checked against what a
 * second client asks the server itself while holding connections open; on PGlite it says it is
 * not available.
 */
let drop: () => Promise<void>;
let viewer: Principal;
/** freshDatabase() picks PostgreSQL exactly when DATABASE_URL is set. */
const onPostgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  viewer = await makeUser("viewer");
});
afterAll(() => drop());

describe("Keel's own database report", () => {
  it.skipIf(onPostgres)("on the embedded database: not available, said plainly", async () => {
    const r = await keelDatabaseReport(viewer);
    expect(r).toEqual({ available: false, reason: expect.stringMatching(/^Not available on the embedded database/) });
    expect(keelDatabaseMarkdown(r).join("\n")).toContain("Not available on the embedded database");
  });

  it.runIf(onPostgres)("on PostgreSQL: connections by state against max_connections, the size, the largest table", async () => {
    // The largest table: audit_log with 20,000 rows (every other table holds a few rows).
    await getDb().execute(sql`insert into audit_log (action, actor_email, target, details) select 'test.filler', 'filler@test.example', 'row ' || g, jsonb_build_object('n', g, 'pad', repeat('x', 200)) from generate_series(1, 20000) g`);
    await getDb().execute(sql`analyze audit_log`);
    const other = postgres(dbHandle().url!, { max: 4, onnotice: () => {} });
    try {
      // Three connections opened and left idle, a fourth busy for the duration of the report.
      const held = await Promise.all([1, 2, 3, 4].map(() => other.reserve()));
      await Promise.all(held.map((c) => c`select 1`));
      const busy = held[3]`select pg_sleep(1.5)`.execute();
      await new Promise((r) => setTimeout(r, 300));
      const r = await keelDatabaseReport(viewer);
      await busy;
      if (!r.available) throw new Error("expected a report");
      held.forEach((c) => c.release());
      const [{ max_connections }] = await other`show max_connections`;
      const [{ size }] = await other`select pg_database_size(current_database())::float8 as size`;
      const [{ total }] = await other`select pg_total_relation_size('audit_log')::float8 as total`;
      const c = r.connections;
      expect(c.max).toBe(Number(max_connections));
      expect(c.thisDatabase).toBeGreaterThanOrEqual(5); // the four above and Keel's own
      expect(c.active).toBeGreaterThanOrEqual(2); // the sleeper and the report's query
      expect(c.idle).toBeGreaterThanOrEqual(2);
      expect(c.total).toBe(c.active + c.idle + c.idleInTransaction + c.other);
      expect(c.total).toBeGreaterThanOrEqual(c.thisDatabase);
      expect(Math.abs(r.sizeBytes - Number(size))).toBeLessThan(1024 * 1024);
      expect(r.tables[0]).toMatchObject({ schema: "public", name: "audit_log" });
      expect(Math.abs(r.tables[0].totalBytes - Number(total))).toBeLessThan(256 * 1024);
      expect(r.tables[0].rows).toBeGreaterThan(19_000);
      expect(r.tables.length).toBeLessThanOrEqual(10);
      const md = keelDatabaseMarkdown(r).join("\n");
      expect(md).toContain(`of ${max_connections} max_connections`);
      expect(md).toContain("| public.audit_log |");
    } finally {
      await other.end({ timeout: 5 });
    }
  });
});
