import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { getDb, schema } from "@/db";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import type { PolicyState } from "./policy";
import { insertPolicyHistory, recordPolicyStates, stateHistory, stateSince } from "./policy-history";

let drop: () => Promise<void>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  for (const slug of ["checkout-api", "search", "ledger", "busy"]) {
    ids[slug] = (await createService(admin, serviceInputSchema.parse({ name: slug, slug }))).id;
  }
});
afterAll(() => drop());

const t = (iso: string) => new Date(iso);
const rowsOf = (serviceId: string) =>
  getDb().select().from(schema.policyStates).where(eq(schema.policyStates.serviceId, serviceId)).orderBy(asc(schema.policyStates.id));

describe("policy state history (on a fresh database)", () => {
  it("records the first observation, then only changes, with since = at", async () => {
    const id = ids["checkout-api"];
    expect(await recordPolicyStates([{ serviceId: id, state: "healthy", remaining: 0.9 }], t("2025-03-01T10:00:00Z"))).toEqual([
      { serviceId: id, from: null, to: "healthy" },
    ]);
    // Unchanged: nothing is written, even with a different remaining.
    expect(await recordPolicyStates([{ serviceId: id, state: "healthy", remaining: 0.7 }], t("2025-03-01T11:00:00Z"))).toEqual([]);
    expect(await rowsOf(id)).toHaveLength(1);
    const changed = await recordPolicyStates([{ serviceId: id, state: "warning", remaining: 0.42 }], t("2025-03-01T12:30:00Z"));
    expect(changed).toEqual([{ serviceId: id, from: "healthy", to: "warning" }]);
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ state: "warning", remaining: 0.42 });
    expect(rows[1].since.toISOString()).toBe("2025-03-01T12:30:00.000Z");
    // An observation older than the latest row does not rewrite history.
    expect(await recordPolicyStates([{ serviceId: id, state: "exhausted", remaining: 0.1 }], t("2025-03-01T12:00:00Z"))).toEqual([]);
    expect(await rowsOf(id)).toHaveLength(2);
  });

  it("handles several services in one call: only the changed ones get a row", async () => {
    const at = t("2025-03-02T00:00:00Z");
    await recordPolicyStates([{ serviceId: ids.search, state: "unknown", remaining: null }], t("2025-03-01T00:00:00Z"));
    const changes = await recordPolicyStates(
      [
        { serviceId: ids.search, state: "unknown", remaining: null },
        { serviceId: ids["checkout-api"], state: "exhausted", remaining: 0.05 },
        { serviceId: ids.ledger, state: "healthy", remaining: Number.NaN },
      ],
      at,
    );
    expect(changes.map((c) => c.serviceId).sort()).toEqual([ids["checkout-api"], ids.ledger].sort());
    expect(await rowsOf(ids.search)).toHaveLength(1);
    expect((await rowsOf(ids.ledger))[0]).toMatchObject({ state: "healthy", remaining: null });
  });

  it("writes one row when overlapping callers report the same change", async () => {
    const id = ids.busy;
    const states: PolicyState[] = ["healthy", "warning", "exhausted", "warning", "healthy", "unknown", "healthy", "exhausted"];
    for (const [i, state] of states.entries()) {
      const at = t(`2025-04-01T00:${String(i).padStart(2, "0")}:00Z`);
      const calls = Array.from({ length: 6 }, () => recordPolicyStates([{ serviceId: id, state, remaining: 0.5 }, { serviceId: ids.search, state: "unknown", remaining: null }], at));
      const results = await Promise.all(calls);
      expect(results.flat().filter((c) => c.serviceId === id)).toHaveLength(1);
    }
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.state)).toEqual(states);
  });

  it("tells each service's current state and since when, from its latest row", async () => {
    const id = ids.ledger;
    await insertPolicyHistory([
      { serviceId: id, state: "warning", since: t("2025-01-01T00:00:00Z"), remaining: 0.3 },
      { serviceId: id, state: "exhausted", since: t("2025-02-01T00:00:00Z"), remaining: 0.1 },
    ]);
    // ledger's latest is healthy since 2 March (recorded above), later than the seeded rows.
    const map = await stateSince([id, ids["checkout-api"], ids.busy]);
    expect(map.get(id)).toEqual({ state: "healthy", since: "2025-03-02T00:00:00.000Z", remaining: null });
    expect(map.get(ids["checkout-api"])).toMatchObject({ state: "exhausted", since: "2025-03-02T00:00:00.000Z", remaining: 0.05 });
    expect(map.get(ids.busy)).toMatchObject({ state: "exhausted", since: "2025-04-01T00:07:00.000Z" });
    expect((await stateSince([])).size).toBe(0);

    const history = await stateHistory(id);
    expect(history.map((h) => [h.state, h.since])).toEqual([
      ["healthy", "2025-03-02T00:00:00.000Z"],
      ["exhausted", "2025-02-01T00:00:00.000Z"],
      ["warning", "2025-01-01T00:00:00.000Z"],
    ]);
    expect((await stateHistory(id, { limit: 2 })).map((h) => h.state)).toEqual(["healthy", "exhausted"]);
  });
});
