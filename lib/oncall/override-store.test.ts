import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { scheduleOnCall } from "./oncall-queries";
import { addOverride, deleteOverride, listOverrides } from "./override-store";
import { createSchedule } from "./schedule-store";

let drop: () => Promise<void>;
let kind: string;
let admin: Principal;
let rita: Principal;
let otto: Principal;
let viewer: Principal;
let scheduleId: string;
let primaryId: string;

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC: first hand-off
const NOW = T0 - 7 * D;
const iso = (ms: number) => new Date(ms).toISOString();
const weekly = (participants: string[]) => ({ type: "weekly" as const, length: 1, handoffTime: "09:00", start: "2026-01-05", participants });
const overrideCount = async () => (await getDb().select({ n: count() }).from(schema.scheduleOverrides).where(eq(schema.scheduleOverrides.scheduleId, scheduleId)))[0].n;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  ({ drop, kind } = await freshDatabase());
  admin = await makeUser("admin");
  rita = await makeUser("responder", "rita@ov.example");
  otto = await makeUser("responder", "otto@ov.example");
  viewer = await makeUser("viewer", "vera@ov.example");
  const s = await createSchedule(admin, { name: "Checkout", timeZone: "UTC", layers: [{ name: "Secondary", rotation: weekly([otto.email, rita.email]) }, { name: "Primary", rotation: weekly([rita.email, otto.email]) }] });
  scheduleId = s.id;
  primaryId = s.layers[1].id;
});
afterAll(() => drop());

describe("override store", () => {
  it("adds an override (responder) that changes who is on call, and lists it", async () => {
    const o = await addOverride(otto, "Checkout", { kind: "replace", userId: otto.email, start: iso(T0 + D), end: iso(T0 + D + 8 * H), note: "covering" }, NOW);
    expect(o).toMatchObject({ kind: "replace", user: { email: otto.email }, layerId: null, start: iso(T0 + D), end: iso(T0 + D + 8 * H), note: "covering", createdBy: { id: otto.userId } });
    const during = await scheduleOnCall(viewer, scheduleId, T0 + D + H);
    expect(during.final).toMatchObject({ users: [{ email: otto.email }], start: iso(T0 + D), end: iso(T0 + D + 8 * H) });
    expect((await scheduleOnCall(viewer, scheduleId, T0 + D - H)).final.users.map((u) => u.email)).toEqual([rita.email]);
    expect((await listOverrides(viewer, scheduleId)).items.map((x) => x.id)).toEqual([o.id]);
    expect((await listOverrides(viewer, scheduleId, { fromMs: T0 + 2 * D, toMs: T0 + 3 * D })).items).toEqual([]);
  });

  it("refuses viewers, bad input and conflicts with field errors, saving nothing", async () => {
    const before = await overrideCount();
    const ok = { kind: "add", userId: rita.email, start: iso(T0 + 3 * D), end: iso(T0 + 3 * D + H) };
    expect((await refusal(addOverride(viewer, scheduleId, ok, NOW))).code).toBe("forbidden");
    const cases: [unknown, string][] = [
      [{ ...ok, end: iso(T0 + 2 * D) }, "end"],
      [{ ...ok, start: "tomorrow" }, "start"],
      [{ ...ok, kind: "swap" }, "kind"],
      [{ ...ok, userId: "ghost@ov.example" }, "userId"],
      [{ ...ok, layerId: crypto.randomUUID() }, "layerId"],
      [{ ...ok, start: iso(NOW - D), end: iso(NOW + D) }, "start"], // the past is history for a responder
      // Overlaps the replace override of T0+1d (a replace conflicts with anything on its layers).
      [{ kind: "add", userId: rita.email, start: iso(T0 + D + 7 * H), end: iso(T0 + D + 9 * H) }, "start"],
    ];
    for (const [input, field] of cases) {
      const err = await refusal(addOverride(rita, scheduleId, input, NOW));
      expect(err.code, field).toBe("bad_request");
      expect(Object.keys(err.fields ?? {}), field).toContain(field);
    }
    const conflict = await refusal(addOverride(rita, scheduleId, cases.at(-1)![0], NOW));
    expect(conflict.message).toMatch(/conflicts with the replace override for otto/);
    expect(await overrideCount()).toBe(before);
    // Touching ends do not overlap; an admin may correct the past.
    await addOverride(rita, scheduleId, { kind: "add", userId: rita.email, start: iso(T0 + D + 8 * H), end: iso(T0 + D + 9 * H), layerId: primaryId }, NOW);
    await addOverride(admin, scheduleId, { kind: "add", userId: rita.email, start: iso(NOW - D), end: iso(NOW - D + H) }, NOW);
    expect(await overrideCount()).toBe(before + 2);
  });

  it(`refuses the second of two concurrent conflicting overrides (${"lock"} on the schedule row)`, async () => {
    const before = await overrideCount();
    const a = { kind: "replace", userId: rita.email, start: iso(T0 + 10 * D), end: iso(T0 + 11 * D) };
    const b = { kind: "replace", userId: otto.email, start: iso(T0 + 10 * D + 12 * H), end: iso(T0 + 12 * D) };
    for (let round = 0; round < 3; round++) {
      const shift = round * 3 * D;
      const at = (x: typeof a) => ({ ...x, start: iso(Date.parse(x.start) + shift), end: iso(Date.parse(x.end) + shift) });
      const results = await Promise.allSettled([addOverride(rita, scheduleId, at(a), NOW), addOverride(otto, scheduleId, at(b), NOW)]);
      expect(results.filter((r) => r.status === "fulfilled"), kind).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as AppError).code).toBe("bad_request");
    }
    expect(await overrideCount()).toBe(before + 3);
  });

  it("removes: not started → deleted; under way → ended now; past → kept; only its maker, its person or an admin", async () => {
    const future = await addOverride(rita, scheduleId, { kind: "add", userId: rita.email, start: iso(T0 + 20 * D), end: iso(T0 + 21 * D) }, NOW);
    expect((await refusal(deleteOverride(otto, scheduleId, future.id, NOW))).code).toBe("forbidden");
    expect((await refusal(deleteOverride(viewer, scheduleId, future.id, NOW))).code).toBe("forbidden");
    expect(await deleteOverride(rita, scheduleId, future.id, NOW)).toEqual({ ended: false });
    const ongoing = await addOverride(rita, scheduleId, { kind: "add", userId: rita.email, start: iso(T0 + 30 * D), end: iso(T0 + 31 * D) }, NOW);
    expect(await deleteOverride(admin, scheduleId, ongoing.id, T0 + 30 * D + H)).toEqual({ ended: true });
    const [row] = await getDb().select().from(schema.scheduleOverrides).where(eq(schema.scheduleOverrides.id, ongoing.id));
    expect(row.endsAt.getTime()).toBe(T0 + 30 * D + H);
    expect((await refusal(deleteOverride(rita, scheduleId, ongoing.id, T0 + 32 * D))).code).toBe("conflict");
    expect((await refusal(deleteOverride(rita, scheduleId, crypto.randomUUID(), NOW))).code).toBe("not_found");
  });
});
