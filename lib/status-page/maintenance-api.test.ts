import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { createToken } from "@/lib/tokens/queries";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { GET as list, POST as create } from "@/app/api/v1/status/maintenances/route";
import { DELETE as cancel, GET as getOne, PATCH as patch } from "@/app/api/v1/status/maintenances/[id]/route";
import type { MaintenanceDto } from "./maintenance-dto";

let drop: () => Promise<void>;
const tokens: Record<"admin" | "responder" | "viewer", string> = { admin: "", responder: "", viewer: "" };

const call = (method: string, token: string, path: string, body?: unknown) =>
  new Request(`http://keel.test/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });
const none = params({});
const HOUR = 3_600_000;
const soon = Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  const responder = await makeUser("responder");
  const viewer = await makeUser("viewer");
  for (const [role, user] of [["admin", admin], ["responder", responder], ["viewer", viewer]] as const) tokens[role] = (await createToken(admin, { email: user.email, name: `maintenance-${role}` })).token;
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout-api", public: true }));
  await createService(admin, serviceInputSchema.parse({ name: "Vault", slug: "vault", public: false }));
});
afterAll(() => drop());

const body = { title: "Database upgrade", description: "Slower checkout.", startsAt: iso(soon), endsAt: iso(soon + 2 * HOUR), services: ["checkout-api"] };
const problemOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error;

describe("REST /api/v1/status/maintenances", () => {
  it("schedules (responder, 201 with a Location), lists, reads, changes and cancels", async () => {
    const res = await create(call("POST", tokens.responder, "/status/maintenances", body), none);
    expect(res.status).toBe(201);
    const created = (await res.json()) as MaintenanceDto;
    expect(res.headers.get("Location")).toBe(`/api/v1/status/maintenances/${created.id}`);
    expect(created).toMatchObject({ title: "Database upgrade", phase: "scheduled", startsAt: iso(soon), version: 1, services: [{ slug: "checkout-api", name: "Checkout API", public: true }] });
    const p = params({ id: created.id });

    const items = ((await (await list(call("GET", tokens.viewer, "/status/maintenances"), none)).json()) as { items: MaintenanceDto[] }).items;
    expect(items.map((m) => m.id)).toEqual([created.id]);
    expect(((await (await getOne(call("GET", tokens.viewer, `/status/maintenances/${created.id}`), p)).json()) as MaintenanceDto).title).toBe("Database upgrade");

    const changed = await patch(call("PATCH", tokens.admin, `/status/maintenances/${created.id}`, { endsAt: "2099-01-01T00:00", version: 1 }), p);
    expect(changed.status).toBe(400);
    expect((await problemOf(changed)).fields).toEqual({ endsAt: ["A maintenance window lasts at most 31 days."] });
    const moved = await patch(call("PATCH", tokens.admin, `/status/maintenances/${created.id}`, { startsAt: iso(soon + HOUR), endsAt: iso(soon + 3 * HOUR), version: 1 }), p);
    expect(moved.status).toBe(200);
    expect((await moved.json()) as MaintenanceDto).toMatchObject({ startsAt: iso(soon + HOUR), version: 2 });
    const stale = await patch(call("PATCH", tokens.admin, `/status/maintenances/${created.id}`, { title: "Lost", version: 1 }), p);
    expect(stale.status).toBe(409);

    const cancelled = await cancel(call("DELETE", tokens.responder, `/status/maintenances/${created.id}`), p);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as MaintenanceDto).phase).toBe("cancelled");
    expect((await patch(call("PATCH", tokens.admin, `/status/maintenances/${created.id}`, { title: "Back" }), p)).status).toBe(409);
    expect((await getDb().select().from(schema.statusMaintenances).where(eq(schema.statusMaintenances.id, created.id)))[0].cancelledAt).not.toBeNull();
  });

  it("answers 403 to viewers' writes, 400 with fields, 404 for unknown ids and 401 without a valid token", async () => {
    const denied = await create(call("POST", tokens.viewer, "/status/maintenances", body), none);
    expect(denied.status).toBe(403);
    expect(await problemOf(denied)).toEqual({ code: "forbidden", message: "This needs the responder role; you are viewer." });

    const bad = await create(call("POST", tokens.admin, "/status/maintenances", { ...body, title: "", services: ["vault"], endsAt: body.startsAt, extra: 1 }), none);
    expect(bad.status).toBe(400);
    const problem = await problemOf(bad);
    expect(problem.code).toBe("bad_request");
    expect(problem.fields).toMatchObject({ title: ["Title is required."], endsAt: ["The end must be after the start."] });
    expect(Object.values(problem.fields ?? {}).flat().join(" ")).toContain("extra");
    const privateOnly = await create(call("POST", tokens.admin, "/status/maintenances", { ...body, services: ["vault"] }), none);
    expect((await problemOf(privateOnly)).fields).toEqual({ services: ["Not a public service: vault. Choose components from the list."] });
    expect((await create(call("POST", tokens.admin, "/status/maintenances", "{not json"), none)).status).toBe(400);

    const unknown = "0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d";
    expect((await getOne(call("GET", tokens.viewer, `/status/maintenances/${unknown}`), params({ id: unknown }))).status).toBe(404);
    expect((await cancel(call("DELETE", tokens.admin, "/status/maintenances/nope"), params({ id: "nope" }))).status).toBe(404);
    expect((await cancel(call("DELETE", tokens.viewer, `/status/maintenances/${unknown}`), params({ id: unknown }))).status).toBe(403);
    expect((await list(call("GET", "not-a-token", "/status/maintenances"), none)).status).toBe(401);
  });
});
