import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { seedDemo } from "./seed";
import { seedMaintenance } from "./seed-maintenance";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await freshDatabase()));
afterAll(() => drop());

describe("the demo's maintenance", () => {
  it("is one upcoming and one completed maintenance on public services, announced, seeded once", async () => {
    const before = Date.now();
    await seedDemo();
    const m = schema.statusMaintenances;
    const rows = await getDb().select().from(m).orderBy(asc(m.startsAt));
    expect(rows).toHaveLength(2);
    const [done, upcoming] = rows;
    expect(done.endsAt.getTime()).toBeLessThan(before);
    expect(upcoming.startsAt.getTime()).toBeGreaterThan(before);
    for (const r of rows) {
      expect(r.cancelledAt).toBeNull();
      expect(r.announcedAt!.getTime()).toBeLessThanOrEqual(r.startsAt.getTime());
      const services = await getDb()
        .select({ public: schema.services.public })
        .from(schema.statusMaintenanceServices)
        .innerJoin(schema.services, eq(schema.services.id, schema.statusMaintenanceServices.serviceId))
        .where(eq(schema.statusMaintenanceServices.maintenanceId, r.id));
      expect(services.length).toBeGreaterThan(0);
      expect(services.every((s) => s.public)).toBe(true);
    }
    expect(await seedMaintenance(getDb())).toBe(0);
    await seedDemo();
    expect(await getDb().select({ id: m.id }).from(m)).toHaveLength(2);
  });
});
