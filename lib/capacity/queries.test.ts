import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError, type FieldErrors } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createCapacityResource, deleteCapacityResource, getCapacityResource, listCapacityResources, updateCapacityResource } from "./queries";
import type { CapacityQueries, QueryChecker } from "./query-check";

/**
 * Capacity resources in the database (PGlite, or PostgreSQL with DATABASE_URL): who may do what,
 * what is stored, conflicts. The queries are checked by a stand-in here (capacity.prometheus.test.ts
 * runs the real check against Prometheus); it records what it was asked.
 */
let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;
const asked: CapacityQueries[] = [];
const check: QueryChecker = async (_actor, q): Promise<FieldErrors> => {
  asked.push(q);
  return q.usageQuery.includes("by (") ? { usageQuery: ["The usage query returns 3 series."] } : {};
};

const input = { name: "Connections", service: "db", usageQuery: "sum(pg_stat_activity_count)", limitQuery: "max(pg_settings_max_connections)", unit: "connections", template: "db-connections" as const };

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  await createService(admin, serviceInputSchema.parse({ name: "Database", slug: "db" }));
  await createService(admin, serviceInputSchema.parse({ name: "Gateway", slug: "gw" }));
});
afterAll(() => drop());

describe("capacity resources in the database", () => {
  let id: string;

  it("admins create; the row comes back as a DTO with the defaults, on the default data source", async () => {
    const r = await createCapacityResource(admin, input, check);
    id = r.id;
    expect(r).toMatchObject({ name: "Connections", service: "db", serviceName: "Database", datasourceId: null, datasourceName: null, limit: null, limitQuery: input.limitQuery, warningLevel: 0.8, lookbackDays: 90, resolutionSeconds: 300, template: "db-connections", version: 1 });
    expect(Date.parse(r.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(asked.at(-1)).toEqual({ datasourceId: null, usageQuery: input.usageQuery, limitQuery: input.limitQuery });
  });

  it("viewers read; viewers and responders cannot create, change or delete", async () => {
    expect((await listCapacityResources(viewer)).map((r) => r.id)).toEqual([id]);
    expect((await getCapacityResource(viewer, id)).name).toBe("Connections");
    for (const who of [viewer, responder]) {
      expect((await refused(createCapacityResource(who, { ...input, name: "Other" }, check))).code).toBe("forbidden");
      expect((await refused(updateCapacityResource(who, id, { warningLevel: 0.9 }, check))).code).toBe("forbidden");
      expect((await refused(deleteCapacityResource(who, id))).code).toBe("forbidden");
    }
    expect((await refused(listCapacityResources(null as unknown as Principal))).code).toBe("unauthorized");
  });

  it("refuses bad input per field: the checker's findings, unknown service or data source, a taken name", async () => {
    const several = await refused(createCapacityResource(admin, { ...input, name: "Per pod", usageQuery: "sum by (pod) (x)" }, check));
    expect(several.code).toBe("bad_request");
    expect(several.fields).toEqual({ usageQuery: ["The usage query returns 3 series."] });
    expect((await refused(createCapacityResource(admin, { ...input, service: "nope" }, check))).fields).toEqual({ service: ['No service with slug "nope".'] });
    expect((await refused(createCapacityResource(admin, { ...input, datasourceId: "00000000-0000-4000-8000-000000000000" }, check))).fields?.datasourceId).toHaveLength(1);
    expect((await refused(createCapacityResource(admin, { ...input, limit: 0, limitQuery: null }, check))).fields?.limit).toEqual(["The limit must be a positive number (above 0)."]);
    const taken = await refused(createCapacityResource(admin, input, check));
    expect(taken.code).toBe("conflict");
    expect(taken.fields?.name).toBeDefined();
    // The same name on another service is fine.
    const gw = await createCapacityResource(admin, { ...input, service: "gw" }, check);
    expect((await listCapacityResources(viewer, { service: "gw" })).map((r) => r.id)).toEqual([gw.id]);
    await deleteCapacityResource(admin, gw.id);
  });

  it("patches: a constant limit replaces the query; a rename does not run the queries; a stale version is refused", async () => {
    const before = asked.length;
    const renamed = await updateCapacityResource(admin, id, { name: "Primary connections", warningLevel: 0.75, version: 1 }, check);
    expect(renamed).toMatchObject({ name: "Primary connections", warningLevel: 0.75, version: 2 });
    expect(asked.length).toBe(before);
    const constant = await updateCapacityResource(admin, id, { limit: 300 }, check);
    expect(constant).toMatchObject({ limit: 300, limitQuery: null, version: 3 });
    expect(asked.length).toBe(before + 1);
    const back = await updateCapacityResource(admin, id, { limitQuery: "max(pg_settings_max_connections)", usageQuery: "sum(pg_stat_activity_count{state=\"active\"})" }, check);
    expect(back).toMatchObject({ limit: null, limitQuery: "max(pg_settings_max_connections)", version: 4 });
    expect(asked.at(-1)?.usageQuery).toContain('state="active"');
    const stale = await refused(updateCapacityResource(admin, id, { name: "Late", version: 2 }, check));
    expect(stale.code).toBe("conflict");
    expect((await getCapacityResource(viewer, id)).name).toBe("Primary connections");
    const bad = await refused(updateCapacityResource(admin, id, { usageQuery: "sum by (pod) (x)" }, check));
    expect(bad.fields?.usageQuery).toBeDefined();
    expect((await refused(updateCapacityResource(admin, id, { lookbackDays: 1 }, check))).fields?.lookbackDays).toBeDefined();
  });

  it("deletes; then it is not found", async () => {
    await deleteCapacityResource(admin, id);
    expect((await refused(getCapacityResource(viewer, id))).code).toBe("not_found");
    expect((await refused(deleteCapacityResource(admin, id))).code).toBe("not_found");
    expect((await refused(getCapacityResource(viewer, "not-a-uuid"))).code).toBe("not_found");
  });
});
