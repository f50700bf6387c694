import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService, deleteService, getService, listServices, updateService } from "./queries";
import { createTeam } from "@/lib/teams/queries";
import { serviceInputSchema, servicePatchSchema } from "./schemas";
import { encodeCursor } from "@/lib/pagination";

let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;
let responder: Principal;

const input = (slug: string, extra: Record<string, unknown> = {}) => serviceInputSchema.parse({ name: slug.toUpperCase(), slug, ...extra });

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  viewer = await makeUser("viewer");
  responder = await makeUser("responder");
  await createTeam(admin, { name: "Payments", slug: "payments", description: "" });
});
afterAll(() => drop());

async function expectCode(p: Promise<unknown>, code: string, status: number) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).status).toBe(status);
}

describe("service catalogue", () => {
  it("enforces roles in the domain functions, not only in the UI", async () => {
    await createService(admin, input("guarded"));
    for (const actor of [viewer, responder]) {
      await expectCode(createService(actor, input("nope")), "forbidden", 403);
      await expectCode(updateService(actor, "guarded", { tier: 1 }), "forbidden", 403);
      await expectCode(deleteService(actor, "guarded"), "forbidden", 403);
    }
    await expectCode(listServices(null as unknown as Principal), "unauthorized", 401);
    expect((await getService(viewer, "guarded")).slug).toBe("guarded");
  });

  it("creates with team, links and labels, and refuses a taken slug with a field error", async () => {
    const s = await createService(admin, input("ledger", { team: "payments", tier: 1, links: { runbook: "https://wiki.example.com/l" }, labels: { env: "prod" } }));
    expect(s).toMatchObject({ slug: "ledger", team: { slug: "payments", name: "Payments" }, tier: 1, links: { runbook: "https://wiki.example.com/l" }, labels: { env: "prod" }, version: 1 });
    const err = await createService(admin, input("ledger")).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: "conflict", fields: { slug: ["This slug is already taken."] } });
    await expectCode(createService(admin, input("orphan", { team: "nope" })), "bad_request", 400);
  });

  it("refuses a stale update (optimistic concurrency) and bumps the version", async () => {
    const s = await createService(admin, input("versioned"));
    const updated = await updateService(admin, "versioned", { description: "first", version: s.version });
    expect(updated.version).toBe(s.version + 1);
    await expectCode(updateService(admin, "versioned", { description: "stale", version: s.version }), "conflict", 409);
    expect((await getService(admin, "versioned")).description).toBe("first");
    await expectCode(updateService(admin, "missing", { description: "x" }), "not_found", 404);
  });

  it("keyset pagination visits every matching service exactly once, in name order", async () => {
    const names = ["m-alpha", "m-beta", "m-gamma", "m-delta", "m-epsilon", "m-zeta", "m-eta"];
    for (const n of names) await createService(admin, input(n, { tier: n.length % 3 + 1 }));
    // Two services with the same name: the id breaks the tie.
    await createService(admin, serviceInputSchema.parse({ name: "M-BETA", slug: "m-beta-2" }));
    const expected = [...names.map((n) => ({ name: n.toUpperCase(), slug: n })), { name: "M-BETA", slug: "m-beta-2" }];
    for (const limit of [1, 2, 3, 10]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listServices(viewer, { q: "m-", limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((i) => i.slug));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual(expected.map((e) => e.slug).sort());
      expect(new Set(seen).size).toBe(seen.length);
    }
    const all = (await listServices(viewer, { q: "m-", limit: 100 })).items.map((i) => i.name);
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await expectCode(listServices(viewer, { cursor: "garbage" }), "bad_request", 400);
  });

  it("filters by text (LIKE wildcards are literal), team, tier and visibility", async () => {
    await createService(admin, input("pct-svc", { description: "100% literal", public: true, team: "payments", tier: 3 }));
    expect((await listServices(viewer, { q: "%" })).items.map((s) => s.slug)).toEqual(["pct-svc"]);
    expect((await listServices(viewer, { team: "payments", tier: 3 })).items.map((s) => s.slug)).toEqual(["pct-svc"]);
    const pub = (await listServices(viewer, { public: "true" })).items;
    expect(pub.every((s) => s.public)).toBe(true);
    expect(pub.map((s) => s.slug)).toContain("pct-svc");
  });

  it("a partial update changes only the fields sent", async () => {
    await createService(admin, input("partial", { team: "payments", tier: 1, public: true, description: "keep me", links: { runbook: "https://wiki.example.com/p" }, labels: { env: "prod" } }));
    const after = await updateService(admin, "partial", servicePatchSchema.parse({ name: "Renamed" }));
    expect(after).toMatchObject({ name: "Renamed", team: { slug: "payments" }, tier: 1, public: true, description: "keep me", links: { runbook: "https://wiki.example.com/p" }, labels: { env: "prod" } });
  });

  it("bad cursors and text the database cannot store are 400s, not 500s", async () => {
    await expectCode(listServices(viewer, { cursor: encodeCursor(["a", "not-a-uuid"]) }), "bad_request", 400);
  });

  it("deletes, and a second delete is a 404", async () => {
    await createService(admin, input("doomed"));
    await deleteService(admin, "doomed");
    await expectCode(getService(admin, "doomed"), "not_found", 404);
    await expectCode(deleteService(admin, "doomed"), "not_found", 404);
  });
});
