import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { seedDemo } from "@/db/seed";
import { loadPrincipal } from "@/lib/auth/principal";
import { getDb, schema } from "@/db";
import { eq } from "drizzle-orm";
import { listIncidents } from "@/lib/incidents/queries";
import { loadMetricIncidents } from "@/lib/incidents/metrics-load";
import { incidentMetrics } from "@/lib/incidents/metrics";
import { metricRange } from "@/lib/incidents/metrics-range";
import { listTimeline } from "@/lib/incidents/timeline";
import { listAttachedRunbooks } from "./attach";
import { listRunbooks } from "./queries";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await freshDatabase()));
afterAll(() => drop());

describe("the demo's runbooks and metrics", () => {
  it("seeds four runbooks, attached to their demo incidents with steps ticked, once", async () => {
    await seedDemo();
    await seedDemo();
    const [u] = await getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "viewer@keel.example"));
    const viewer = (await loadPrincipal(u.id))!;
    const runbooks = (await listRunbooks(viewer)).items;
    expect(runbooks.map((r) => r.slug).sort()).toEqual(["database-connection-exhaustion", "high-error-rate-after-deploy", "payment-provider-degraded", "queue-backlog"]);

    const { items } = await listIncidents(viewer, { limit: 50 });
    const byTitle = (t: string) => items.find((i) => i.title === t)!;
    const pool = await listAttachedRunbooks(viewer, byTitle("Checkout API: database pool exhausted").ref);
    expect(pool.map((a) => [a.runbook.slug, a.done])).toEqual([["database-connection-exhaustion", [0, 1, 2, 3]]]);
    expect(pool[0].attachedBy?.email).toBe("responder@keel.example");
    expect(await listAttachedRunbooks(viewer, byTitle("Search: index degradation").ref)).toEqual([]);
    const entries = (await listTimeline(viewer, byTitle("Payments: card provider degraded").ref)).items.filter((e) => e.kind === "action");
    expect(entries.map((e) => e.body)).toEqual([
      "Attached runbook “Payment provider degraded” (4 steps)",
      "Done: step 1 “Check the provider's status page and our error codes” of runbook “Payment provider degraded”",
      "Done: step 2 “Fail over traffic to the secondary provider” of runbook “Payment provider degraded”",
    ]);
  });

  it("gives the metrics page figures: every demo incident detected 3 min after it started and acknowledged 4 min after that", async () => {
    const [u] = await getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "viewer@keel.example"));
    const viewer = (await loadPrincipal(u.id))!;
    const now = Date.now();
    const range = metricRange("90d", now);
    const m = incidentMetrics(await loadMetricIncidents(viewer, range), now, { range });
    expect(m.overall.incidents).toBe(5);
    expect(m.overall.mtta).toEqual({ count: 5, median: 4 * 60_000, mean: 4 * 60_000 });
    expect(m.overall.mttr.count).toBe(4);
    // 4 min is within every severity's respond target.
    expect(m.overall.ackWithinTarget).toEqual({ met: 5, counted: 5, share: 1 });
    expect(m.bySeverity.map((g) => g.incidents)).toEqual([1, 2, 2, 0]);
  });
});
