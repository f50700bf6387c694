import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { unsubscribe } from "./subscriptions";
import { cancelMaintenance, createMaintenance, getMaintenance, listMaintenances, maintenanceComponentChoices, updateMaintenance } from "./maintenance-queries";

/**
 * Scheduled maintenance in the database: who may do what, what is refused, what is audited, and
 * which subscribers are emailed (through the delivery queue) when it is scheduled, moved or cancelled.
 */
let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;
const ids: Record<string, string> = {};
const subs: Record<string, string> = {};

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.parse("2026-03-01T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const d = schema.notificationDeliveries;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder", "rory@maintenance.test");
  viewer = await makeUser("viewer");
  for (const [slug, name, isPublic] of [["checkout", "Checkout", true], ["search", "Search", true], ["identity", "Identity", true], ["ledger", "Ledger", false]] as const) {
    ids[slug] = (await createService(admin, serviceInputSchema.parse({ name, slug, public: isPublic }))).id;
  }
  // Subscribers as the confirm flow leaves them (subscriptions.test.ts covers that flow).
  const subscriber = async (email: string, components: string[], confirmed = true) => {
    const [row] = await getDb()
      .insert(schema.statusSubscribers)
      .values({ email, components, tokenHash: randomUUID(), confirmedAt: confirmed ? new Date(T0 - 24 * H) : null })
      .returning({ id: schema.statusSubscribers.id });
    subs[email] = row.id;
  };
  await subscriber("all@example.com", []);
  await subscriber("checkout-fan@example.com", [ids.checkout]);
  await subscriber("search-fan@example.com", [ids.search]);
  await subscriber("identity-fan@example.com", [ids.identity]);
  await subscriber("ledger-fan@example.com", [ids.ledger]);
  await subscriber("unconfirmed@example.com", [], false);
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The maintenance emails queued so far beyond `after` (a delivery id), by recipient. */
async function mails(after = 0) {
  return getDb()
    .select()
    .from(d)
    .where(and(eq(d.event, "status_maintenance"), sql`${d.id} > ${after}`))
    .orderBy(asc(d.recipient));
}
const lastDeliveryId = async () => (await getDb().select({ n: sql<number>`coalesce(max(${d.id}), 0)::int` }).from(d))[0].n;
const auditOf = (target: string) => getDb().select().from(schema.auditLog).where(eq(schema.auditLog.target, target)).orderBy(asc(schema.auditLog.id));
const count = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(schema.statusMaintenances))[0].n;

const upgrade = { title: "Database upgrade", description: "Checkout may be slow.", startsAt: iso(T0 + 24 * H), endsAt: iso(T0 + 26 * H), services: ["checkout", "search"] };

describe("who may schedule maintenance", () => {
  it("lets viewers read but not schedule, edit or cancel", async () => {
    expect((await failure(createMaintenance(viewer, upgrade, T0))).code).toBe("forbidden");
    expect((await failure(updateMaintenance(viewer, randomUUID(), { title: "x" }, T0))).code).toBe("forbidden");
    expect((await failure(cancelMaintenance(viewer, randomUUID(), T0))).code).toBe("forbidden");
    expect(await listMaintenances(viewer, T0)).toEqual({ items: [] });
    expect(await maintenanceComponentChoices(viewer)).toEqual([
      { slug: "checkout", name: "Checkout" },
      { slug: "identity", name: "Identity" },
      { slug: "search", name: "Search" },
    ]);
    expect(await count()).toBe(0);
  });

  it("refuses private or unknown services and windows already over, naming the fields, and writes nothing", async () => {
    const e = await failure(createMaintenance(responder, { ...upgrade, services: ["checkout", "ledger", "nope"] }, T0));
    expect(e.code).toBe("bad_request");
    expect(e.fields).toEqual({ services: ["Not a public service: ledger, nope. Choose components from the list."] });
    const past = await failure(createMaintenance(responder, { ...upgrade, startsAt: iso(T0 - 2 * H), endsAt: iso(T0 - H), services: ["ledger"] }, T0));
    expect(past.fields).toEqual({ endsAt: ["This window has already ended; the end must be in the future."], services: ["Not a public service: ledger. Choose components from the list."] });
    expect((await failure(createMaintenance(responder, { ...upgrade, endsAt: upgrade.startsAt }, T0))).fields).toEqual({ endsAt: ["The end must be after the start."] });
    expect(await count()).toBe(0);
    expect(await mails()).toEqual([]);
  });

  it("answers not found for unknown and malformed ids", async () => {
    for (const id of [randomUUID(), "not-a-uuid", "'; drop table x; --"]) {
      expect((await failure(getMaintenance(viewer, id, T0))).code).toBe("not_found");
      expect((await failure(updateMaintenance(responder, id, { title: "x" }, T0))).code).toBe("not_found");
      expect((await failure(cancelMaintenance(admin, id, T0))).code).toBe("not_found");
    }
  });
});

describe("scheduling, editing and cancelling", () => {
  let id = "";

  it("schedules (responder): audited, and announced to confirmed followers of its components or of every one", async () => {
    const { maintenance: m, notified } = await createMaintenance(responder, upgrade, T0);
    id = m.id;
    expect(m).toMatchObject({
      title: "Database upgrade",
      description: "Checkout may be slow.",
      startsAt: iso(T0 + 24 * H),
      endsAt: iso(T0 + 26 * H),
      phase: "scheduled",
      cancelledAt: null,
      announcedAt: iso(T0),
      version: 1,
      createdBy: { name: "rory", email: "rory@maintenance.test" },
      services: [
        { slug: "checkout", name: "Checkout", public: true },
        { slug: "search", name: "Search", public: true },
      ],
    });
    expect(notified).toBe(3);
    const queued = await mails();
    expect(queued.map((x) => x.recipient)).toEqual(["all@example.com", "checkout-fan@example.com", "search-fan@example.com"]);
    for (const x of queued) {
      expect(x).toMatchObject({ channelId: null, incidentId: null, status: "pending" });
      expect(x.payload.subject).toBe("[Scheduled maintenance] Database upgrade");
      const text = String(x.payload.text);
      expect(text).toContain("Window: 2 Mar 2026, 10:00 to 12:00 UTC (2 h)");
      expect(text).toContain("Affected: Checkout, Search");
      expect(text).toContain(`/status#maintenance-${id}`);
      expect(text).not.toMatch(/rory|Ledger/);
      // Each carries its subscriber's own signed unsubscribe link.
      expect(text).toContain(`/status/unsubscribe?token=${encodeURIComponent(subs[x.recipient!])}.`);
    }
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ action: "status_maintenance.created", actorEmail: "rory@maintenance.test", actorId: responder.userId });
    expect(audit.details).toMatchObject({ title: "Database upgrade", services: ["checkout", "search"], notified: 3 });
  });

  it("saves a text edit without emails, and refuses a stale version keeping what is stored", async () => {
    const before = await lastDeliveryId();
    const { maintenance: m, notified } = await updateMaintenance(admin, id, { title: "Database upgrade (v16)", description: "", version: 1 }, T0 + H);
    expect(m).toMatchObject({ title: "Database upgrade (v16)", description: "", version: 2, announcedAt: iso(T0), updatedAt: iso(T0 + H) });
    expect(notified).toBe(0);
    const stale = await failure(updateMaintenance(admin, id, { title: "Lost", version: 1 }, T0 + H));
    expect(stale.code).toBe("conflict");
    expect((await getMaintenance(viewer, id, T0 + H)).title).toBe("Database upgrade (v16)");
    expect(await mails(before)).toEqual([]);
  });

  it("announces a new window with the old one, and other components to old and new followers", async () => {
    let before = await lastDeliveryId();
    const moved = await updateMaintenance(responder, id, { startsAt: "2026-03-02T13:00", endsAt: "2026-03-02T15:00", timeZone: "Europe/Paris" }, T0 + 2 * H);
    expect(moved.maintenance).toMatchObject({ startsAt: "2026-03-02T12:00:00.000Z", endsAt: "2026-03-02T14:00:00.000Z", announcedAt: iso(T0 + 2 * H), version: 3 });
    let queued = await mails(before);
    expect(queued.map((x) => x.recipient)).toEqual(["all@example.com", "checkout-fan@example.com", "search-fan@example.com"]);
    expect(queued[0].payload.subject).toBe("[Maintenance rescheduled] Database upgrade (v16)");
    expect(String(queued[0].payload.text)).toContain("Window: 2 Mar 2026, 12:00 to 14:00 UTC (2 h)\nAffected: Checkout, Search\nPreviously: 2 Mar 2026, 10:00 to 12:00 UTC (2 h)");

    before = await lastDeliveryId();
    const other = await updateMaintenance(responder, id, { services: ["identity"] }, T0 + 3 * H);
    expect(other.maintenance.services.map((s) => s.slug)).toEqual(["identity"]);
    queued = await mails(before);
    expect(queued.map((x) => x.recipient)).toEqual(["all@example.com", "checkout-fan@example.com", "identity-fan@example.com", "search-fan@example.com"]);
    expect(queued[0].payload.subject).toBe("[Maintenance updated] Database upgrade (v16)");
    expect(String(queued[0].payload.text)).toContain("Affected: Identity\n");
    expect((await auditOf(id)).map((a) => [a.action, a.details.announced])).toEqual([
      ["status_maintenance.created", undefined],
      ["status_maintenance.updated", null],
      ["status_maintenance.updated", "rescheduled"],
      ["status_maintenance.updated", "updated"],
    ]);
  });

  it("reaches nobody who unsubscribed in between", async () => {
    const token = decodeURIComponent(/unsubscribe\?token=(\S+)/.exec(String((await mails()).find((x) => x.recipient === "identity-fan@example.com")!.payload.text))![1]);
    expect(await unsubscribe(token)).toBe("unsubscribed");
    const before = await lastDeliveryId();
    await updateMaintenance(responder, id, { endsAt: "2026-03-02T14:30:00Z" }, T0 + 3 * H);
    expect((await mails(before)).map((x) => x.recipient)).toEqual(["all@example.com"]);
  });

  it("cancels (it stays, as cancelled), telling those who heard of it; cancelling again changes nothing", async () => {
    const before = await lastDeliveryId();
    const { maintenance: m, notified } = await cancelMaintenance(responder, id, T0 + 4 * H);
    expect(m).toMatchObject({ phase: "cancelled", cancelledAt: iso(T0 + 4 * H), announcedAt: iso(T0 + 4 * H) });
    expect(notified).toBe(1);
    const [mail] = await mails(before);
    expect(mail.payload.subject).toBe("[Maintenance cancelled] Database upgrade (v16)");
    const again = await cancelMaintenance(admin, id, T0 + 5 * H);
    expect(again).toEqual({ maintenance: { ...m }, notified: 0 });
    expect((await auditOf(id)).filter((a) => a.action === "status_maintenance.cancelled")).toHaveLength(1);
    expect((await failure(updateMaintenance(admin, id, { title: "Back on" }, T0 + 5 * H))).message).toBe("This maintenance is cancelled; it can no longer be changed.");
    expect((await listMaintenances(viewer, T0 + 5 * H)).items.map((x) => [x.id, x.phase])).toEqual([[id, "cancelled"]]);
  });

  it("sends no cancellation for a maintenance nobody was told about", async () => {
    const [row] = await getDb()
      .insert(schema.statusMaintenances)
      .values({ title: "Never announced", startsAt: new Date(T0 + 48 * H), endsAt: new Date(T0 + 49 * H) })
      .returning({ id: schema.statusMaintenances.id });
    await getDb().insert(schema.statusMaintenanceServices).values({ maintenanceId: row.id, serviceId: ids.checkout });
    const before = await lastDeliveryId();
    expect((await cancelMaintenance(responder, row.id, T0)).notified).toBe(0);
    expect(await mails(before)).toEqual([]);
  });
});

describe("maintenance as time passes", () => {
  it("may end early while in progress (recorded, not announced); once completed it is the record", async () => {
    const { maintenance: m } = await createMaintenance(admin, { title: "Cache flush", startsAt: iso(T0 - 30 * MIN), endsAt: iso(T0 + H), services: ["search"] }, T0);
    expect(m.phase).toBe("in_progress");
    const before = await lastDeliveryId();
    const early = await updateMaintenance(admin, m.id, { endsAt: iso(T0 + 5 * MIN) }, T0 + 10 * MIN);
    expect(early).toMatchObject({ maintenance: { phase: "completed", endsAt: iso(T0 + 5 * MIN) }, notified: 0 });
    expect(await mails(before)).toEqual([]);
    expect((await failure(updateMaintenance(admin, m.id, { title: "Renamed" }, T0 + 20 * MIN))).code).toBe("conflict");
    expect((await failure(cancelMaintenance(admin, m.id, T0 + 20 * MIN))).message).toBe("This maintenance is completed; it can no longer be cancelled.");
  });

  it("does not let a scheduled maintenance be moved into the past", async () => {
    const { maintenance: m } = await createMaintenance(admin, { title: "Later", startsAt: iso(T0 + 2 * H), endsAt: iso(T0 + 3 * H), services: ["search"] }, T0);
    const e = await failure(updateMaintenance(admin, m.id, { startsAt: iso(T0 - 2 * H), endsAt: iso(T0 - H) }, T0));
    expect(e.fields).toEqual({ endsAt: ["This window has already ended; the end must be in the future."] });
    expect((await getMaintenance(viewer, m.id, T0)).startsAt).toBe(iso(T0 + 2 * H));
  });

  it("shows a service made private since as such, and keeps its link", async () => {
    const { maintenance: m } = await createMaintenance(admin, { title: "Two parts", startsAt: iso(T0 + 5 * H), endsAt: iso(T0 + 6 * H), services: ["search", "identity"] }, T0);
    await getDb().update(schema.services).set({ public: false }).where(eq(schema.services.id, ids.identity));
    expect((await getMaintenance(viewer, m.id, T0)).services).toEqual([
      { slug: "identity", name: "Identity", public: false },
      { slug: "search", name: "Search", public: true },
    ]);
    await getDb().update(schema.services).set({ public: true }).where(eq(schema.services.id, ids.identity));
  });
});
