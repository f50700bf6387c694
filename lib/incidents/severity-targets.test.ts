import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { SEVERITY_TABLE } from "./severity";
import { getSeverityTable, resetSeverityTargets, saveSeverityTargets } from "./severity-targets";
import { createIncident, updateIncident } from "./queries";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout" }));
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("severity targets", () => {
  it("starts at Keel's defaults", async () => {
    expect(await getSeverityTable()).toEqual(SEVERITY_TABLE);
  });

  it("lets only admins edit them, and a refused edit writes nothing", async () => {
    const err = await failure(saveSeverityTargets(responder, { SEV1: { respond: { minutes: 5 }, resolve: { minutes: 60 }, postmortemRequired: true } }));
    expect(err.code).toBe("forbidden");
    const bad = await failure(
      saveSeverityTargets(admin, {
        SEV1: { respond: { minutes: 5 }, resolve: { minutes: 60 }, postmortemRequired: true },
        SEV2: { respond: { minutes: 90 }, resolve: { minutes: 30 }, postmortemRequired: true },
      }),
    );
    expect(bad.code).toBe("bad_request");
    expect(bad.fields?.["SEV2.resolve"]?.[0]).toMatch(/shorter/);
    expect(await getDb().select().from(schema.severityTargets)).toEqual([]);
  });

  it("stores minutes or business days and reads them back over the defaults", async () => {
    const t = await saveSeverityTargets(admin, {
      SEV3: { respond: { minutes: 45 }, resolve: { businessDays: 3 }, postmortemRequired: true },
      SEV4: { respond: { businessDays: 2 }, resolve: { minutes: 14 * 24 * 60 }, postmortemRequired: false },
    });
    expect(t.SEV3).toMatchObject({ respond: { minutes: 45 }, resolve: { businessDays: 3 }, postmortemRequired: true, label: "medium" });
    expect(t.SEV4).toMatchObject({ respond: { businessDays: 2 }, resolve: { minutes: 20160 } });
    expect(t.SEV1).toEqual(SEVERITY_TABLE.SEV1);
    expect(await getSeverityTable()).toEqual(t);
    const rows = await getDb().select().from(schema.severityTargets);
    expect(rows.map((r) => r.level).sort()).toEqual([3, 4]);
  });

  it("the database refuses a row with both or neither kind of target", async () => {
    const both = getDb().insert(schema.severityTargets).values({ level: 1, respondMinutes: 5, respondBusinessDays: 1, resolveMinutes: 60, postmortemRequired: true });
    await expect(both).rejects.toThrow();
    const neither = getDb().insert(schema.severityTargets).values({ level: 1, resolveMinutes: 60, postmortemRequired: true });
    await expect(neither).rejects.toThrow();
  });

  it("closing follows the edited postmortem requirement", async () => {
    const inc = await createIncident(responder, { title: "Slow checkout", severity: "SEV3", services: ["checkout"] });
    for (const status of ["investigating", "identified", "monitoring", "resolved"] as const) await updateIncident(responder, inc.id, { status });
    // SEV3 now needs a postmortem (edited above), and Keel has none published for it.
    const err = await failure(updateIncident(responder, inc.id, { status: "closed" }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/postmortem/);
    await resetSeverityTargets(admin);
    expect((await updateIncident(responder, inc.id, { status: "closed" })).status).toBe("closed");
  });
});

describe("REST /api/v1/severities", () => {
  it("reads for anyone, writes for admins, and answers bad input with 400 and the field", async () => {
    const { createToken } = await import("@/lib/tokens/queries");
    const { GET, PUT } = await import("@/app/api/v1/severities/route");
    const viewer = await makeUser("viewer");
    const adminToken = (await createToken(admin, { email: admin.email, name: "sev-admin" })).token;
    const viewerToken = (await createToken(admin, { email: viewer.email, name: "sev-viewer" })).token;
    const call = (method: string, token: string, body?: unknown) =>
      new Request("http://keel.test/api/v1/severities", { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
    const none = { params: Promise.resolve({}) };

    const got = (await (await GET(call("GET", viewerToken), none)).json()) as { severities: { severity: string; respond: unknown }[] };
    expect(got.severities.map((s) => s.severity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect((await PUT(call("PUT", viewerToken, { SEV1: { respond: { minutes: 5 }, resolve: { minutes: 60 }, postmortemRequired: true } }), none)).status).toBe(403);
    const bad = await PUT(call("PUT", adminToken, { SEV1: { respond: { hours: 5 }, resolve: { minutes: 60 }, postmortemRequired: true } }), none);
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).join()).toMatch(/SEV1\.respond/);
    expect((await PUT(call("PUT", adminToken, "{not json"), none)).status).toBe(400);
    const ok = await PUT(call("PUT", adminToken, { SEV1: { respond: { minutes: 10 }, resolve: { minutes: 180 }, postmortemRequired: true } }), none);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { severities: { respond: unknown }[] }).severities[0].respond).toEqual({ minutes: 10 });
  });
});
