import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { getIncident, updateIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import { AppError } from "@/lib/errors";
import { createIntegration } from "./queries";
import { groupKeyHash, ingestAlertmanager } from "./ingest";
import { sourceForPrincipal, sourceForSecret, type IngestSource } from "./source";
import { testPayload, type TestAlert } from "./alertmanager-test-fixtures";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let monitoringSource: IngestSource;
let resolvingSource: IngestSource;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const at = (min: number) => T0 + min * 60_000;
const iso = (min: number) => new Date(at(min)).toISOString();
let groups = 0;
const newGroup = () => `{}/{severity="critical"}:{alertname="Group${++groups}"}`;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  for (const slug of ["checkout", "search"]) await createService(admin, serviceInputSchema.parse({ name: slug, slug }));
  const monitoring = await createIntegration(admin, { name: "prod", rules: [{ match: { team: "payments" }, service: "checkout" }] });
  const resolving = await createIntegration(admin, { name: "staging", onAllResolved: "resolved", defaultSeverity: "SEV4" });
  monitoringSource = (await sourceForSecret(monitoring.secret))!;
  resolvingSource = (await sourceForSecret(resolving.secret))!;
});
afterAll(() => drop());

const deliver = (groupKey: string, alerts: TestAlert[], nowMin = 5, source = monitoringSource, extra = {}) => ingestAlertmanager(source, testPayload(groupKey, alerts, extra), at(nowMin));

async function incidentsOf(groupKey: string) {
  return getDb()
    .select({ id: schema.incidents.id, status: schema.incidents.status, previous: schema.incidents.previousIncidentId })
    .from(schema.incidents)
    .where(eq(schema.incidents.alertGroupKeyHash, groupKeyHash(groupKey)))
    .orderBy(asc(schema.incidents.number));
}

async function kinds(ref: string) {
  return (await listTimeline(admin, ref)).items.map((e) => (e.kind === "status" ? `status:${e.data.to}` : e.kind));
}

async function count(table: typeof schema.incidents | typeof schema.incidentAlerts | typeof schema.incidentTimeline | typeof schema.alertDeliveries) {
  return (await getDb().select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
}

const firing = (fingerprint: string, extra: Partial<TestAlert> = {}): TestAlert => ({ fingerprint, startsAt: iso(0), ...extra });
const resolved = (fingerprint: string, extra: Partial<TestAlert> = {}): TestAlert => ({ fingerprint, status: "resolved", startsAt: iso(0), endsAt: iso(10), ...extra });

describe("alert ingestion", () => {
  it("opens one incident for a group however often the same payload arrives, storing every delivery", async () => {
    const g = newGroup();
    const alerts = [firing("a1", { labels: { severity: "critical", service: "checkout" }, annotations: { summary: "Checkout is failing" } })];
    const outcomes = [];
    for (let n = 0; n < 5; n++) outcomes.push((await deliver(g, alerts, 5 + n)).outcome);
    expect(outcomes).toEqual(["opened", "unchanged", "unchanged", "unchanged", "unchanged"]);
    const [inc] = await incidentsOf(g);
    expect(await incidentsOf(g)).toHaveLength(1);
    const dto = await getIncident(responder, inc.id);
    expect(dto).toMatchObject({ title: "Checkout is failing", severity: "SEV1", status: "triaging", detectedBy: "alert", services: [{ slug: "checkout" }], createdBy: null, timestamps: { started: iso(0), detected: iso(5) } });
    expect(dto.alerts).toEqual([
      { fingerprint: "a1", alertname: "HighErrorRate", status: "firing", labels: { alertname: "HighErrorRate", severity: "critical", service: "checkout" }, annotations: { summary: "Checkout is failing" }, startsAt: iso(0), endsAt: null, generatorUrl: "http://prometheus.example:9090/graph?g0.expr=up" },
    ]);
    expect(await kinds(inc.id)).toEqual(["status:triaging", "alert_firing"]);
    const { items } = await listTimeline(admin, inc.id);
    expect(items.every((e) => e.author === null)).toBe(true);
    const deliveries = await getDb().select().from(schema.alertDeliveries).where(eq(schema.alertDeliveries.groupKeyHash, groupKeyHash(g)));
    expect(deliveries).toHaveLength(5);
    expect(deliveries[0]).toMatchObject({ incidentId: inc.id, source: "integration:prod", integrationId: monitoringSource.integrationId, status: "firing", alertCount: 1 });
    expect((deliveries[0].payload as { groupKey: string; truncatedAlerts: number }).groupKey).toBe(g);
    expect((deliveries[0].payload as { truncatedAlerts: number }).truncatedAlerts).toBe(0);
    const audit = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.target, dto.ref));
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([["incident.declared", "integration:prod"]]);
  });

  it("opens one incident for five concurrent deliveries of a group, keeping each alert once", async () => {
    const g = newGroup();
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(g, [firing("c1")])));
    expect(results.map((r) => r.outcome).sort()).toEqual(["opened", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(new Set(results.map((r) => r.incident?.id)).size).toBe(1);
    // Five different alerts of one group at once: still one incident, each alert appended once.
    const h = newGroup();
    await Promise.all(["d1", "d2", "d3", "d4", "d5"].map((f) => deliver(h, [firing(f)])));
    const [inc] = await incidentsOf(h);
    expect(await incidentsOf(h)).toHaveLength(1);
    expect((await getIncident(admin, inc.id)).alerts.map((a) => a.fingerprint).sort()).toEqual(["d1", "d2", "d3", "d4", "d5"]);
    expect((await kinds(inc.id)).filter((k) => k === "alert_firing")).toHaveLength(5);
  });

  it("records firing and resolved alerts of one payload each as such, once, and moves to monitoring when all have resolved", async () => {
    const g = newGroup();
    const first = await deliver(g, [firing("a"), firing("b")]);
    const ref = first.incident!.ref;
    const mixed = await deliver(g, [resolved("a"), firing("b"), firing("c", { startsAt: iso(3) })], 11);
    expect(mixed).toMatchObject({ outcome: "updated", alerts: { resolve: 1, refresh: 1, new: 1 }, incident: { status: "triaging" } });
    expect((await deliver(g, [resolved("a"), firing("b"), firing("c", { startsAt: iso(3) })], 12)).outcome).toBe("unchanged");
    expect(await kinds(ref)).toEqual(["status:triaging", "alert_firing", "alert_firing", "alert_resolved", "alert_firing"]);

    const done = await deliver(g, [resolved("b", { endsAt: iso(14) }), resolved("c", { startsAt: iso(3), endsAt: iso(15) })], 16);
    expect(done).toMatchObject({ outcome: "updated", incident: { ref, status: "monitoring" } });
    const dto = await getIncident(admin, ref);
    expect(dto.status).toBe("monitoring");
    expect(dto.timestamps.mitigated).toBe(iso(16));
    expect(dto.alerts.map((a) => [a.fingerprint, a.status, a.endsAt])).toEqual([["a", "resolved", iso(10)], ["b", "resolved", iso(14)], ["c", "resolved", iso(15)]]);
    const entries = (await listTimeline(admin, ref)).items;
    expect(entries.slice(-3).map((e) => [e.kind, e.author])).toEqual([["alert_resolved", null], ["alert_resolved", null], ["status", null]]);
    expect(entries.at(-1)).toMatchObject({ body: "Status triaging → monitoring: every alert of the group has resolved", data: { from: "triaging", to: "monitoring" } });
    // Alertmanager repeating the resolved notification changes nothing.
    expect((await deliver(g, [resolved("b", { endsAt: iso(14) }), resolved("c", { startsAt: iso(3), endsAt: iso(15) })], 17)).outcome).toBe("unchanged");
    expect((await listTimeline(admin, ref)).items).toHaveLength(entries.length);
  });

  it("moves back to investigating when an alert fires again while monitoring", async () => {
    const g = newGroup();
    const ref = (await deliver(g, [firing("a")])).incident!.ref;
    await deliver(g, [resolved("a")], 11);
    const again = await deliver(g, [firing("a", { startsAt: iso(12) })], 13);
    expect(again).toMatchObject({ outcome: "updated", alerts: { refire: 1 }, incident: { ref, status: "investigating" } });
    expect(await incidentsOf(g)).toHaveLength(1);
    expect(await kinds(ref)).toEqual(["status:triaging", "alert_firing", "alert_resolved", "status:monitoring", "alert_firing", "status:investigating"]);
    expect((await getIncident(admin, ref)).timestamps.mitigated).toBeNull();
  });

  it("resolves when the integration says so; a group firing again then opens a new incident linked to the earlier one", async () => {
    const g = newGroup();
    const first = await deliver(g, [firing("a")], 5, resolvingSource);
    expect(first.incident).toMatchObject({ status: "triaging" });
    expect((await getIncident(admin, first.incident!.id)).severity).toBe("SEV4");
    expect((await deliver(g, [resolved("a")], 11, resolvingSource)).incident).toMatchObject({ id: first.incident!.id, status: "resolved" });
    // A late retry of the first notification is about the episode that has ended: nothing opens.
    expect((await deliver(g, [firing("a")], 12, resolvingSource)).outcome).toBe("unchanged");
    expect(await incidentsOf(g)).toHaveLength(1);

    const again = await deliver(g, [firing("a", { startsAt: iso(20) })], 21, resolvingSource);
    expect(again).toMatchObject({ outcome: "opened", previousIncident: { id: first.incident!.id }, incident: { status: "triaging" } });
    const rows = await incidentsOf(g);
    expect(rows.map((r) => [r.status, r.previous])).toEqual([["resolved", null], ["triaging", first.incident!.id]]);
    const second = await getIncident(admin, again.incident!.id);
    expect(second.previousIncident).toEqual({ id: first.incident!.id, ref: first.incident!.ref });
    expect(second.alerts.map((a) => [a.fingerprint, a.status, a.startsAt])).toEqual([["a", "firing", iso(20)]]);
    expect((await listTimeline(admin, second.id)).items[0].body).toContain(`the group fired again after ${first.incident!.ref}`);
    // The earlier incident keeps its own alert as it was.
    expect((await getIncident(admin, first.incident!.id)).alerts.map((a) => [a.status, a.startsAt])).toEqual([["resolved", iso(0)]]);
  });

  it("keeps a closed-by-hand incident closed while its alert still repeats, and notes the resolution on it", async () => {
    const g = newGroup();
    const ref = (await deliver(g, [firing("a")])).incident!.ref;
    await updateIncident(responder, ref, { status: "resolved" }, undefined, at(6));
    expect((await deliver(g, [firing("a")], 7)).outcome).toBe("unchanged");
    expect(await incidentsOf(g)).toHaveLength(1);
    expect((await deliver(g, [resolved("a")], 11)).outcome).toBe("updated");
    expect((await getIncident(admin, ref)).status).toBe("resolved");
    expect((await kinds(ref)).at(-1)).toBe("alert_resolved");
  });

  it("maps severity and services by rules and labels, noting slugs Keel does not know", async () => {
    const g = newGroup();
    const r = await deliver(g, [
      firing("m1", { name: "SlowQueries", labels: { team: "payments", severity: "warning" } }),
      firing("m2", { name: "SlowQueries", labels: { job: "search", severity: "error" } }),
      firing("m3", { name: "SlowQueries", labels: { service: "ghost-svc", severity: "info" } }),
    ], 5, monitoringSource, { commonLabels: { alertname: "SlowQueries" } });
    const dto = await getIncident(admin, r.incident!.id);
    expect(dto).toMatchObject({ title: "SlowQueries", severity: "SEV2", services: [{ slug: "checkout" }, { slug: "search" }] });
    const note = (await listTimeline(admin, dto.id)).items.find((e) => e.kind === "note");
    expect(note).toMatchObject({ author: null, data: { unknownServices: ["ghost-svc"] } });
  });

  it("opens nothing for a group whose alerts all resolved before Keel saw them, but stores the delivery", async () => {
    const g = newGroup();
    const r = await deliver(g, [resolved("z")]);
    expect(r).toMatchObject({ outcome: "ignored", incident: null });
    expect(await incidentsOf(g)).toHaveLength(0);
    const [d] = await getDb().select().from(schema.alertDeliveries).where(eq(schema.alertDeliveries.id, r.deliveryId));
    expect(d).toMatchObject({ outcome: "ignored", incidentId: null });
  });

  it("writes nothing when any part of a delivery cannot be stored", async () => {
    const before = await Promise.all([schema.incidents, schema.incidentAlerts, schema.incidentTimeline, schema.alertDeliveries].map(count));
    const g = newGroup();
    const err = await deliver(g, [firing("n1", { annotations: { runbook: "bad\u0000byte" } })]).then(() => null, (e: unknown) => e);
    expect(err).toBeTruthy();
    expect(await Promise.all([schema.incidents, schema.incidentAlerts, schema.incidentTimeline, schema.alertDeliveries].map(count))).toEqual(before);
  });

  it("refuses a malformed payload with a 400 naming the problem, and a viewer's token with a 403", async () => {
    const err = await ingestAlertmanager(monitoringSource, { version: "4", groupKey: "x", status: "firing", alerts: [{ status: "firing" }] }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).fields).toHaveProperty(["alerts.0.fingerprint"]);
    const viewer = await makeUser("viewer");
    await expect(sourceForPrincipal(viewer)).rejects.toMatchObject({ code: "forbidden" });
    expect(await sourceForPrincipal(responder)).toMatchObject({ integrationId: null, onAllResolved: "monitoring", defaultSeverity: "SEV3", label: responder.email });
    expect(await sourceForPrincipal(responder, "staging")).toMatchObject({ integrationId: resolvingSource.integrationId, onAllResolved: "resolved" });
    await expect(sourceForPrincipal(responder, "nope")).rejects.toMatchObject({ code: "bad_request" });
  });
});
