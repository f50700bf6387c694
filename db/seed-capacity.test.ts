import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { freePort, requirePrometheus } from "@/test/fixtures/prometheus";
import { cliPrincipal, type Principal } from "@/lib/auth/roles";
import { listCapacityResources } from "@/lib/capacity/queries";
import { checkCapacityQueries } from "@/lib/capacity/query-check";
import { summariseResources } from "@/lib/capacity/resource-forecast";
import { createDatasource } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import { startDemoPrometheus, type DemoPrometheus } from "@/scripts/demo-metrics/start";
import { seedDemo } from "./seed";
import { seedCapacity } from "./seed-capacity";

/**
 * The demo's capacity resources: seeded once from the templates, and meaningful on the demo's own
 * Prometheus (3 days of generated history): every query returns one series and every resource gets
 * a forecast; the event pipeline's disk, filling at 20 GiB a day, is the one to act on.
 */
const prom = requirePrometheus();
let drop: () => Promise<void>;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  await seedDemo();
  viewer = await makeUser("viewer");
});
afterAll(() => drop());

describe("the demo's capacity resources", () => {
  it("are five resources from the templates on the demo's services, seeded once", async () => {
    const resources = await listCapacityResources(viewer);
    expect(resources.map((r) => `${r.service}: ${r.name}`).sort()).toEqual([
      "api-gateway: Request rate",
      "event-pipeline: Disk usage /data",
      "event-pipeline: Queue depth (events)",
      "postgres-primary: Database connections",
      "postgres-primary: Database size (keel_app)",
    ]);
    for (const r of resources) {
      expect(r.template).not.toBeNull();
      expect(r.datasourceId).toBeNull();
      expect(r.usageQuery).toContain(`service="${r.service}"`);
    }
    expect(await seedCapacity(getDb())).toBe(0);
  });

  describe.skipIf(!prom.path)("on the demo Prometheus", () => {
    let p: DemoPrometheus;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), "keel-capacity-demo-"));
      const started = await startDemoPrometheus({ keelPort: await freePort(), dataDir, days: 15, fineDays: 15, handleSignals: false });
      if ("missing" in started) throw new Error(started.missing);
      p = started;
      await createDatasource(cliPrincipal, datasourceInputSchema.parse({ name: "demo", url: p.url, isDefault: true }));
    }, 180_000);
    afterAll(async () => {
      await p?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("each query returns one series, and each resource is forecast; the event pipeline's disk needs action", async () => {
      const resources = await listCapacityResources(viewer);
      for (const r of resources) expect(await checkCapacityQueries(viewer, r), r.name).toEqual({});
      const summaries = await summariseResources(viewer, resources, { now: p.historyEnd * 1000 });
      for (const s of summaries) expect(s.problem, s.resource.name).toBeNull();
      expect(summaries[0].resource.name).toBe("Disk usage /data");
      expect(summaries[0].status).toBe("warning");
      expect(summaries[0].recommendation).toMatch(/^Disk usage will reach 80% of the filesystem size (on|around) \d+ \w+/);
      const byName = Object.fromEntries(summaries.map((s) => [s.resource.name, s]));
      // 95 + days connections (±16 % daily) of 200; 240 GiB of 500 GiB.
      expect(byName["Database connections"].utilisation).toBeGreaterThan(0.35);
      expect(byName["Database connections"].utilisation).toBeLessThan(0.6);
      expect(byName["Database size (keel_app)"].utilisation).toBeCloseTo(0.48, 1);
      // The gateway peaks near 600 req/s against the 1,000 it was load-tested at: at most one to watch.
      expect(["watch", "ok"]).toContain(byName["Request rate"].status);
    });
  });
});
