import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createToken } from "@/lib/tokens/queries";
import { GET as list, POST as create } from "@/app/api/v1/escalation-policies/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "@/app/api/v1/escalation-policies/[id]/route";
import type { EscalationPolicyDto } from "./escalation-dto";
import { insertSchedule } from "./testing/db-schedule";

let drop: () => Promise<void>;
let adminToken: string;
let viewerToken: string;

const base = "http://keel.test/api/v1/escalation-policies";
const call = (method: string, token: string, path = "", body?: unknown) =>
  new Request(base + path, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const none = { params: Promise.resolve({}) };
const id = (value: string) => ({ params: Promise.resolve({ id: value }) });
const policyCount = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(schema.escalationPolicies))[0].n;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin", "ada@test.example");
  const viewer = await makeUser("viewer", "vera@test.example");
  adminToken = (await createToken(admin, { email: admin.email, name: "admin" })).token;
  viewerToken = (await createToken(admin, { email: viewer.email, name: "viewer" })).token;
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout-api" }));
  await insertSchedule(getDb(), "Payments on-call", "UTC", [
    { name: "primary", participants: [admin.userId] },
    { name: "secondary", participants: [viewer.userId] },
  ]);
});
afterAll(() => drop());

const body = {
  name: "Payments",
  repeat: 1,
  services: ["checkout-api"],
  steps: [
    { targets: [{ kind: "layer", scheduleId: "Payments on-call", layerId: "primary" }], delayMinutes: 15 },
    { targets: [{ kind: "user", userId: "ada@test.example" }], delayMinutes: 30 },
  ],
};

describe("/api/v1/escalation-policies", () => {
  it("creates, reads, edits with a version check and deletes a policy; viewers read only", async () => {
    const res = await create(call("POST", adminToken, "", body), none);
    expect(res.status).toBe(201);
    const p = (await res.json()) as EscalationPolicyDto;
    expect(res.headers.get("location")).toBe(`/api/v1/escalation-policies/${p.id}`);
    expect(p.steps[0].targets[0]).toMatchObject({ kind: "layer", label: "Payments on-call · primary" });

    const listed = (await (await list(call("GET", viewerToken), none)).json()) as { items: EscalationPolicyDto[] };
    expect(listed.items.map((x) => x.name)).toEqual(["Payments"]);
    expect((await (await getOne(call("GET", viewerToken, `/${p.id}`), id(p.id))).json()) as EscalationPolicyDto).toEqual(p);

    expect((await create(call("POST", viewerToken, "", { ...body, name: "Other", services: [] }), none)).status).toBe(403);
    expect((await patch(call("PATCH", viewerToken, `/${p.id}`, { repeat: 0 }), id(p.id))).status).toBe(403);

    const edited = await patch(call("PATCH", adminToken, `/${p.id}`, { repeat: 0, services: [], version: p.version }), id(p.id));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ repeat: 0, services: [], version: 2 });
    expect((await patch(call("PATCH", adminToken, `/${p.id}`, { repeat: 2, version: 1 }), id(p.id))).status).toBe(409);

    expect((await remove(call("DELETE", viewerToken, `/${p.id}`), id(p.id))).status).toBe(403);
    expect((await remove(call("DELETE", adminToken, `/${p.id}`), id(p.id))).status).toBe(204);
    expect((await getOne(call("GET", adminToken, `/${p.id}`), id(p.id))).status).toBe(404);
  });

  it("answers bad input with a 400 problem naming the fields, and saves nothing", async () => {
    const before = await policyCount();
    const malformed = await create(call("POST", adminToken, "", "{not json"), none);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: "bad_request", message: "The request body is not valid JSON." } });
    const bad = await create(call("POST", adminToken, "", { ...body, repeat: 12, steps: [{ targets: [{ kind: "team", id: "x" }], delayMinutes: 1.5 }] }), none);
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(problem.error.code).toBe("bad_request");
    expect(Object.keys(problem.error.fields).sort()).toEqual(["repeat", "steps.0.delayMinutes", "steps.0.targets.0.kind"]);
    const unknown = await create(call("POST", adminToken, "", { ...body, steps: [{ targets: [{ kind: "layer", scheduleId: "Payments on-call", layerId: "tertiary" }], delayMinutes: 5 }] }), none);
    expect(((await unknown.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({ "steps.0.targets.0": ['The schedule "Payments on-call" has no layer "tertiary".'] });
    expect(await policyCount()).toBe(before);
    expect((await getOne(call("GET", adminToken, "/nope"), id("nope"))).status).toBe(404);
  });
});
