import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, editTimestamp, getIncident, listIncidents, updateIncident } from "./queries";
import { addTimelineEntry, listTimeline } from "./timeline";
import type { IncidentFilter, IncidentInput } from "./schemas";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let other: Principal;
let viewer: Principal;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const min = (n: number) => T0 + n * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder", "rita@test.example");
  other = await makeUser("responder", "otto@test.example");
  viewer = await makeUser("viewer", "vera@test.example");
  for (const slug of ["checkout", "search", "billing"]) await createService(admin, serviceInputSchema.parse({ name: slug[0].toUpperCase() + slug.slice(1), slug }));
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Row counts of every incident table, to prove a refused call wrote nothing. */
async function counts() {
  const n = async (table: typeof schema.incidents | typeof schema.incidentTimeline | typeof schema.incidentServices | typeof schema.incidentResponders) =>
    (await getDb().select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { incidents: await n(schema.incidents), timeline: await n(schema.incidentTimeline), services: await n(schema.incidentServices), responders: await n(schema.incidentResponders) };
}

const declare = (input: Partial<IncidentInput> = {}, now = min(0)) => createIncident(responder, { title: "Checkout errors", severity: "SEV2", services: ["checkout"], ...input }, now);

describe("declaring incidents", () => {
  it("creates one in triaging with services, a human number and a declared entry on the timeline", async () => {
    const inc = await declare({ summary: "Payments fail with 502", customerFacing: true, startedAt: iso(min(-5)) });
    expect(inc).toMatchObject({
      ref: `INC-${inc.number}`,
      title: "Checkout errors",
      summary: "Payments fail with 502",
      severity: "SEV2",
      status: "triaging",
      customerFacing: true,
      detectedBy: "user",
      services: [{ slug: "checkout", name: "Checkout" }],
      roles: { commander: null, commsLead: null, responders: [] },
      timestamps: { started: iso(min(-5)), detected: iso(min(0)), acknowledged: null, mitigated: null, resolved: null, closed: null },
      createdBy: { id: responder.userId, email: "rita@test.example" },
      version: 1,
    });
    const second = await declare();
    expect(second.number).toBe(inc.number + 1);
    const { items } = await listTimeline(viewer, inc.ref);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "status", author: { id: responder.userId }, data: { declared: true, to: "triaging", severity: "SEV2" } });
    expect(items[0].body).toContain(`Declared ${inc.ref} as SEV2`);
    const audit = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.target, inc.ref));
    expect(audit.map((a) => a.action)).toEqual(["incident.declared"]);
  });

  it("refuses an unknown service slug with a 400 naming it, and writes nothing", async () => {
    const before = await counts();
    const err = await failure(declare({ services: ["checkout", "no-such-svc", "nope-two"] }));
    expect(err.status).toBe(400);
    expect(err.message).toBe('No service with slug "no-such-svc", "nope-two".');
    expect(err.fields).toEqual({ services: ['No service with slug "no-such-svc", "nope-two".'] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a start after detection and a detection in the future", async () => {
    expect((await failure(declare({ startedAt: iso(min(1)), detectedAt: iso(min(0)) }))).fields).toHaveProperty("startedAt");
    expect((await failure(declare({ detectedAt: iso(min(10)) }))).fields).toHaveProperty("detectedAt");
    expect((await failure(declare({ severity: "SEV5" as "SEV1" }))).fields).toHaveProperty("severity");
  });

  it("finds an incident by uuid, INC-n or n, and 404s otherwise", async () => {
    const inc = await declare();
    for (const ref of [inc.id, inc.ref, String(inc.number), inc.ref.toLowerCase()]) expect((await getIncident(viewer, ref)).id).toBe(inc.id);
    for (const ref of ["INC-999999", "nonsense", "00000000-0000-0000-0000-000000000000"]) expect((await failure(getIncident(viewer, ref))).status).toBe(404);
  });
});

describe("authorization inside the functions", () => {
  it("lets a viewer read but not declare, change, annotate or back-fill; nothing is written", async () => {
    const inc = await declare();
    const before = await counts();
    const refused = [
      createIncident(viewer, { title: "x", severity: "SEV3", services: [] }),
      updateIncident(viewer, inc.id, { status: "investigating" }),
      addTimelineEntry(viewer, inc.id, { kind: "note", body: "hi" }),
      editTimestamp(viewer, inc.id, "started", iso(min(-60)), "earlier"),
    ];
    for (const p of refused) expect((await failure(p)).status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await getIncident(viewer, inc.id)).status).toBe("triaging");
    expect((await failure(listIncidents(null as unknown as Principal))).status).toBe(401);
  });
});

describe("the lifecycle through updateIncident", () => {
  it("sets each milestone's time and writes a status entry per move, bumping the version", async () => {
    const inc = await declare({ severity: "SEV3" });
    const a = await updateIncident(responder, inc.id, { status: "investigating" }, 1, min(3));
    expect(a).toMatchObject({ status: "investigating", version: 2, timestamps: { acknowledged: iso(min(3)), mitigated: null } });
    const b = await updateIncident(responder, inc.ref, { status: "monitoring" }, 2, min(20));
    expect(b.timestamps).toMatchObject({ acknowledged: iso(min(3)), mitigated: iso(min(20)), resolved: null });
    const c = await updateIncident(responder, inc.ref, { status: "resolved" }, undefined, min(45));
    expect(c.timestamps).toMatchObject({ mitigated: iso(min(20)), resolved: iso(min(45)) });
    const d = await updateIncident(responder, inc.ref, { status: "closed" }, undefined, min(60));
    expect(d).toMatchObject({ status: "closed", version: 5, timestamps: { closed: iso(min(60)) } });
    const statusEntries = (await listTimeline(viewer, inc.id)).items.filter((e) => e.kind === "status" && !e.data.declared);
    expect(statusEntries.map((e) => [e.data.from, e.data.to, e.at, e.author?.id])).toEqual([
      ["triaging", "investigating", iso(min(3)), responder.userId],
      ["investigating", "monitoring", iso(min(20)), responder.userId],
      ["monitoring", "resolved", iso(min(45)), responder.userId],
      ["resolved", "closed", iso(min(60)), responder.userId],
    ]);
  });

  it("a relapse clears mitigated and resolved; the next resolution is stamped anew", async () => {
    const inc = await declare({ severity: "SEV3" });
    await updateIncident(responder, inc.id, { status: "resolved" }, undefined, min(10));
    const relapsed = await updateIncident(responder, inc.id, { status: "investigating" }, undefined, min(30));
    expect(relapsed.timestamps).toMatchObject({ acknowledged: iso(min(10)), mitigated: null, resolved: null });
    const again = await updateIncident(responder, inc.id, { status: "resolved" }, undefined, min(50));
    expect(again.timestamps).toMatchObject({ acknowledged: iso(min(10)), mitigated: iso(min(50)), resolved: iso(min(50)) });
  });

  it("refuses a bad move with a 409 naming the allowed states, and writes nothing of the patch", async () => {
    const inc = await declare();
    await updateIncident(responder, inc.id, { status: "monitoring" }, undefined, min(5));
    const before = await counts();
    const err = await failure(updateIncident(responder, inc.id, { status: "identified", title: "Renamed", commander: "otto@test.example" }));
    expect(err.status).toBe(409);
    expect(err.message).toBe("An incident cannot move from monitoring to identified. From monitoring it can move to: investigating, resolved.");
    expect(await counts()).toEqual(before);
    expect(await getIncident(viewer, inc.id)).toMatchObject({ status: "monitoring", title: "Checkout errors", roles: { commander: null }, version: 2 });
  });

  it("keeps SEV1/SEV2 open until a postmortem is published, closes SEV3, and treats closed as final", async () => {
    const sev2 = await declare();
    await updateIncident(responder, sev2.id, { status: "resolved" });
    const refused = await failure(updateIncident(responder, sev2.id, { status: "closed" }));
    expect(refused).toMatchObject({ code: "conflict", message: "This incident needs a published postmortem before it can be closed." });
    // Lowering the severity in the same patch makes the postmortem optional.
    const closed = await updateIncident(responder, sev2.id, { severity: "SEV3", status: "closed" });
    expect(closed.status).toBe("closed");
    const final = await failure(updateIncident(responder, sev2.id, { status: "investigating" }));
    expect(final.message).toMatch(/closed incident is final/);
  });

  it("refuses a stale version and writes nothing", async () => {
    const inc = await declare();
    await updateIncident(other, inc.id, { title: "Checkout down" }, 1);
    const before = await counts();
    const err = await failure(updateIncident(responder, inc.id, { severity: "SEV1", version: 1 }));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/Someone else changed INC-\d+/);
    expect(await counts()).toEqual(before);
    expect(await getIncident(viewer, inc.id)).toMatchObject({ severity: "SEV2", title: "Checkout down", version: 2 });
  });

  it("writes nothing for a patch that changes nothing", async () => {
    const inc = await declare();
    const before = await counts();
    const same = await updateIncident(responder, inc.id, { status: "triaging", title: "Checkout errors", severity: "SEV2", services: ["checkout"] });
    expect(same.version).toBe(1);
    expect(await counts()).toEqual(before);
  });
});

describe("roles, severity and fields", () => {
  it("assigns commander, comms lead and responders by email or id, each with a role entry", async () => {
    const inc = await declare();
    const updated = await updateIncident(responder, inc.id, {
      commander: "RITA@test.example",
      commsLead: other.userId,
      addResponders: [other.userId, "rita@test.example", other.userId],
      severity: "SEV1",
    });
    expect(updated.severity).toBe("SEV1");
    expect(updated.roles.commander).toEqual({ id: responder.userId, name: "rita", email: "rita@test.example" });
    expect(updated.roles.commsLead).toEqual({ id: other.userId, name: "otto", email: "otto@test.example" });
    expect(updated.roles.responders.map((p) => p.email).sort()).toEqual(["otto@test.example", "rita@test.example"]);
    expect(updated.commander?.email).toBe("rita@test.example");
    const handed = await updateIncident(responder, inc.id, { commander: other.email, removeResponders: [responder.userId] });
    expect(handed.roles.commander?.id).toBe(other.userId);
    expect(handed.roles.responders.map((p) => p.id)).toEqual([other.userId]);
    const cleared = await updateIncident(responder, inc.id, { commsLead: null });
    expect(cleared.roles.commsLead).toBeNull();

    const entries = (await listTimeline(viewer, inc.id)).items;
    expect(entries.filter((e) => e.kind === "severity").map((e) => e.data)).toEqual([{ from: "SEV2", to: "SEV1" }]);
    expect(entries.filter((e) => e.kind === "role").map((e) => e.body)).toEqual([
      "Incident commander: rita",
      "Communications lead: otto",
      "Responders: added otto, rita",
      "Incident commander: otto (was rita)",
      "Responders: removed rita",
      "Communications lead: nobody (was otto)",
    ]);
  });

  it("refuses a viewer or unknown person as a role holder with a field error, writing nothing", async () => {
    const inc = await declare();
    const before = await counts();
    const err = await failure(updateIncident(responder, inc.id, { commander: viewer.email, addResponders: ["ghost@test.example"] }));
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({ commander: ["vera@test.example is a viewer; incident roles need the responder role."], addResponders: ['No active user "ghost@test.example".'] });
    expect(await counts()).toEqual(before);
  });

  it("changes title, summary, customer-facing, impact and services with edit entries", async () => {
    const inc = await declare();
    await updateIncident(responder, inc.id, { title: "Checkout and search errors", summary: "Both 502", customerFacing: true, impact: { usersAffected: 1200, trafficPercent: 12.5 }, services: ["search", "checkout"] });
    const merged = await updateIncident(responder, inc.id, { impact: { trafficPercent: null, supportTickets: 7 }, services: ["search"] });
    expect(merged).toMatchObject({ title: "Checkout and search errors", summary: "Both 502", customerFacing: true, impact: { usersAffected: 1200, supportTickets: 7 }, services: [{ slug: "search" }] });
    expect(merged.impact).not.toHaveProperty("trafficPercent");
    const edits = (await listTimeline(viewer, inc.id)).items.filter((e) => e.kind === "edit");
    expect(edits.map((e) => e.data.field)).toEqual(["title", "summary", "customerFacing", "impact", "services", "impact", "services"]);
    expect(edits[4].data).toEqual({ field: "services", added: ["search"], removed: [] });
    expect(edits[6].data).toEqual({ field: "services", added: [], removed: ["checkout"] });
    expect(edits[5].body).toBe("Impact: users affected 1200, support tickets 7");
    expect((await failure(updateIncident(responder, inc.id, { services: ["ghost-svc"] }))).fields).toEqual({ services: ['No service with slug "ghost-svc".'] });
  });
});

describe("back-filling times", () => {
  it("edits a recorded time with a reason and a timestamp_edit entry, keeping the order", async () => {
    const inc = await declare({}, min(0));
    await updateIncident(responder, inc.id, { status: "monitoring" }, undefined, min(10));
    const edited = await editTimestamp(responder, inc.id, "started", iso(min(-30)), "Errors began before the alert", undefined, min(11));
    expect(edited.timestamps.started).toBe(iso(min(-30)));
    expect(edited.version).toBe(3);
    const entry = (await listTimeline(viewer, inc.id)).items.at(-1)!;
    expect(entry).toMatchObject({ kind: "timestamp_edit", data: { field: "started", from: iso(min(0)), to: iso(min(-30)), reason: "Errors began before the alert" } });

    const before = await counts();
    expect((await failure(editTimestamp(responder, inc.id, "mitigated", iso(min(5)), "x", undefined, min(11)))).message).toBe(`Mitigated cannot be before acknowledged (${iso(min(10))}).`);
    expect((await failure(editTimestamp(responder, inc.id, "detected", iso(min(-31)), "x", undefined, min(11)))).message).toBe(`Detected cannot be before started (${iso(min(-30))}).`);
    expect((await failure(editTimestamp(responder, inc.id, "resolved", iso(min(10)), "x", undefined, min(11)))).message).toMatch(/not recorded yet/);
    expect((await failure(editTimestamp(responder, inc.id, "mitigated", iso(min(30)), "x", undefined, min(11)))).message).toMatch(/future/);
    expect((await failure(editTimestamp(responder, inc.id, "mitigated", iso(min(10)), " ", undefined, min(11)))).fields).toHaveProperty("reason");
    expect((await failure(editTimestamp(responder, inc.id, "mitigated", iso(min(10)), "x", 1, min(11)))).status).toBe(409);
    expect(await counts()).toEqual(before);
  });
});

describe("the timeline", () => {
  it("adds notes, actions, links and status updates; `after` returns only newer entries", async () => {
    const inc = await declare();
    const first = await listTimeline(viewer, inc.id);
    const note = await addTimelineEntry(responder, inc.ref, { kind: "note", body: "Looking at the load balancer" });
    expect(note).toMatchObject({ kind: "note", author: { email: "rita@test.example" }, body: "Looking at the load balancer" });
    await addTimelineEntry(other, inc.id, { kind: "link", body: "Dashboard", data: { url: "https://grafana.example.com/d/1" } });
    await addTimelineEntry(other, inc.id, { kind: "action", body: "Rolled back 1.4.2", at: iso(min(1)) }, min(2));
    const newer = await listTimeline(viewer, inc.id, { after: first.lastId });
    expect(newer.items.map((e) => e.kind)).toEqual(["note", "link", "action"]);
    expect(newer.items[2].at).toBe(iso(min(1)));
    expect(newer.hasMore).toBe(false);
    const none = await listTimeline(viewer, inc.id, { after: newer.lastId });
    expect(none).toEqual({ items: [], lastId: newer.lastId, hasMore: false });
    const paged = await listTimeline(viewer, inc.id, { limit: 2 });
    expect(paged.items).toHaveLength(2);
    expect(paged.hasMore).toBe(true);
  });

  it("refuses system kinds, links without a URL and empty bodies", async () => {
    const inc = await declare();
    const before = await counts();
    expect((await failure(addTimelineEntry(responder, inc.id, { kind: "status" as "note", body: "x" }))).fields).toHaveProperty("kind");
    expect((await failure(addTimelineEntry(responder, inc.id, { kind: "link", body: "x", data: { url: "javascript:alert(1)" } }))).fields).toHaveProperty(["data.url"]);
    expect((await failure(addTimelineEntry(responder, inc.id, { kind: "note", body: "  " }))).fields).toHaveProperty("body");
    expect(await counts()).toEqual(before);
  });
});

describe("listing", () => {
  const mark = "zq";
  const made: { id: string; number: number; startedAt: number; severity: string; status: string; service: string }[] = [];

  beforeAll(async () => {
    const plan = [
      { severity: "SEV1", service: "billing", minute: 100, status: "triaging", summary: "Database connections exhausted" },
      { severity: "SEV2", service: "search", minute: 200, status: "investigating", summary: "Index rebuild stuck" },
      { severity: "SEV3", service: "billing", minute: 200, status: "resolved", summary: "Invoices delayed" },
      { severity: "SEV4", service: "search", minute: 200, status: "triaging", summary: "Typo on the results page" },
      { severity: "SEV2", service: "billing", minute: 300, status: "monitoring", summary: "Payment provider timeouts" },
      { severity: "SEV3", service: "search", minute: 400, status: "triaging", summary: "Slow autocomplete from the database replica" },
    ] as const;
    for (const p of plan) {
      const inc = await createIncident(responder, { title: `${mark} ${p.service} trouble`, severity: p.severity, services: [p.service], summary: p.summary, startedAt: iso(min(p.minute)), detectedAt: iso(min(p.minute)) }, min(500));
      if (p.status !== "triaging") await updateIncident(responder, inc.id, { status: p.status }, undefined, min(500));
      made.push({ id: inc.id, number: inc.number, startedAt: min(p.minute), severity: p.severity, status: p.status, service: p.service });
    }
  });

  const ids = async (f: IncidentFilter) => (await listIncidents(viewer, { q: mark, limit: 200, ...f })).items.map((i) => i.id);
  /** The expected order computed here: newest start first, ties by id descending. */
  const expected = (keep: (m: (typeof made)[number]) => boolean) =>
    made
      .filter(keep)
      .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);

  it("filters by status, severity, service and start range", async () => {
    expect(await ids({})).toEqual(expected(() => true));
    expect(await ids({ status: ["triaging", "monitoring"] })).toEqual(expected((m) => m.status === "triaging" || m.status === "monitoring"));
    expect(await ids({ severity: "SEV2,SEV3" as unknown as ["SEV2"] })).toEqual(expected((m) => m.severity === "SEV2" || m.severity === "SEV3"));
    expect(await ids({ service: "billing" })).toEqual(expected((m) => m.service === "billing"));
    expect(await ids({ from: iso(min(200)), to: iso(min(400)) })).toEqual(expected((m) => m.startedAt >= min(200) && m.startedAt < min(400)));
    expect(await ids({ service: "billing", severity: ["SEV2"] })).toEqual(expected((m) => m.service === "billing" && m.severity === "SEV2"));
    expect(await ids({ service: "no-such" })).toEqual([]);
    expect((await failure(listIncidents(viewer, { status: ["open" as "triaging"] }))).fields).toHaveProperty(["status.0"]);
  });

  it("searches title and summary with full text (stemmed, web syntax) and by number", async () => {
    // "databases" matches "Database" and "database" through stemming.
    expect(await ids({ q: `${mark} databases` })).toEqual(expected((m) => m === made[0] || m === made[5]));
    expect(await ids({ q: `${mark} database -replica` })).toEqual([made[0].id]);
    expect(await ids({ q: `${mark} "payment provider"` })).toEqual([made[4].id]);
    expect(await ids({ q: `${mark} billing or typo` })).toEqual(expected((m) => m.service === "billing" || m === made[3]));
    expect((await listIncidents(viewer, { q: `INC-${made[2].number}` })).items.map((i) => i.id)).toEqual([made[2].id]);
    expect((await listIncidents(viewer, { q: String(made[2].number) })).items.map((i) => i.id)).toEqual([made[2].id]);
  });

  it("pages by keyset without duplicates or gaps, also across ties and microseconds", async () => {
    // Three incidents share a start to the millisecond but differ in microseconds.
    const tie = made.slice(1, 4).map((m) => m.id);
    for (const [k, id] of tie.entries()) {
      await getDb().execute(sql`update incidents set started_at = ${iso(min(200))}::timestamptz + ${`${k + 1} microseconds`}::interval where id = ${id}::uuid`);
    }
    const all = await ids({});
    expect(all).toHaveLength(made.length);
    for (const limit of [1, 2, 3, 4, 5]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listIncidents(viewer, { q: mark, limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(made.length / limit));
    }
    expect((await failure(listIncidents(viewer, { cursor: "garbage" }))).status).toBe(400);
  });

  it("shows services and the commander in list items", async () => {
    await updateIncident(responder, made[5].id, { commander: responder.email });
    const [item] = (await listIncidents(viewer, { q: `${mark} autocomplete` })).items;
    expect(item).toMatchObject({ ref: `INC-${made[5].number}`, severity: "SEV3", services: [{ slug: "search", name: "Search" }], commander: { email: "rita@test.example" }, timestamps: { started: iso(min(400)) } });
  });
});
