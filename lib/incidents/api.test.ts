import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createToken } from "@/lib/tokens/queries";
import { GET as list, POST as create } from "@/app/api/v1/incidents/route";
import { GET as getOne, PATCH as patch } from "@/app/api/v1/incidents/[id]/route";
import { GET as timeline, POST as addEntry } from "@/app/api/v1/incidents/[id]/timeline/route";
import { POST as editTime } from "@/app/api/v1/incidents/[id]/timestamps/route";
import type { IncidentDto, IncidentSummaryDto } from "./dto";
import type { TimelineEntryDto } from "./timeline";

let drop: () => Promise<void>;
let responder: Principal;
let responderToken: string;
let viewerToken: string;

const base = "http://keel.test/api/v1/incidents";
const call = (method: string, token: string, path = "", body?: unknown) =>
  new Request(base + path, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const none = { params: Promise.resolve({}) };
const id = (value: string) => ({ params: Promise.resolve({ id: value }) });

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  responder = await makeUser("responder");
  const viewer = await makeUser("viewer");
  responderToken = (await createToken(admin, { email: responder.email, name: "incident-responder" })).token;
  viewerToken = (await createToken(admin, { email: viewer.email, name: "incident-viewer" })).token;
  for (const slug of ["checkout", "search"]) await createService(admin, serviceInputSchema.parse({ name: slug, slug }));
});
afterAll(() => drop());

describe("REST /api/v1/incidents", () => {
  it("declares with 201 and a Location, lists with filters in the query, gets by INC-n", async () => {
    const res = await create(call("POST", responderToken, "", { title: "Checkout 502s", severity: "SEV2", services: ["checkout"], customerFacing: true }), none);
    expect(res.status).toBe(201);
    const inc = (await res.json()) as IncidentDto;
    expect(res.headers.get("Location")).toBe(`/api/v1/incidents/${inc.id}`);
    expect(inc).toMatchObject({ severity: "SEV2", status: "triaging", customerFacing: true, services: [{ slug: "checkout" }] });
    await create(call("POST", responderToken, "", { title: "Search slow", severity: "SEV4", services: ["search"] }), none);

    const page = async (query: string) => ((await (await list(call("GET", viewerToken, query), none)).json()) as { items: IncidentSummaryDto[] }).items.map((i) => i.title);
    expect(await page("?severity=SEV2&severity=SEV3")).toEqual(["Checkout 502s"]);
    expect(await page("?severity=SEV2,SEV4&status=triaging&service=search")).toEqual(["Search slow"]);
    expect(await page("?q=checkout&from=&to=")).toEqual(["Checkout 502s"]);
    const bad = await list(call("GET", viewerToken, "?severity=SEV9&limit=0"), none);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("limit");

    const one = await getOne(call("GET", viewerToken, `/${inc.ref}`), id(inc.ref));
    expect(((await one.json()) as IncidentDto).id).toBe(inc.id);
    expect((await getOne(call("GET", viewerToken, "/INC-0"), id("INC-0"))).status).toBe(404);
  });

  it("answers 400 for an unknown service and malformed JSON, 403 for a viewer, 401 without a token", async () => {
    const unknown = await create(call("POST", responderToken, "", { title: "x", severity: "SEV3", services: ["nope"] }), none);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { code: "bad_request", message: 'No service with slug "nope".', fields: { services: ['No service with slug "nope".'] } } });
    expect((await create(call("POST", responderToken, "", "{oops"), none)).status).toBe(400);
    expect((await create(call("POST", viewerToken, "", { title: "x", severity: "SEV3", services: [] }), none)).status).toBe(403);
    expect((await list(call("GET", "not-a-token"), none)).status).toBe(401);
  });

  it("patches through the state machine: 200 for a good move, 409 with the reason for a bad one or a stale version", async () => {
    const inc = (await (await create(call("POST", responderToken, "", { title: "Queue backlog", severity: "SEV3", services: [] }), none)).json()) as IncidentDto;
    const moved = await patch(call("PATCH", responderToken, `/${inc.id}`, { status: "identified", commander: responder.email, version: 1 }), id(inc.id));
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ status: "identified", roles: { commander: { email: responder.email } }, version: 2 });
    const back = await patch(call("PATCH", responderToken, `/${inc.id}`, { status: "triaging" }), id(inc.id));
    expect(back.status).toBe(409);
    expect(await back.json()).toMatchObject({ error: { code: "conflict", message: "An incident cannot move from identified to triaging. From identified it can move to: monitoring, resolved." } });
    expect((await patch(call("PATCH", responderToken, `/${inc.id}`, { title: "Stale", version: 1 }), id(inc.id))).status).toBe(409);
    expect((await patch(call("PATCH", viewerToken, `/${inc.id}`, { title: "Viewer" }), id(inc.id))).status).toBe(403);
    expect((await patch(call("PATCH", responderToken, `/${inc.id}`, { colour: "red" }), id(inc.id))).status).toBe(400);

    const edited = await editTime(call("POST", responderToken, `/${inc.id}/timestamps`, { field: "started", at: "2020-01-01T00:00:00Z", reason: "Found older logs" }), id(inc.id));
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as IncidentDto).timestamps.started).toBe("2020-01-01T00:00:00.000Z");
  });

  it("adds timeline entries and returns only newer ones after an id", async () => {
    const inc = (await (await create(call("POST", responderToken, "", { title: "DNS", severity: "SEV1", services: [] }), none)).json()) as IncidentDto;
    const first = (await (await timeline(call("GET", viewerToken, `/${inc.id}/timeline`), id(inc.id))).json()) as { items: TimelineEntryDto[]; lastId: number };
    expect(first.items.map((e) => e.kind)).toEqual(["status"]);
    const added = await addEntry(call("POST", responderToken, `/${inc.id}/timeline`, { kind: "status_update", body: "We are investigating DNS failures." }), id(inc.id));
    expect(added.status).toBe(201);
    const after = (await (await timeline(call("GET", viewerToken, `/${inc.id}/timeline?after=${first.lastId}`), id(inc.id))).json()) as { items: TimelineEntryDto[] };
    expect(after.items.map((e) => [e.kind, e.body])).toEqual([["status_update", "We are investigating DNS failures."]]);
    expect((await addEntry(call("POST", viewerToken, `/${inc.id}/timeline`, { kind: "note", body: "x" }), id(inc.id))).status).toBe(403);
    expect((await timeline(call("GET", viewerToken, `/${inc.id}/timeline?after=abc`), id(inc.id))).status).toBe(400);
  });
});
