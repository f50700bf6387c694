import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { loadMetricIncidents } from "./metrics-load";
import { incidentMetrics } from "./metrics";
import { createIncident, updateIncident } from "./queries";

let drop: () => Promise<void>;
let responder: Principal;
let viewer: Principal;

const MIN = 60_000;
const base = Date.parse("2025-03-03T09:00:00Z");
const iso = (min: number) => new Date(base + min * MIN).toISOString();

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  for (const [slug, name] of [["checkout", "Checkout"], ["search", "Search"]]) await createService(admin, serviceInputSchema.parse({ name, slug }));
  // A: SEV1 on checkout and search, started 0, detected 5, acknowledged 12, resolved 95.
  const a = await createIncident(responder, { title: "A", severity: "SEV1", services: ["search", "checkout"], startedAt: iso(0), detectedAt: iso(5) }, base + 5 * MIN);
  await updateIncident(responder, a.ref, { status: "investigating" }, undefined, base + 12 * MIN);
  await updateIncident(responder, a.ref, { status: "resolved" }, undefined, base + 95 * MIN);
  // B: SEV3, no service, started 60, detected 60, never acknowledged.
  await createIncident(responder, { title: "B", severity: "SEV3", services: [], startedAt: iso(60), detectedAt: iso(60) }, base + 60 * MIN);
  // C: started before the range.
  await createIncident(responder, { title: "C", severity: "SEV2", services: ["checkout"], startedAt: iso(-2000), detectedAt: iso(-1990) }, base - 1990 * MIN);
});
afterAll(() => drop());

describe("loadMetricIncidents", () => {
  it("loads the incidents started in [from, to) with their services, for any reader", async () => {
    const rows = await loadMetricIncidents(viewer, { from: base, to: base + 61 * MIN });
    expect(rows).toEqual([
      { severity: "SEV1", services: [{ slug: "checkout", name: "Checkout" }, { slug: "search", name: "Search" }], startedAt: base, detectedAt: base + 5 * MIN, acknowledgedAt: base + 12 * MIN, resolvedAt: base + 95 * MIN },
      { severity: "SEV3", services: [], startedAt: base + 60 * MIN, detectedAt: base + 60 * MIN, acknowledgedAt: null, resolvedAt: null },
    ]);
    expect(await loadMetricIncidents(viewer, { from: base + 1, to: base + 60 * MIN })).toEqual([]);

    const m = incidentMetrics(rows, base + 200 * MIN);
    expect(m.overall).toMatchObject({ incidents: 2, mttd: { median: 2.5 * MIN }, mtta: { median: 7 * MIN }, mttr: { median: 95 * MIN }, ackWithinTarget: { met: 1, counted: 2 } }); // B: 2 h target passed at 180 min
  });

  it("refuses an empty or over-long range", async () => {
    await expect(loadMetricIncidents(viewer, { from: base, to: base })).rejects.toBeInstanceOf(AppError);
    await expect(loadMetricIncidents(viewer, { from: base, to: base + 500 * 86_400_000 })).rejects.toThrow("at most 400 days");
  });
});
