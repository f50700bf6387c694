import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { createToken } from "@/lib/tokens/queries";
import { createIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import type { Principal } from "@/lib/auth/roles";
import { GET as list, POST as create } from "@/app/api/v1/runbooks/route";
import { DELETE as remove, GET as getOne, PUT as put } from "@/app/api/v1/runbooks/[slug]/route";
import { GET as attachedList } from "@/app/api/v1/incidents/[id]/runbooks/route";
import { DELETE as detach, POST as attach } from "@/app/api/v1/incidents/[id]/runbooks/[slug]/route";
import { PUT as step } from "@/app/api/v1/incidents/[id]/runbooks/[slug]/steps/[index]/route";
import type { AttachedRunbookDto, RunbookDto } from "./dto";

let drop: () => Promise<void>;
let responder: Principal;
const tokens: Record<"admin" | "responder" | "viewer", string> = { admin: "", responder: "", viewer: "" };

const call = (method: string, token: string, path: string, body?: unknown) =>
  new Request(`http://keel.test/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });
const none = params({});

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  responder = await makeUser("responder");
  const viewer = await makeUser("viewer");
  for (const [role, user] of [["admin", admin], ["responder", responder], ["viewer", viewer]] as const) tokens[role] = (await createToken(admin, { email: user.email, name: `runbooks-${role}` })).token;
});
afterAll(() => drop());

const body = { slug: "payments-degraded", title: "Payment provider degraded", scenario: "Card authorisations fail at one provider.", alertNames: ["PaymentProviderDegraded"], severityHint: "SEV2", steps: [{ title: "Confirm on the provider status page" }, { title: "Fail over to the secondary provider" }], contacts: [{ name: "Provider support", how: "+44 20 0000 0000" }] };

describe("REST /api/v1/runbooks", () => {
  it("creates (admin, 201 with a Location), lists with ?q=, reads, replaces and deletes", async () => {
    const res = await create(call("POST", tokens.admin, "/runbooks", body), none);
    expect(res.status).toBe(201);
    expect(res.headers.get("Location")).toBe("/api/v1/runbooks/payments-degraded");
    const created = (await res.json()) as RunbookDto;
    expect(created).toMatchObject({ slug: "payments-degraded", severityHint: "SEV2", version: 1, contacts: body.contacts });

    const found = async (q: string) => ((await (await list(call("GET", tokens.viewer, `/runbooks${q}`), none)).json()) as { items: RunbookDto[] }).items.map((r) => r.slug);
    expect(await found("?q=PaymentProvider")).toEqual(["payments-degraded"]);
    expect(await found("?q=nothing-like-it")).toEqual([]);

    const { slug: _slug, ...rest } = body;
    void _slug;
    const updated = await put(call("PUT", tokens.admin, "/runbooks/payments-degraded", { ...rest, severityHint: null, version: 1 }), params({ slug: "payments-degraded" }));
    expect(updated.status).toBe(200);
    expect((await updated.json()) as RunbookDto).toMatchObject({ severityHint: null, version: 2 });
    const stale = await put(call("PUT", tokens.admin, "/runbooks/payments-degraded", { ...rest, version: 1 }), params({ slug: "payments-degraded" }));
    expect(stale.status).toBe(409);

    const got = await getOne(call("GET", tokens.viewer, "/runbooks/payments-degraded"), params({ slug: "payments-degraded" }));
    expect(((await got.json()) as RunbookDto).version).toBe(2);
  });

  it("answers 403 to non-admin writes, 400 with fields for bad input, 404 for unknown slugs, 401 for an unknown token", async () => {
    expect((await create(call("POST", tokens.responder, "/runbooks", { ...body, slug: "x1" }), none)).status).toBe(403);
    const bad = await create(call("POST", tokens.admin, "/runbooks", { ...body, slug: "x2", steps: [], extra: 1 }), none);
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(fields.steps).toEqual(["A runbook needs at least one step."]);
    expect((await create(call("POST", tokens.admin, "/runbooks", "{not json"), none)).status).toBe(400);
    expect((await getOne(call("GET", tokens.viewer, "/runbooks/none"), params({ slug: "none" }))).status).toBe(404);
    expect((await remove(call("DELETE", tokens.responder, "/runbooks/payments-degraded"), params({ slug: "payments-degraded" }))).status).toBe(403);
    expect((await list(call("GET", "not-a-token", "/runbooks"), none)).status).toBe(401);
  });

  it("attaches to an incident (201, then 200), ticks a step, lists and detaches; viewers may only read", async () => {
    const inc = await createIncident(responder, { title: "Card payments failing", severity: "SEV2", services: [] });
    const p = params({ id: inc.ref, slug: "payments-degraded" });
    expect((await attach(call("POST", tokens.viewer, `/incidents/${inc.ref}/runbooks/payments-degraded`), p)).status).toBe(403);
    const first = await attach(call("POST", tokens.responder, `/incidents/${inc.ref}/runbooks/payments-degraded`), p);
    expect(first.status).toBe(201);
    expect((await attach(call("POST", tokens.responder, `/incidents/${inc.ref}/runbooks/payments-degraded`), p)).status).toBe(200);

    const tick = (index: string, payload: unknown, token = tokens.responder) => step(call("PUT", token, `/incidents/${inc.ref}/runbooks/payments-degraded/steps/${index}`, payload), params({ id: inc.ref, slug: "payments-degraded", index }));
    const ticked = await tick("1", { done: true });
    expect(ticked.status).toBe(200);
    expect(((await ticked.json()) as AttachedRunbookDto).done).toEqual([1]);
    expect((await tick("1", { done: true }, tokens.viewer)).status).toBe(403);
    expect((await tick("2", { done: true })).status).toBe(404);
    expect((await tick("one", { done: true })).status).toBe(400);
    expect((await tick("0", { done: "yes" })).status).toBe(400);

    const listed = await attachedList(call("GET", tokens.viewer, `/incidents/${inc.ref}/runbooks`), params({ id: inc.ref }));
    expect(((await listed.json()) as { items: AttachedRunbookDto[] }).items.map((a) => [a.runbook.slug, a.done])).toEqual([["payments-degraded", [1]]]);

    expect((await detach(call("DELETE", tokens.responder, `/incidents/${inc.ref}/runbooks/payments-degraded`), p)).status).toBe(204);
    expect((await detach(call("DELETE", tokens.responder, `/incidents/${inc.ref}/runbooks/payments-degraded`), p)).status).toBe(404);
    const kinds = (await listTimeline(responder, inc.ref)).items.filter((e) => e.kind === "action").map((e) => e.data);
    expect(kinds).toEqual([
      { runbook: "payments-degraded", change: "attached" },
      { runbook: "payments-degraded", step: 1, stepTitle: "Fail over to the secondary provider", done: true },
      { runbook: "payments-degraded", change: "detached", done: [1] },
    ]);

    expect((await remove(call("DELETE", tokens.admin, "/runbooks/payments-degraded"), params({ slug: "payments-degraded" }))).status).toBe(204);
  });
});
