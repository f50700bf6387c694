import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createToken } from "@/lib/tokens/queries";
import { createFeedToken } from "./feed-store";
import { GET as list, POST as create } from "@/app/api/v1/schedules/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "@/app/api/v1/schedules/[id]/route";
import { GET as oncall } from "@/app/api/v1/schedules/[id]/oncall/route";
import { GET as shifts } from "@/app/api/v1/schedules/[id]/shifts/route";
import { GET as listOverrides, POST as addOverride } from "@/app/api/v1/schedules/[id]/overrides/route";
import { DELETE as deleteOverride } from "@/app/api/v1/schedules/[id]/overrides/[oid]/route";
import { GET as listSwaps, POST as offer } from "@/app/api/v1/schedules/[id]/swaps/route";
import { POST as take } from "@/app/api/v1/schedules/[id]/swaps/[sid]/take/route";
import { GET as feed } from "@/app/api/v1/schedules/[id]/calendar.ics/route";
import { GET as personFeed } from "@/app/api/v1/oncall/calendar.ics/route";
import type { OnCallDto, OverrideDto, ScheduleDto, ShiftDto, SwapDto } from "./dto";

let drop: () => Promise<void>;
let admin: Principal;
let rita: Principal;
let otto: Principal;
const tokens: Record<string, string> = {};

const H = 3_600_000;
const D = 24 * H;
const today = Math.floor(Date.now() / D);
/** A Monday 09:00 UTC four to five weeks ahead (overrides must not be in the past). */
const MON = (today + ((7 - ((today + 3) % 7)) % 7) + 28) * D + 9 * H;
const START = new Date(MON).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();
const base = "http://keel.test/api/v1/schedules";
const call = (method: string, who: string, path = "", body?: unknown) =>
  new Request(base + path, { method, headers: { Authorization: `Bearer ${tokens[who]}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const none = { params: Promise.resolve({}) };
const ps = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const json = async <T,>(res: Response) => (await res.json()) as T;
type Problem = { error: { code: string; message: string; fields?: Record<string, string[]> } };

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  rita = await makeUser("responder", "rita@api.example");
  otto = await makeUser("responder", "otto@api.example");
  const viewer = await makeUser("viewer");
  for (const [k, p] of Object.entries({ admin, rita, otto, viewer })) tokens[k] = (await createToken(admin, { email: p.email, name: `oncall-${k}` })).token;
});
afterAll(() => drop());

const weekly = (participants: string[]) => ({ type: "weekly", length: 1, handoffTime: "09:00", start: START, participants });

describe("REST /api/v1/schedules", () => {
  let id = "";

  it("creates with 201 from emails, lists, gets; bad input is a 400 with fields and saves nothing", async () => {
    expect(new Date(MON).getUTCDay()).toBe(1);
    const body = { name: "Payments", timeZone: "UTC", layers: [{ name: "Secondary", rotation: weekly([otto.email, rita.email]) }, { name: "Primary", rotation: weekly([rita.email, otto.userId]) }] };
    const res = await create(call("POST", "admin", "", body), none);
    expect(res.status).toBe(201);
    const s = await json<ScheduleDto>(res);
    id = s.id;
    expect(res.headers.get("Location")).toBe(`/api/v1/schedules/${id}`);
    expect(s.layers[1].rotation.participants.map((p) => p.email)).toEqual([rita.email, otto.email]);

    const bad = await create(call("POST", "admin", "", { name: "Bad", timeZone: "Nowhere/Land", layers: [{ name: "L", rotation: { ...weekly([]), handoffTime: "9am" } }] }), none);
    expect(bad.status).toBe(400);
    expect(Object.keys((await json<Problem>(bad)).error.fields ?? {}).sort()).toEqual(["layers.0.rotation.handoffTime", "layers.0.rotation.participants", "timeZone"]);
    expect((await create(call("POST", "admin", "", "{nope"), none)).status).toBe(400);
    expect((await create(call("POST", "rita", "", body), none)).status).toBe(403);
    expect((await create(call("POST", "admin", "", body), none)).status).toBe(409);
    expect((await json<{ items: { name: string }[] }>(await list(call("GET", "viewer"), none))).items.map((x) => x.name)).toEqual(["Payments"]);
    expect((await getOne(call("GET", "viewer", "/Payments"), ps({ id: "Payments" }))).status).toBe(200);
    expect((await getOne(call("GET", "viewer", "/nope"), ps({ id: "nope" }))).status).toBe(404);
  });

  it("answers ?at= per layer with emails and the shift's start and end; ?from=&to= with final shifts", async () => {
    const at = MON + 7 * D + 3 * H; // week 1: Primary otto, Secondary rita
    const res = await oncall(call("GET", "viewer", `/${id}/oncall?at=${iso(at)}`), ps({ id }));
    const body = await json<OnCallDto>(res);
    expect(body.layers.map((l) => [l.name, l.users.map((u) => u.email), l.start, l.end])).toEqual([
      ["Secondary", [rita.email], iso(MON + 7 * D), iso(MON + 14 * D)],
      ["Primary", [otto.email], iso(MON + 7 * D), iso(MON + 14 * D)],
    ]);
    expect(body.final).toMatchObject({ users: [{ email: otto.email }], start: iso(MON + 7 * D), end: iso(MON + 14 * D) });
    expect((await oncall(call("GET", "viewer", `/${id}/oncall?at=yesterday`), ps({ id }))).status).toBe(400);

    const s = await json<{ items: ShiftDto[] }>(await shifts(call("GET", "viewer", `/${id}/shifts?from=${iso(MON - D)}&to=${iso(MON + 14 * D)}`), ps({ id })));
    expect(s.items.map((x) => [x.start, x.end, x.users.map((u) => u.email)])).toEqual([
      [iso(MON - D), iso(MON), []],
      [iso(MON), iso(MON + 7 * D), [rita.email]],
      [iso(MON + 7 * D), iso(MON + 14 * D), [otto.email]],
    ]);
    const backwards = await shifts(call("GET", "viewer", `/${id}/shifts?from=${iso(MON)}&to=${iso(MON - D)}`), ps({ id }));
    expect(backwards.status).toBe(400);
    expect((await json<Problem>(backwards)).error.fields).toHaveProperty("to");
  });

  it("adds overrides (a conflicting one is a 400), swaps shifts, and deletes", async () => {
    const o = await addOverride(call("POST", "otto", `/${id}/overrides`, { kind: "replace", userId: otto.email, start: iso(MON + D), end: iso(MON + D + 8 * H) }), ps({ id }));
    expect(o.status).toBe(201);
    const saved = await json<OverrideDto>(o);
    const clash = await addOverride(call("POST", "rita", `/${id}/overrides`, { kind: "add", userId: rita.email, start: iso(MON + D + 4 * H), end: iso(MON + D + 10 * H) }), ps({ id }));
    expect(clash.status).toBe(400);
    expect((await json<Problem>(clash)).error.fields?.start?.[0]).toMatch(/conflicts with the replace override/);
    expect((await addOverride(call("POST", "viewer", `/${id}/overrides`, { kind: "add", userId: rita.email, start: iso(MON), end: iso(MON + H) }), ps({ id }))).status).toBe(403);
    expect((await json<{ items: OverrideDto[] }>(await listOverrides(call("GET", "viewer", `/${id}/overrides`), ps({ id })))).items.map((x) => x.id)).toEqual([saved.id]);

    const offered = await offer(call("POST", "rita", `/${id}/swaps`, { start: iso(MON + 3 * D), end: iso(MON + 4 * D), note: "moving house" }), ps({ id }));
    expect(offered.status).toBe(201);
    const swap = await json<SwapDto>(offered);
    const taken = await take(call("POST", "otto", `/${id}/swaps/${swap.id}/take`), ps({ id, sid: swap.id }));
    expect(taken.status).toBe(200);
    expect((await take(call("POST", "admin", `/${id}/swaps/${swap.id}/take`), ps({ id, sid: swap.id }))).status).toBe(409);
    expect((await json<{ items: SwapDto[] }>(await listSwaps(call("GET", "rita", `/${id}/swaps`), ps({ id })))).items.map((x) => [x.status, x.takenBy?.email])).toEqual([["taken", otto.email]]);
    const during = await json<OnCallDto>(await oncall(call("GET", "viewer", `/${id}/oncall?at=${iso(MON + 3 * D + H)}`), ps({ id })));
    expect(during.final.users.map((u) => u.email)).toEqual([otto.email]);

    expect((await deleteOverride(call("DELETE", "rita", `/${id}/overrides/${saved.id}`), ps({ id, oid: saved.id }))).status).toBe(403);
    expect((await deleteOverride(call("DELETE", "otto", `/${id}/overrides/${saved.id}`), ps({ id, oid: saved.id }))).status).toBe(204);
  });

  it("serves the iCalendar feed by token only, holding the override", async () => {
    const o = await json<OverrideDto>(await addOverride(call("POST", "admin", `/${id}/overrides`, { kind: "replace", userId: admin.email, start: iso(MON + 8 * D), end: iso(MON + 8 * D + 5 * H) }), ps({ id })));
    const { token } = await createFeedToken(rita, { schedule: id });
    const res = await feed(new Request(`${base}/${id}/calendar.ics?token=${encodeURIComponent(token)}`), ps({ id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const hit = events.find((e) => e.startDate.toJSDate().getTime() === Date.parse(o.start));
    expect(hit?.summary).toBe(`On call: ${admin.name} (override)`);
    expect(hit?.endDate.toJSDate().getTime()).toBe(Date.parse(o.end));
    // A bearer token is not a feed token; a wrong token is a 401.
    expect((await feed(call("GET", "admin", `/${id}/calendar.ics`), ps({ id }))).status).toBe(401);
    expect((await feed(new Request(`${base}/${id}/calendar.ics?token=keelcal_x`), ps({ id }))).status).toBe(401);
    // A person's feed: the admin's override is theirs.
    const mine = await createFeedToken(admin, { person: true });
    const personal = await personFeed(new Request(`http://keel.test${mine.path}`));
    expect(personal.status).toBe(200);
    const personalEvents = new ICAL.Component(ICAL.parse(await personal.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(personalEvents.map((e) => [e.summary, e.startDate.toJSDate().getTime()])).toContainEqual(["On call: Payments (override)", Date.parse(o.start)]);
    expect((await personFeed(new Request(`http://keel.test/api/v1/oncall/calendar.ics?token=${encodeURIComponent(token)}`))).status).toBe(401);
  });

  it("patches layers (stale version → 409) and deletes (admin)", async () => {
    const s = await json<ScheduleDto>(await getOne(call("GET", "viewer", `/${id}`), ps({ id })));
    const layers = s.layers.map((l) => ({ id: l.id, name: l.name, rotation: { ...l.rotation, participants: l.rotation.participants.map((p) => p.email) } }));
    const res = await patch(call("PATCH", "admin", `/${id}`, { layers: [...layers, { name: "Shadow", rotation: weekly([admin.email]) }], version: s.version }), ps({ id }));
    expect(res.status).toBe(200);
    expect((await json<ScheduleDto>(res)).layers.map((l) => l.name)).toEqual(["Secondary", "Primary", "Shadow"]);
    expect((await patch(call("PATCH", "admin", `/${id}`, { name: "Stale", version: s.version }), ps({ id }))).status).toBe(409);
    expect((await patch(call("PATCH", "admin", `/${id}`, { layers: [] }), ps({ id }))).status).toBe(400);
    expect((await remove(call("DELETE", "rita", `/${id}`), ps({ id }))).status).toBe(403);
    expect((await remove(call("DELETE", "admin", `/${id}`), ps({ id }))).status).toBe(204);
    expect((await getOne(call("GET", "viewer", `/${id}`), ps({ id }))).status).toBe(404);
  });
});
