import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { getDb, schema, type Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { policyState } from "./policy";
import { getOrgPolicy, listPolicyOverrides, policiesForServices, removeServicePolicy, saveOrgPolicy, saveServicePolicy } from "./policy-store";
import { policyFormToInput, policyPercentSchema, toPolicyFormErrors } from "./policy-schemas";
import { createToken } from "@/lib/tokens/queries";
import { GET as getPolicy, PUT as putPolicy } from "@/app/api/v1/policy/route";
import { DELETE as deleteOverride, PUT as putOverride } from "@/app/api/v1/policy/services/[slug]/route";

let db: Db;
let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;
let responder: Principal;
const ids: Record<string, string> = {};

const actions = { healthy: ["Ship."], warning: ["Ship carefully."], exhausted: ["Freeze."] };

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  admin = await makeUser("admin");
  viewer = await makeUser("viewer");
  responder = await makeUser("responder");
  for (const slug of ["checkout-api", "search", "ledger"]) {
    ids[slug] = (await createService(admin, serviceInputSchema.parse({ name: slug, slug }))).id;
  }
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const policyRows = () => getDb().select().from(schema.budgetPolicies);
const auditActions = async () => (await getDb().select({ action: schema.auditLog.action }).from(schema.auditLog)).map((r) => r.action);

describe("policy store (on a fresh database)", () => {
  it("serves the built-in defaults while nothing is stored", async () => {
    expect(await policyRows()).toEqual([]);
    const org = await getOrgPolicy();
    expect(org).toMatchObject({ warningBelow: 0.5, exhaustedBelow: 0.2, version: 0 });
    expect(org.actions.exhausted[0]).toBe("Freeze non-critical deployments.");
    const map = await policiesForServices([ids["checkout-api"], ids.search]);
    expect(map.get(ids.search)).toMatchObject({ policy: { warningBelow: 0.5, exhaustedBelow: 0.2 }, overridden: false });
    expect(await listPolicyOverrides(viewer)).toEqual([]);
    expect((await policiesForServices([])).size).toBe(0);
  });

  it("lets only admins write, and writes nothing for anyone else", async () => {
    const input = { warningBelow: 0.4, exhaustedBelow: 0.1, actions };
    for (const actor of [viewer, responder]) {
      expect((await failure(saveOrgPolicy(actor, input))).status).toBe(403);
      expect((await failure(saveServicePolicy(actor, "search", input))).status).toBe(403);
      expect((await failure(removeServicePolicy(actor, "search"))).status).toBe(403);
    }
    expect((await failure(listPolicyOverrides(null as unknown as Principal))).status).toBe(401);
    expect(await policyRows()).toEqual([]);
  });

  it("refuses invalid policies with field errors and writes nothing", async () => {
    const err = await failure(saveOrgPolicy(admin, { warningBelow: 0.2, exhaustedBelow: 0.3, actions }));
    expect(err.code).toBe("bad_request");
    expect(err.fields?.exhaustedBelow).toEqual(["Exhausted must be below Warning."]);
    const bounds = await failure(saveServicePolicy(admin, "search", { warningBelow: 1.5, exhaustedBelow: -0.1, actions }));
    expect(bounds.fields).toMatchObject({ warningBelow: ["Warning is between 0 and 1."], exhaustedBelow: ["Exhausted is between 0 and 1."] });
    const blank = await failure(saveOrgPolicy(admin, { warningBelow: 0.5, exhaustedBelow: 0.2, actions: { ...actions, warning: ["ok", "  "] } }));
    expect(blank.fields?.["actions.warning.1"]).toEqual(["An action cannot be empty."]);
    expect(await policyRows()).toEqual([]);
  });

  it("validates what people type in percent and converts it to shares", () => {
    const ok = policyPercentSchema.parse({ warningBelowPercent: 12.3, exhaustedBelowPercent: 0, actions, note: "  why  " });
    expect(ok).toEqual({ warningBelow: 0.123, exhaustedBelow: 0, actions, note: "why" });
    const bad = policyPercentSchema.safeParse({
      warningBelowPercent: 120,
      exhaustedBelowPercent: Number.NaN,
      actions: { healthy: Array.from({ length: 11 }, (_, i) => `a${i}`), warning: ["x".repeat(301)], exhausted: [] },
      note: "n".repeat(501),
    });
    expect(bad.success).toBe(false);
    const fields = toPolicyFormErrors(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), [i.message]])));
    expect(fields).toMatchObject({
      warningBelowPercent: ["Warning is between 0 and 100 %."],
      exhaustedBelowPercent: ["Exhausted is a number of percent, e.g. 50."],
      healthyActions: ["At most 10 actions per state."],
      warningActions: ["Action 1: Each action is at most 300 characters."],
      note: ["The note is at most 500 characters."],
    });
    const order = policyPercentSchema.safeParse({ warningBelowPercent: 30, exhaustedBelowPercent: 30, actions });
    expect(order.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["exhaustedBelowPercent", "Exhausted must be below Warning."]]);
  });

  it("reads the form: percent text, one action per line, blank lines dropped", () => {
    const form = new FormData();
    form.set("warningBelowPercent", " 40 % ");
    form.set("exhaustedBelowPercent", "7,5");
    form.set("healthyActions", "Deploy.\r\n\r\n  Chaos ok.  \n");
    form.set("warningActions", "");
    form.set("exhaustedActions", "Freeze.");
    expect(policyPercentSchema.parse(policyFormToInput(form))).toEqual({
      warningBelow: 0.4,
      exhaustedBelow: 0.075,
      actions: { healthy: ["Deploy.", "Chaos ok."], warning: [], exhausted: ["Freeze."] },
      note: "",
    });
    form.set("warningBelowPercent", "");
    expect(policyPercentSchema.safeParse(policyFormToInput(form)).error?.issues[0].path).toEqual(["warningBelowPercent"]);
  });

  it("saves the organisation's policy with optimistic concurrency, and audits it", async () => {
    const first = await saveOrgPolicy(admin, { warningBelow: 0.6, exhaustedBelow: 0.25, actions }, 0);
    expect(first).toMatchObject({ warningBelow: 0.6, exhaustedBelow: 0.25, actions, version: 1 });
    // A second "first save" from someone who also saw no policy is stale.
    expect((await failure(saveOrgPolicy(admin, { warningBelow: 0.7, exhaustedBelow: 0.1, actions }, 0))).code).toBe("conflict");
    const second = await saveOrgPolicy(admin, { warningBelow: 0.55, exhaustedBelow: 0.2, actions }, 1);
    expect(second.version).toBe(2);
    const stale = await failure(saveOrgPolicy(admin, { warningBelow: 0.9, exhaustedBelow: 0.5, actions }, 1));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/Someone else changed the organisation's policy/);
    expect(await getOrgPolicy()).toMatchObject({ warningBelow: 0.55, exhaustedBelow: 0.2, version: 2 });
    // Without a version the save overwrites.
    expect((await saveOrgPolicy(admin, { warningBelow: 0.5, exhaustedBelow: 0.2, actions })).version).toBe(3);
    const rows = await policyRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceId: null, updatedBy: admin.userId });
    expect((await auditActions()).filter((a) => a === "policy.updated")).toHaveLength(3);
  });

  it("applies a service's override instead of the organisation's policy, in one query", async () => {
    const saved = await saveServicePolicy(admin, "checkout-api", { warningBelow: 0.8, exhaustedBelow: 0.4, actions, note: " Tier 1, launch week. " });
    expect(saved).toMatchObject({ service: "checkout-api", serviceName: "checkout-api", warningBelow: 0.8, exhaustedBelow: 0.4, note: "Tier 1, launch week.", version: 1 });
    const select = vi.spyOn(db, "select");
    const map = await policiesForServices([ids["checkout-api"], ids.search, ids["checkout-api"]]);
    expect(select).toHaveBeenCalledTimes(1);
    select.mockRestore();
    const checkout = map.get(ids["checkout-api"])!;
    const search = map.get(ids.search)!;
    expect(checkout).toMatchObject({ overridden: true, policy: { warningBelow: 0.8, exhaustedBelow: 0.4 } });
    expect(search).toMatchObject({ overridden: false, policy: { warningBelow: 0.5, exhaustedBelow: 0.2 } });
    // 60 % left: warning under the override (below 80 %), healthy under the organisation's (above 50 %).
    expect(policyState(0.6, checkout.policy)).toBe("warning");
    expect(policyState(0.6, search.policy)).toBe("healthy");
    expect(await listPolicyOverrides(viewer)).toEqual([expect.objectContaining({ service: "checkout-api", note: "Tier 1, launch week.", version: 1 })]);
  });

  it("refuses a stale override and one created meanwhile; unknown services are 404", async () => {
    await saveServicePolicy(admin, "ledger", { warningBelow: 0.3, exhaustedBelow: 0.1, actions }, 0);
    expect((await failure(saveServicePolicy(admin, "ledger", { warningBelow: 0.9, exhaustedBelow: 0.1, actions }, 0))).code).toBe("conflict");
    expect((await saveServicePolicy(admin, "ledger", { warningBelow: 0.35, exhaustedBelow: 0.1, actions }, 1)).version).toBe(2);
    expect((await failure(saveServicePolicy(admin, "ledger", { warningBelow: 0.9, exhaustedBelow: 0.1, actions }, 1))).status).toBe(409);
    const [row] = await getDb().select().from(schema.budgetPolicies).where(eq(schema.budgetPolicies.serviceId, ids.ledger));
    expect(row).toMatchObject({ warningBelow: 0.35, version: 2 });
    expect((await failure(saveServicePolicy(admin, "nope", { warningBelow: 0.5, exhaustedBelow: 0.2, actions }))).status).toBe(404);
    expect((await failure(removeServicePolicy(admin, "nope"))).status).toBe(404);
  });

  it("removes an override so the service follows the organisation's policy again", async () => {
    await removeServicePolicy(admin, "ledger");
    expect((await policiesForServices([ids.ledger])).get(ids.ledger)?.overridden).toBe(false);
    const again = await failure(removeServicePolicy(admin, "ledger"));
    expect(again.status).toBe(404);
    expect(again.message).toBe("ledger has no policy override.");
    const audit = await auditActions();
    expect(audit).toContain("policy.override_saved");
    expect(audit.filter((a) => a === "policy.override_removed")).toHaveLength(1);
  });
});

describe("REST /api/v1/policy", () => {
  let adminToken: string;
  let viewerToken: string;
  const base = "http://keel.test/api/v1/policy";
  const call = (method: string, token: string, body?: unknown, path = "") =>
    new Request(base + path, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const slugCtx = (slug: string) => ({ params: Promise.resolve({ slug }) });
  const noParams = { params: Promise.resolve({}) };

  beforeAll(async () => {
    adminToken = (await createToken(admin, { email: admin.email, name: "policy-admin" })).token;
    viewerToken = (await createToken(admin, { email: viewer.email, name: "policy-viewer" })).token;
  });

  it("shows the organisation's policy and the overrides to any caller", async () => {
    const res = await getPolicy(call("GET", viewerToken), noParams);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { organisation: Record<string, unknown>; overrides: Record<string, unknown>[] };
    expect(body.organisation).toEqual({ warningBelow: 0.5, exhaustedBelow: 0.2, actions, version: 3 });
    expect(body.overrides).toEqual([expect.objectContaining({ service: "checkout-api", warningBelow: 0.8, exhaustedBelow: 0.4, note: "Tier 1, launch week.", version: 1 })]);
    expect((await getPolicy(call("GET", "nope"), noParams)).status).toBe(401);
  });

  it("lets only admins change it, with 400 field errors and 409 for a stale version", async () => {
    const body = { warningBelow: 0.45, exhaustedBelow: 0.15, actions };
    expect((await putPolicy(call("PUT", viewerToken, body), noParams)).status).toBe(403);
    const invalid = await putPolicy(call("PUT", adminToken, { ...body, exhaustedBelow: 0.45 }), noParams);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "bad_request", fields: { exhaustedBelow: ["Exhausted must be below Warning."] } } });
    expect((await putPolicy(call("PUT", adminToken, { ...body, version: 2 }), noParams)).status).toBe(409);
    const saved = await putPolicy(call("PUT", adminToken, { ...body, version: 3 }), noParams);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...body, version: 4 });
    expect(await getOrgPolicy()).toMatchObject({ warningBelow: 0.45, exhaustedBelow: 0.15, version: 4 });
  });

  it("saves and removes a service's override", async () => {
    const body = { warningBelow: 0.7, exhaustedBelow: 0.3, actions, note: "Search is best effort.", version: 0 };
    expect((await putOverride(call("PUT", viewerToken, body, "/services/search"), slugCtx("search"))).status).toBe(403);
    const saved = await putOverride(call("PUT", adminToken, body, "/services/search"), slugCtx("search"));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ service: "search", warningBelow: 0.7, exhaustedBelow: 0.3, note: "Search is best effort.", version: 1 });
    expect((await putOverride(call("PUT", adminToken, body, "/services/nope"), slugCtx("nope"))).status).toBe(404);
    expect((await deleteOverride(call("DELETE", viewerToken, undefined, "/services/search"), slugCtx("search"))).status).toBe(403);
    expect((await deleteOverride(call("DELETE", adminToken, undefined, "/services/search"), slugCtx("search"))).status).toBe(204);
    expect((await deleteOverride(call("DELETE", adminToken, undefined, "/services/search"), slugCtx("search"))).status).toBe(404);
  });
});
