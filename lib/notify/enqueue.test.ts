import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createTeam } from "@/lib/teams/queries";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { createIntegration } from "@/lib/integrations/queries";
import { ingestAlertmanager } from "@/lib/integrations/ingest";
import { sourceForSecret } from "@/lib/integrations/source";
import { testPayload } from "@/lib/integrations/alertmanager-test-fixtures";
import { AppError } from "@/lib/errors";
import { createChannel } from "./channels";
import type { NotificationPayload } from "./payload";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
const ch: Record<string, string> = {};

const T0 = Date.parse("2025-03-01T10:00:00Z");
const min = (m: number) => T0 + m * 60_000;
const d = schema.notificationDeliveries;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder", "rita@test.example");
  await createTeam(admin, { name: "Payments", slug: "payments", description: "" });
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout-api", team: "payments" }));
  await createService(admin, serviceInputSchema.parse({ name: "Search", slug: "search" }));
  await createService(admin, serviceInputSchema.parse({ name: "Billing", slug: "billing" }));
  const add = async (key: string, input: Record<string, unknown>) => {
    ch[key] = (await createChannel(admin, { kind: "webhook", name: key, url: `http://127.0.0.1:9/${key}`, ...input })).channel.id;
  };
  await add("all", {});
  await add("checkout", { service: "checkout-api" });
  await add("billing", { service: "billing" });
  await add("payments", { team: "payments" });
  await add("disabled", { enabled: false });
  await add("resolvedOnly", { events: ["resolved"] });
  await add("statusOnly", { events: ["status_changed"] });
});
afterAll(() => drop());

const name = (id: string | null) => Object.entries(ch).find(([, v]) => v === id)?.[0];

/** The deliveries queued since `after` (a delivery id), as "channel:event", sorted. */
async function queuedSince(after: number, incidentId?: string) {
  const rows = await getDb()
    .select({ id: d.id, channelId: d.channelId, event: d.event, payload: d.payload, status: d.status, nextAttemptAt: d.nextAttemptAt })
    .from(d)
    .where(and(gt(d.id, after), incidentId ? eq(d.incidentId, incidentId) : undefined))
    .orderBy(asc(d.id));
  return { rows, names: rows.map((r) => `${name(r.channelId)}:${r.event}`).sort() };
}
const lastId = async () => (await getDb().select({ id: d.id }).from(d).orderBy(asc(d.id))).at(-1)?.id ?? 0;

describe("incident events queue deliveries", () => {
  it("declaring an incident queues one delivery per matching enabled channel, none for other services", async () => {
    const before = await lastId();
    const inc = await createIncident(responder, { title: "Checkout 503s", severity: "SEV2", services: ["checkout-api"], customerFacing: true }, min(0));
    const { rows, names } = await queuedSince(before);
    expect(names).toEqual(["all:declared", "checkout:declared", "payments:declared"]);
    expect(rows.every((r) => r.status === "pending" && r.nextAttemptAt.getTime() === min(0))).toBe(true);
    const payload = rows[0].payload as NotificationPayload;
    expect(payload).toEqual({
      event: "declared",
      incident: {
        id: inc.id,
        ref: inc.ref,
        title: "Checkout 503s",
        severity: "SEV2",
        status: "triaging",
        services: [{ slug: "checkout-api", name: "Checkout API" }],
        url: `http://localhost:3000/incidents/${inc.ref}`,
        customerFacing: true,
        commander: null,
      },
      at: new Date(min(0)).toISOString(),
      text: `:rotating_light: ${inc.ref} SEV2 declared: Checkout 503s (checkout-api) <http://localhost:3000/incidents/${inc.ref}|open>`,
    });
  });

  it("an incident on an unscoped service reaches only the every-incident channel", async () => {
    const before = await lastId();
    await createIncident(responder, { title: "Search slow", severity: "SEV4", services: ["search"] }, min(1));
    expect((await queuedSince(before)).names).toEqual(["all:declared"]);
  });

  it("severity and status changes, and the resolve, each reach the channels that asked for them", async () => {
    const inc = await createIncident(responder, { title: "Payments down", severity: "SEV3", services: ["checkout-api"] }, min(2));
    let before = await lastId();
    await updateIncident(responder, inc.ref, { severity: "SEV1", commander: "rita@test.example" }, undefined, min(3));
    let q = await queuedSince(before);
    expect(q.names).toEqual(["all:severity_changed", "checkout:severity_changed", "payments:severity_changed"]);
    const sev = q.rows[0].payload as NotificationPayload;
    expect(sev.change).toEqual({ from: "SEV3", to: "SEV1" });
    expect(sev.incident?.commander).toEqual({ name: "rita", email: "rita@test.example" });
    expect(sev.text).toMatch(/^:arrow_up: INC-\d+ severity SEV3 → SEV1: Payments down/);

    before = await lastId();
    await updateIncident(responder, inc.ref, { status: "investigating" }, undefined, min(4));
    q = await queuedSince(before);
    expect(q.names).toEqual(["all:status_changed", "checkout:status_changed", "payments:status_changed", "statusOnly:status_changed"]);
    expect((q.rows[0].payload as NotificationPayload).change).toEqual({ from: "triaging", to: "investigating" });

    before = await lastId();
    await updateIncident(responder, inc.ref, { title: "Payments are down" }, undefined, min(5));
    expect((await queuedSince(before)).names).toEqual([]);

    before = await lastId();
    await updateIncident(responder, inc.ref, { status: "resolved" }, undefined, min(6));
    q = await queuedSince(before);
    expect(q.names).toEqual(["all:resolved", "checkout:resolved", "payments:resolved", "resolvedOnly:resolved", "statusOnly:status_changed"]);
    expect(q.rows.map((r) => (r.payload as NotificationPayload).incident?.status)).toEqual(Array(5).fill("resolved"));
  });

  it("a refused change queues nothing", async () => {
    const inc = await createIncident(responder, { title: "Flaky", severity: "SEV3", services: ["checkout-api"] }, min(7));
    const before = await lastId();
    const stale = await updateIncident(responder, inc.ref, { severity: "SEV2" }, 99, min(8)).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    const bad = await updateIncident(responder, inc.ref, { status: "closed" }, undefined, min(8)).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((await queuedSince(before)).names).toEqual([]);
  });

  it("an incident opened and moved by Alertmanager queues declared and status changes too", async () => {
    const integration = await createIntegration(admin, { name: "prod", onAllResolved: "resolved" });
    const source = (await sourceForSecret(integration.secret))!;
    const group = '{}:{alertname="CheckoutErrors"}';
    const labels = { service: "checkout-api", severity: "critical" };
    const before = await lastId();
    const opened = await ingestAlertmanager(source, testPayload(group, [{ fingerprint: "f1", labels, startsAt: new Date(min(9)).toISOString() }]), min(10));
    expect(opened.outcome).toBe("opened");
    let q = await queuedSince(before, opened.incident!.id);
    expect(q.names).toEqual(["all:declared", "checkout:declared", "payments:declared"]);
    expect((q.rows[0].payload as NotificationPayload).incident).toMatchObject({ severity: "SEV1", services: [{ slug: "checkout-api" }] });

    const mid = await lastId();
    await ingestAlertmanager(source, testPayload(group, [{ fingerprint: "f1", labels, status: "resolved", startsAt: new Date(min(9)).toISOString(), endsAt: new Date(min(20)).toISOString() }]), min(21));
    q = await queuedSince(mid, opened.incident!.id);
    expect(q.names).toEqual(["all:resolved", "checkout:resolved", "payments:resolved", "resolvedOnly:resolved", "statusOnly:status_changed"]);
    expect((q.rows[0].payload as NotificationPayload).change).toEqual({ from: "triaging", to: "resolved" });
    const disabled = await getDb().select().from(d).where(inArray(d.channelId, [ch.disabled, ch.billing]));
    expect(disabled).toEqual([]);
  });
});
