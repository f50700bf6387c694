import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { createSlo, listSlos } from "./queries";
import { sloInputSchema } from "./schemas";
import { sloStatus } from "./status";
import { sloSummaries } from "./summaries";
import { sloBurnDown } from "./burndown-data";

/**
 * An incident-based SLO on the real database, with no Prometheus at all: a 30-minute SEV2 ten days
 * ago, a SEV3 that does not count, and a SEV1 open for the last 20 minutes.
 */
const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 20, 12);

let drop: () => Promise<void>;
let responder: Principal;
let viewer: Principal;

describe("incident-based SLOs", () => {
  beforeAll(async () => {
    ({ drop } = await freshDatabase());
    const admin = await makeUser("admin");
    responder = await makeUser("responder");
    viewer = await makeUser("viewer");
    await createService(admin, serviceInputSchema.parse({ name: "Ledger", slug: "ledger" }));
    const sev2Start = NOW - 10 * 1440 * MIN;
    const sev2 = await createIncident(responder, { title: "Ledger down", severity: "SEV2", services: ["ledger"], startedAt: new Date(sev2Start).toISOString() }, sev2Start + 5 * MIN);
    await updateIncident(responder, sev2.id, { status: "monitoring" }, undefined, sev2Start + 30 * MIN);
    const sev3Start = NOW - 5 * 1440 * MIN;
    await createIncident(responder, { title: "Ledger slow exports", severity: "SEV3", services: ["ledger"], startedAt: new Date(sev3Start).toISOString() }, sev3Start);
    await createIncident(responder, { title: "Ledger down again", severity: "SEV1", services: ["ledger"], startedAt: new Date(NOW - 20 * MIN).toISOString() }, NOW - 18 * MIN);
    await createSlo(admin, sloInputSchema.parse({ service: "ledger", name: "Ledger uptime", slug: "ledger-uptime", target: 0.999, sli: { kind: "incidents", minSeverity: 2 } }));
  });
  afterAll(async () => drop?.());

  it("counts the time inside SEV1 and SEV2 incidents against a 43.2-minute budget", async () => {
    const [slo] = await listSlos(viewer);
    const s = await sloStatus(viewer, slo, NOW);
    expect(s.problem).toBeNull();
    expect(s.budget!.allowedDowntimeMs).toBeCloseTo(43.2 * MIN, 6);
    expect(s.budget!.consumedDowntimeMs).toBeCloseTo(50 * MIN, 6);
    expect(s.budget!.remaining).toBeCloseTo(1 - 50 / 43.2, 9);
    expect(s.budget!.sli).toBeCloseTo(1 - 50 / (30 * 1440), 12);
    // The open SEV1 has been bad for the whole last 5 minutes: burning at 1 / 0.001 = 1000×.
    expect(s.burnRates["5m"]).toBeCloseTo(1000, 6);
    expect(s.burnRates["1h"]).toBeCloseTo((20 / 60) * 1000, 6);
    const list = await sloSummaries(viewer, [slo], NOW);
    expect(list.get(s.id)).toMatchObject({ source: "incidents", problem: null });
    expect(list.get(s.id)!.remaining).toBeCloseTo(s.budget!.remaining, 9);
    const bd = await sloBurnDown(viewer, slo, NOW);
    if ("problem" in bd) throw new Error(bd.problem);
    expect(bd.points.at(-1)!.remaining).toBeLessThan(0);
  });
});
