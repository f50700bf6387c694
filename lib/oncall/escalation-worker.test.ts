import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/fixtures/smtp";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { createChannel } from "@/lib/notify/channels";
import { drainDueDeliveries } from "@/lib/notify/worker";
import { createPolicy } from "./escalation-store";
import { runEscalationPass, startEscalationWorker, stopEscalationWorker } from "./escalation-worker";
import { insertSchedule } from "./testing/db-schedule";

/**
 * The escalation worker against a real database (embedded PGlite, or DATABASE_URL): timers
 * planned with the incident, fired once each in order, paging the people on call at that moment
 * by email through the outbox (a real SMTP receiver), stopped by acknowledgement, repeated as the
 * policy says, and "nobody on call" recorded as a problem.
 */

const MIN = 60_000;
const T0 = Date.parse("2025-03-03T10:00:00Z");
const t = schema.escalationTimers;
const tl = schema.incidentTimeline;

let drop: () => Promise<void>;
let smtp: SmtpReceiver;
let admin: Principal;
let alex: Principal;
let sam: Principal;
let mia: Principal;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Keel <keel@keel.test>";
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "ada@test.example");
  alex = await makeUser("responder", "alex@test.example");
  sam = await makeUser("responder", "sam@test.example");
  mia = await makeUser("viewer", "mia@test.example");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout" }));
  await createService(admin, serviceInputSchema.parse({ name: "Search", slug: "search" }));
  await createService(admin, serviceInputSchema.parse({ name: "Billing", slug: "billing" }));
  const pay = await insertSchedule(getDb(), "Payments on-call", "UTC", [
    { name: "primary", participants: [alex.userId] },
    { name: "secondary", participants: [sam.userId] },
  ]);
  // Starts in 2030: nobody is on call on it before then.
  const future = await insertSchedule(getDb(), "Search on-call", "UTC", [{ name: "primary", participants: [alex.userId], start: "2030-01-06" }]);
  await createPolicy(admin, {
    name: "Payments",
    steps: [
      { targets: [{ kind: "layer", scheduleId: pay.id, layerId: pay.layers.primary }], delayMinutes: 15 },
      { targets: [{ kind: "layer", scheduleId: "Payments on-call", layerId: "secondary" }], delayMinutes: 15 },
      { targets: [{ kind: "user", userId: mia.email }], delayMinutes: 30 },
    ],
    repeat: 1,
    services: ["checkout"],
  });
  await createPolicy(admin, { name: "Search", steps: [{ targets: [{ kind: "layer", scheduleId: future.id, layerId: future.layers.primary }], delayMinutes: 10 }], repeat: 0, services: ["search"] });
});
afterAll(async () => {
  stopEscalationWorker();
  await smtp.close();
  await drop();
});

const timersOf = (incidentId: string) => getDb().select().from(t).where(eq(t.incidentId, incidentId)).orderBy(asc(t.dueAt), asc(t.round), asc(t.stepIndex));
const escalationEntries = async (incidentId: string) =>
  (await getDb().select({ body: tl.body, kind: tl.kind }).from(tl).where(and(eq(tl.incidentId, incidentId), like(tl.body, "Escalation%"))).orderBy(asc(tl.id))).map((e) => e.body);
const nameOf = (p: Principal) => p.email.split("@")[0];

describe("escalation timers", () => {
  it("plans every step and round with the incident, pages the primary at once and the secondary when nobody acknowledges", async () => {
    const inc = await createIncident(alex, { title: "Checkout 503s", severity: "SEV2", services: ["checkout"] }, T0);
    const timers = await timersOf(inc.id);
    // Independently: steps at +0, +15, +30; a round lasts 15 + 15 + 30 = 60 minutes; two rounds (repeat 1).
    expect(timers.map((x) => (x.dueAt.getTime() - T0) / MIN)).toEqual([0, 15, 30, 60, 75, 90]);
    expect(timers.map((x) => `${x.round}:${x.stepIndex}:${x.status}`)).toEqual(["0:0:pending", "0:1:pending", "0:2:pending", "1:0:pending", "1:1:pending", "1:2:pending"]);

    expect(await runEscalationPass({ now: new Date(T0 + 1000) })).toEqual({ fired: 1, cancelled: 0, failed: 0 });
    expect(await runEscalationPass({ now: new Date(T0 + 2000) })).toEqual({ fired: 0, cancelled: 0, failed: 0 });
    let after = await timersOf(inc.id);
    expect(after[0]).toMatchObject({ status: "fired", notified: [alex.userId], problem: null });
    expect(await escalationEntries(inc.id)).toEqual([`Escalation step 1 (round 1 of 2): paged ${nameOf(alex)} (primary).`]);

    await drainDueDeliveries({ now: new Date(T0 + 3000) });
    const [page] = await smtp.waitFor(1);
    expect(page.to).toEqual([alex.email]);
    expect(page.subject).toBe(`[Keel] Page: ${inc.ref} SEV2 Checkout 503s`);
    expect(page.text).toContain("you are on call on Payments on-call · primary");
    expect(page.text).toContain(`/incidents/${inc.ref}`);

    // Not yet: the secondary is due 15 minutes after opening.
    expect((await runEscalationPass({ now: new Date(T0 + 15 * MIN - 1) })).fired).toBe(0);
    expect((await runEscalationPass({ now: new Date(T0 + 15 * MIN) })).fired).toBe(1);
    after = await timersOf(inc.id);
    expect(after[1]).toMatchObject({ status: "fired", notified: [sam.userId] });
    expect((await escalationEntries(inc.id)).at(-1)).toBe(`Escalation step 2 (round 1 of 2): paged ${nameOf(sam)} (secondary).`);
    await drainDueDeliveries({ now: new Date(T0 + 15 * MIN + 1000) });
    const mails = await smtp.waitFor(2);
    expect(mails[1].to).toEqual([sam.email]);
    expect(mails[1].subject).toBe(`[Keel] Page: ${inc.ref} SEV2 Checkout 503s`);

    // Acknowledging (leaving triaging) cancels the rest, in the same transaction as the change.
    await updateIncident(sam, inc.ref, { status: "investigating" }, undefined, T0 + 16 * MIN);
    expect((await timersOf(inc.id)).map((x) => x.status)).toEqual(["fired", "fired", "cancelled", "cancelled", "cancelled", "cancelled"]);
    expect((await escalationEntries(inc.id)).at(-1)).toBe("Escalation stopped: the incident was acknowledged; 4 pending pages cancelled.");
    expect(await runEscalationPass({ now: new Date(T0 + 500 * MIN) })).toEqual({ fired: 0, cancelled: 0, failed: 0 });
  });

  it("honours the repeat count: a late worker fires every step that fell due, in order, two rounds and no more", async () => {
    const at = T0 + 1000 * MIN;
    const inc = await createIncident(admin, { title: "Payments timeouts", severity: "SEV1", services: ["checkout"] }, at);
    expect(await runEscalationPass({ now: new Date(at + 10_000 * MIN) })).toEqual({ fired: 6, cancelled: 0, failed: 0 });
    const who = [alex, sam, mia].map(nameOf);
    const via = ["primary", "secondary", null];
    const expected = [1, 2].flatMap((round) => [0, 1, 2].map((s) => `Escalation step ${s + 1} (round ${round} of 2): paged ${who[s]}${via[s] ? ` (${via[s]})` : ""}.`));
    expect(await escalationEntries(inc.id)).toEqual(expected);
    expect((await timersOf(inc.id)).every((x) => x.status === "fired")).toBe(true);
    expect((await runEscalationPass({ now: new Date(at + 20_000 * MIN) })).fired).toBe(0);
  });

  it("cancels at fire time when the incident was acknowledged some other way", async () => {
    const inc = await createIncident(admin, { title: "Cart empty", severity: "SEV3", services: ["checkout"] }, T0);
    await getDb().update(schema.incidents).set({ acknowledgedAt: new Date(T0 + MIN) }).where(eq(schema.incidents.id, inc.id));
    expect(await runEscalationPass({ now: new Date(T0 + 2 * MIN) })).toEqual({ fired: 0, cancelled: 1, failed: 0 });
    expect((await timersOf(inc.id)).every((x) => x.status === "cancelled")).toBe(true);
    expect(await escalationEntries(inc.id)).toEqual(["Escalation stopped: the incident was acknowledged; 6 pending pages cancelled."]);
  });

  it("records nobody on call as a problem on the timer and the incident, and tells webhook channels", async () => {
    const { channel } = await createChannel(admin, { kind: "webhook", name: "search-room", url: "https://hooks.example/search", service: "search", events: ["declared"] });
    await createChannel(admin, { kind: "webhook", name: "resolved-only", url: "https://hooks.example/other", events: ["resolved"] });
    const inc = await createIncident(admin, { title: "Search down", severity: "SEV2", services: ["search"] }, T0);
    expect((await runEscalationPass({ now: new Date(T0 + 1000) })).fired).toBe(1);
    const [timer] = await timersOf(inc.id);
    expect(timer).toMatchObject({ status: "fired", notified: [], problem: "Nobody on call: Search on-call · primary had nobody to page." });
    const [entry] = await getDb().select().from(tl).where(and(eq(tl.incidentId, inc.id), like(tl.body, "Escalation%")));
    expect(entry).toMatchObject({ kind: "note", body: "Escalation step 1: nobody on call (Search on-call · primary); nobody was paged." });
    const d = schema.notificationDeliveries;
    const events = await getDb().select({ channelId: d.channelId, recipient: d.recipient, event: d.event, payload: d.payload }).from(d).where(eq(d.incidentId, inc.id));
    expect(events.filter((e) => e.event === "escalation_page")).toEqual([]);
    const escalated = events.filter((e) => e.event === "escalated");
    expect(escalated.map((e) => e.channelId)).toEqual([channel.id]);
    expect(escalated[0].payload).toMatchObject({ event: "escalated", incident: { ref: inc.ref }, escalation: { step: 1, paged: [], problem: timer.problem } });
  });

  it("a service without a policy plans nothing", async () => {
    const inc = await createIncident(admin, { title: "Invoices late", severity: "SEV3", services: ["billing"] }, T0);
    expect(await timersOf(inc.id)).toEqual([]);
  });

  it("after a restart, a new worker picks up the timers that fell due meanwhile", async () => {
    // Opened 20 minutes ago by an instance that has since stopped: steps 1 and 2 are due now.
    const opened = Date.now() - 20 * MIN;
    const inc = await createIncident(admin, { title: "Checkout slow", severity: "SEV3", services: ["checkout"] }, opened);
    stopEscalationWorker();
    startEscalationWorker(50);
    for (let n = 0; n < 200 && (await timersOf(inc.id)).filter((x) => x.status === "fired").length < 2; n++) await new Promise((r) => setTimeout(r, 50));
    stopEscalationWorker();
    expect((await timersOf(inc.id)).map((x) => x.status)).toEqual(["fired", "fired", "pending", "pending", "pending", "pending"]);
    expect(await escalationEntries(inc.id)).toHaveLength(2);
  });
});
