import { afterAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { metrics } from "./metrics";
import { trackPool } from "./db-pool";

const url = process.env.DATABASE_URL;

// The pool gauges only exist for postgres.js; PGlite has no pool.
describe.skipIf(!url)("database pool gauges (real PostgreSQL)", () => {
  const sql = postgres(url!, { max: 2, onnotice: () => {} });
  afterAll(() => sql.end({ timeout: 5 }));

  const value = async (name: string) => (await metrics().registry.getSingleMetric(name)!.get()).values[0].value;

  it("counts queries in flight beyond the pool size as waiting, and returns to zero", async () => {
    trackPool(sql, 2);
    expect(await value("keel_db_pool_connections_max")).toBe(2);
    // postgres.js queries are lazy: they start when awaited.
    const running = Promise.all(Array.from({ length: 5 }, () => sql.unsafe("select pg_sleep(0.3)")));
    await new Promise((r) => setTimeout(r, 100));
    expect(await value("keel_db_pool_connections_in_use")).toBe(2);
    expect(await value("keel_db_pool_waiting")).toBe(3);
    await running;
    expect(await value("keel_db_pool_connections_in_use")).toBe(0);
    expect(await value("keel_db_pool_waiting")).toBe(0);
    const tx = sql.begin((t) => t`select pg_sleep(0.2)`);
    await new Promise((r) => setTimeout(r, 50));
    expect(await value("keel_db_pool_connections_in_use")).toBe(1);
    await tx;
    expect(await value("keel_db_pool_connections_in_use")).toBe(0);
  });
});
