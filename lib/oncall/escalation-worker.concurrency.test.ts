import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident } from "@/lib/incidents/queries";
import { createPolicy } from "./escalation-store";
import { runEscalationPass } from "./escalation-worker";
import { insertSchedule } from "./testing/db-schedule";

/**
 * Several workers draining one database at once each fire every timer exactly once. Needs the
 * PostgreSQL server (DATABASE_URL): the embedded PGlite has a single connection, so its
 * transactions never overlap and there is no race to test. Skipped without it (a failure in CI).
 */

const url = process.env.DATABASE_URL;
if (!url && process.env.CI === "true") throw new Error("The escalation concurrency test needs DATABASE_URL in CI.");

const T0 = Date.parse("2025-03-03T10:00:00Z");
const INCIDENTS = 25;

let drop: () => Promise<void>;
let admin: Principal;
let people: Principal[];

beforeAll(async () => {
  if (!url) return;
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  people = [await makeUser("responder", "p1@test.example"), await makeUser("responder", "p2@test.example"), await makeUser("responder", "p3@test.example")];
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout" }));
  const s = await insertSchedule(getDb(), "Payments on-call", "UTC", [
    { name: "primary", participants: [people[0].userId] },
    { name: "secondary", participants: [people[1].userId] },
  ]);
  await createPolicy(admin, {
    name: "Payments",
    steps: [
      { targets: [{ kind: "layer", scheduleId: s.id, layerId: s.layers.primary }], delayMinutes: 5 },
      { targets: [{ kind: "layer", scheduleId: s.id, layerId: s.layers.secondary }], delayMinutes: 5 },
      { targets: [{ kind: "user", userId: people[2].userId }], delayMinutes: 5 },
    ],
    repeat: 2,
    services: ["checkout"],
  });
  for (let n = 0; n < INCIDENTS; n++) await createIncident(admin, { title: `Outage ${n}`, severity: "SEV2", services: ["checkout"] }, T0);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await drop?.();
});

describe.skipIf(!url)("escalation workers racing on PostgreSQL", () => {
  it("four workers draining at once fire each of the 225 timers exactly once", async () => {
    const now = new Date(T0 + 24 * 60 * 60_000);
    const drain = async () => {
      let fired = 0;
      for (;;) {
        const pass = await runEscalationPass({ now, batchSize: 7 });
        expect(pass.failed).toBe(0);
        fired += pass.fired;
        if (!pass.fired && !pass.cancelled) return fired;
      }
    };
    const counts = await Promise.all([drain(), drain(), drain(), drain()]);
    const total = INCIDENTS * 3 * 3;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

    const t = schema.escalationTimers;
    const [{ fired, pending }] = await getDb().select({ fired: sql<number>`count(*) filter (where ${t.status} = 'fired')::int`, pending: sql<number>`count(*) filter (where ${t.status} = 'pending')::int` }).from(t);
    expect({ fired, pending }).toEqual({ fired: total, pending: 0 });
    // One timeline entry and one page email per timer: nothing was sent twice.
    const tl = schema.incidentTimeline;
    const [{ entries }] = await getDb().select({ entries: sql<number>`count(*)::int` }).from(tl).where(like(tl.body, "Escalation step%"));
    expect(entries).toBe(total);
    const d = schema.notificationDeliveries;
    const perPerson = await getDb().select({ recipient: d.recipient, n: sql<number>`count(*)::int` }).from(d).where(and(eq(d.event, "escalation_page"))).groupBy(d.recipient);
    expect(Object.fromEntries(perPerson.map((r) => [r.recipient, r.n]))).toEqual({ "p1@test.example": INCIDENTS * 3, "p2@test.example": INCIDENTS * 3, "p3@test.example": INCIDENTS * 3 });
  });
});
