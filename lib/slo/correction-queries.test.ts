import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createSlo } from "./queries";
import { sloInputSchema } from "./schemas";
import { correctionsForSlos, createCorrection, deleteCorrection, listCorrections } from "./correction-queries";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;
let sloA: string;
let sloB: string;
const MISSING = "00000000-0000-4000-8000-000000000000";

const weekly = { reason: "Sunday patching", startsAt: "2026-01-04T02:00:00Z", durationMinutes: 120, rrule: "FREQ=WEEKLY;BYDAY=SU", timeZone: "Europe/London" };

async function rowsOf(sloId: string) {
  return getDb().select().from(schema.sloCorrections).where(eq(schema.sloCorrections.sloId, sloId));
}
async function audits(action: string) {
  return getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
}
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  await createService(admin, serviceInputSchema.parse({ name: "Shop", slug: "shop" }));
  const base = { service: "shop", sli: { kind: "ratio", bad: 'http_requests_total{code=~"5.."}', total: "http_requests_total" }, target: 0.999 };
  sloA = (await createSlo(admin, sloInputSchema.parse({ ...base, name: "Availability", slug: "shop-availability" }))).id;
  sloB = (await createSlo(admin, sloInputSchema.parse({ ...base, name: "Checkout", slug: "shop-checkout" }))).id;
});
afterAll(() => drop());

describe("SLO corrections", () => {
  it("viewers and responders read but cannot create or delete, and nothing is written", async () => {
    expect(await listCorrections(viewer, sloA)).toEqual([]);
    for (const actor of [viewer, responder]) {
      expect((await failure(createCorrection(actor, sloA, weekly))).status).toBe(403);
    }
    expect(await rowsOf(sloA)).toHaveLength(0);
    const made = await createCorrection(admin, sloA, weekly);
    for (const actor of [viewer, responder]) {
      expect((await failure(deleteCorrection(actor, sloA, made.id))).status).toBe(403);
    }
    expect(await rowsOf(sloA)).toHaveLength(1);
    expect(await audits("slo.correction_deleted")).toHaveLength(0);
    expect((await failure(listCorrections(null as unknown as Principal, sloA))).status).toBe(401);
    await deleteCorrection(admin, sloA, made.id);
  });

  it("an admin creates one: stored canonically, described, its next occurrence given, audited", async () => {
    const made = await createCorrection(admin, sloA, { ...weekly, rrule: "freq=weekly;byday=su" });
    expect(made).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sloId: sloA,
      reason: "Sunday patching",
      startsAt: "2026-01-04T02:00:00.000Z",
      durationMinutes: 120,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      timeZone: "Europe/London",
      description: "Every Sunday 02:00–04:00 (Europe/London)",
      next: expect.any(String),
    });
    const [row] = await getDb().select().from(schema.sloCorrections).where(eq(schema.sloCorrections.id, made.id));
    expect(row).toMatchObject({ sloId: sloA, rrule: "FREQ=WEEKLY;BYDAY=SU", createdBy: admin.userId });
    const created = await audits("slo.correction_created");
    expect(created.at(-1)).toMatchObject({ actorId: admin.userId, target: "slo:shop-availability", details: { correctionId: made.id } });
    // Sunday 5 July 2026, 02:00 BST.
    const listed = await listCorrections(viewer, sloA, Date.UTC(2026, 6, 1));
    expect(listed.find((c) => c.id === made.id)?.next).toBe("2026-07-05T01:00:00.000Z");
    await deleteCorrection(admin, sloA, made.id);
  });

  it("bad input gives field errors and writes nothing", async () => {
    const err = await failure(createCorrection(admin, sloA, { reason: "", startsAt: "soon", durationMinutes: 50_000, rrule: "FREQ=HOURLY", timeZone: "Nowhere/Land" }));
    expect(err.status).toBe(400);
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(["durationMinutes", "reason", "rrule", "startsAt", "timeZone"]);
    expect(err.fields?.rrule?.[0]).toMatch(/more than once a day/);
    const dtstart = await failure(createCorrection(admin, sloA, { ...weekly, rrule: "DTSTART:20260104T020000Z\nRRULE:FREQ=WEEKLY" }));
    expect(dtstart.fields?.rrule?.[0]).toMatch(/Leave DTSTART/);
    expect(await rowsOf(sloA)).toHaveLength(0);
  });

  it("an unknown SLO or correction is a 404, and so is another SLO's correction", async () => {
    expect((await failure(listCorrections(viewer, MISSING))).status).toBe(404);
    expect((await failure(listCorrections(viewer, "not-a-uuid"))).status).toBe(404);
    expect((await failure(createCorrection(admin, MISSING, weekly))).status).toBe(404);
    const onB = await createCorrection(admin, sloB, { reason: "Data centre move", startsAt: "2026-03-03T14:00:00Z", durationMinutes: 120 });
    expect(onB.description).toBe("Once, 3 Mar 2026 14:00–16:00 UTC");
    const cross = await failure(deleteCorrection(admin, sloA, onB.id));
    expect(cross.status).toBe(404);
    expect((await failure(deleteCorrection(admin, MISSING, onB.id))).status).toBe(404);
    expect((await failure(deleteCorrection(admin, sloB, "nope"))).status).toBe(404);
    expect(await rowsOf(sloB)).toHaveLength(1);
    await deleteCorrection(admin, sloB, onB.id);
    expect(await rowsOf(sloB)).toHaveLength(0);
    expect((await audits("slo.correction_deleted")).at(-1)).toMatchObject({ actorId: admin.userId, target: "slo:shop-checkout", details: { correctionId: onB.id } });
    expect((await failure(deleteCorrection(admin, sloB, onB.id))).status).toBe(404);
  });

  it("correctionsForSlos groups every asked SLO's corrections in one call", async () => {
    const a1 = await createCorrection(admin, sloA, weekly);
    const a2 = await createCorrection(admin, sloA, { reason: "Once", startsAt: "2025-12-01T00:00:00Z", durationMinutes: 30 });
    const grouped = await correctionsForSlos([sloA, sloB, MISSING, "junk"]);
    expect([...grouped.keys()]).toEqual([sloA, sloB, MISSING, "junk"]);
    expect(grouped.get(sloA)?.map((c) => c.id)).toEqual([a2.id, a1.id]);
    expect(grouped.get(sloA)?.[1]).toEqual({ id: a1.id, reason: "Sunday patching", startsAt: new Date("2026-01-04T02:00:00Z"), durationMinutes: 120, rrule: "FREQ=WEEKLY;BYDAY=SU", timeZone: "Europe/London" });
    expect(grouped.get(sloB)).toEqual([]);
    expect(grouped.get(MISSING)).toEqual([]);
    expect((await correctionsForSlos([])).size).toBe(0);
  });
});
