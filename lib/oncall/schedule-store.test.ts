import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { scheduleOnCall, scheduleShifts } from "./oncall-queries";
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from "./schedule-store";

let drop: () => Promise<void>;
let admin: Principal;
let rita: Principal;
let otto: Principal;
let viewer: Principal;

const H = 3_600_000;
const D = 24 * H;
/** Monday 5 January 2026, 09:00 in London (UTC+0 in winter): the first hand-off. */
const T0 = Date.UTC(2026, 0, 5, 9);
const iso = (ms: number) => new Date(ms).toISOString();
const weekly = (participants: string[]) => ({ type: "weekly" as const, length: 1, handoffTime: "09:00", start: "2026-01-05", participants });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const scheduleCount = async () => (await getDb().select({ n: count() }).from(schema.schedules))[0].n;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  rita = await makeUser("responder", "rita@oncall.example");
  otto = await makeUser("responder", "otto@oncall.example");
  viewer = await makeUser("viewer");
});
afterAll(() => drop());

describe("schedule store", () => {
  it("creates a schedule from emails or ids (admin), and viewers read it", async () => {
    const created = await createSchedule(admin, {
      name: "Payments",
      timeZone: "europe/london",
      layers: [
        { name: "Secondary", rotation: weekly([otto.email, rita.userId]) },
        { name: "Primary", rotation: weekly(["RITA@oncall.example", otto.email]) },
      ],
    });
    expect(created).toMatchObject({ name: "Payments", timeZone: "Europe/London", version: 1 });
    expect(created.layers.map((l) => [l.name, l.rotation.participants.map((p) => p.email)])).toEqual([
      ["Secondary", [otto.email, rita.email]],
      ["Primary", [rita.email, otto.email]],
    ]);
    expect((await getSchedule(viewer, "Payments")).id).toBe(created.id);
    expect((await listSchedules(viewer)).items.map((s) => [s.name, s.layers.map((l) => l.name)])).toEqual([["Payments", ["Secondary", "Primary"]]]);
    const [audit] = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, "schedule.created"));
    expect(audit).toMatchObject({ actorId: admin.userId, target: "Payments" });
  });

  it("refuses responders and viewers, and bad input with field errors, saving nothing", async () => {
    const before = await scheduleCount();
    const good = { name: "Other", timeZone: "UTC", layers: [{ name: "L", rotation: weekly([rita.email]) }] };
    expect((await refusal(createSchedule(rita, good))).code).toBe("forbidden");
    expect((await refusal(createSchedule(viewer, good))).code).toBe("forbidden");
    const cases: [unknown, string][] = [
      [{ ...good, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...good, layers: [] }, "layers"],
      [{ ...good, layers: [{ name: "L", rotation: weekly([]) }] }, "layers.0.rotation.participants"],
      [{ ...good, layers: [{ name: "L", rotation: weekly(["nobody@oncall.example"]) }] }, "layers.0.rotation.participants.0"],
      [{ ...good, layers: [{ name: "L", rotation: { ...weekly([rita.email]), handoffTime: "24:30" } }] }, "layers.0.rotation.handoffTime"],
      [{ ...good, layers: [{ name: "L", rotation: { ...weekly([rita.email]), start: "2026-02-30" } }] }, "layers.0.rotation.start"],
      [{ ...good, layers: [{ name: "L", rotation: weekly([rita.email]) }, { name: "l", rotation: weekly([otto.email]) }] }, "layers.1.name"],
      [{ ...good, layers: [{ name: "L", rotation: weekly([rita.email]), restrictions: [{ days: [], start: "09:00", end: "17:00" }] }] }, "layers.0.restrictions.0.days"],
    ];
    for (const [input, field] of cases) {
      const err = await refusal(createSchedule(admin, input));
      expect(err.code, field).toBe("bad_request");
      expect(Object.keys(err.fields ?? {}), field).toContain(field);
    }
    expect((await refusal(createSchedule(admin, { ...good, name: "Payments" }))).code).toBe("conflict");
    expect(await scheduleCount()).toBe(before);
  });

  it("answers who is on call at an instant, per layer and finally, with the stretch", async () => {
    // Week 0: Primary rita, Secondary otto; week 1: Primary otto, Secondary rita. London is UTC+0 in January.
    const at = await scheduleOnCall(viewer, "Payments", T0 + 2 * D);
    expect(at.final).toMatchObject({ users: [{ email: rita.email }], start: iso(T0), end: iso(T0 + 7 * D) });
    expect(at.layers.map((l) => [l.name, l.users.map((u) => u.email), l.start, l.end])).toEqual([
      ["Secondary", [otto.email], iso(T0), iso(T0 + 7 * D)],
      ["Primary", [rita.email], iso(T0), iso(T0 + 7 * D)],
    ]);
  });

  it("edits a rotation mid-shift: past shifts stay, the future follows the new definition", async () => {
    const before = await scheduleShifts(viewer, "Payments", T0, T0 + 14 * D);
    const editAt = T0 + 2 * D + 3 * H; // Wednesday 12:00, rita's primary week
    const s = await getSchedule(admin, "Payments");
    const layers = s.layers.map((l) => ({ id: l.id, name: l.name, rotation: { ...l.rotation, participants: l.rotation.participants.map((p) => p.id) } }));
    layers[1].rotation.participants = [otto.userId, rita.userId]; // Primary order swapped
    const edited = await updateSchedule(admin, s.id, { layers, version: s.version }, editAt);
    expect(edited.version).toBe(s.version + 1);
    expect(edited.layers.map((l) => l.versions)).toEqual([1, 2]);

    const after = await scheduleShifts(viewer, "Payments", T0, T0 + 14 * D);
    const final = (r: typeof after) => r.items.map((x) => [x.start, x.end, x.users.map((u) => u.email).join()]);
    // Before the edit: unchanged. From the edit: the new order counts from 5 January, so otto is on in week 0 and rita in week 1.
    expect(final(after)).toEqual([
      [iso(T0), iso(editAt), rita.email],
      [iso(editAt), iso(T0 + 7 * D), otto.email],
      [iso(T0 + 7 * D), iso(T0 + 14 * D), rita.email],
    ]);
    expect(final(before)[0]).toEqual([iso(T0), iso(T0 + 7 * D), rita.email]);
    // A stale version is refused; so is an unknown layer id; nothing changes.
    expect((await refusal(updateSchedule(admin, s.id, { name: "Stale", version: s.version }, editAt + H))).code).toBe("conflict");
    const unknown = await refusal(updateSchedule(admin, s.id, { layers: [{ ...layers[0], id: crypto.randomUUID() }] }, editAt + H));
    expect(Object.keys(unknown.fields ?? {})).toEqual(["layers.0.id"]);
    expect((await getSchedule(viewer, s.id)).version).toBe(edited.version);
  });

  it("removes and adds layers from the edit on, and refuses a time-zone change once started", async () => {
    const s = await getSchedule(admin, "Payments");
    const editAt = T0 + 21 * D;
    const primary = s.layers[1];
    await updateSchedule(admin, s.id, { layers: [{ id: primary.id, name: primary.name, rotation: { ...primary.rotation, participants: primary.rotation.participants.map((p) => p.id) } }, { name: "Shadow", rotation: weekly([rita.userId]) }] }, editAt);
    const after = await getSchedule(viewer, s.id);
    expect(after.layers.map((l) => l.name)).toEqual(["Primary", "Shadow"]);
    const past = await scheduleOnCall(viewer, s.id, T0 + 2 * D - H);
    expect(past.layers.find((l) => l.name === "Secondary")?.users.map((u) => u.email)).toEqual([otto.email]);
    expect(past.layers.find((l) => l.name === "Shadow")?.users).toEqual([]);
    const later = await scheduleOnCall(viewer, s.id, editAt + D);
    expect(later.layers.map((l) => l.name)).toEqual(["Primary", "Shadow"]); // the removed layer had nobody then
    expect(later.final.users.map((u) => u.email)).toEqual([rita.email]);
    const zone = await refusal(updateSchedule(admin, s.id, { timeZone: "America/Chicago" }, editAt));
    expect(Object.keys(zone.fields ?? {})).toEqual(["timeZone"]);
    expect((await refusal(updateSchedule(rita, s.id, { name: "Mine" }))).code).toBe("forbidden");
  });

  it("deletes (admin only)", async () => {
    const s = await createSchedule(admin, { name: "Temp", timeZone: "UTC", layers: [{ name: "L", rotation: weekly([rita.email]) }] });
    expect((await refusal(deleteSchedule(rita, s.id))).code).toBe("forbidden");
    await deleteSchedule(admin, s.id);
    expect((await refusal(getSchedule(viewer, s.id))).code).toBe("not_found");
  });
});
