import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { dbHandle, getDb, schema, setDbHandle } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { freePort } from "@/scripts/prometheus/process";
import { createToken } from "@/lib/tokens/queries";
import { logger } from "@/lib/observability/logger";
import type { IncidentDto } from "@/lib/incidents/dto";
import { GET as getIncident } from "@/app/api/v1/incidents/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/integrations/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "@/app/api/v1/integrations/[id]/route";
import { POST as withToken } from "@/app/api/v1/integrations/alertmanager/route";
import { POST as withSecret } from "@/app/api/v1/integrations/alertmanager/[secret]/route";
import type { IntegrationDto, IntegrationWithSecretDto } from "./queries";
import type { IngestResult } from "./ingest";
import { groupKeyHash } from "./ingest";
import { testPayload } from "./alertmanager-test-fixtures";

let drop: () => Promise<void>;
const tokens: Record<"admin" | "responder" | "viewer", string> = { admin: "", responder: "", viewer: "" };

const base = "http://keel.test/api/v1/integrations";
const req = (method: string, path: string, token?: string, body?: unknown) =>
  new Request(base + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const none = { params: Promise.resolve({}) };
const id = (value: string) => ({ params: Promise.resolve({ id: value }) });
const secretOf = (value: string) => ({ params: Promise.resolve({ secret: value }) });
const firing = (groupKey: string) => testPayload(groupKey, [{ fingerprint: "f1", labels: { severity: "warning", service: "search" } }]);

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  for (const role of ["admin", "responder", "viewer"] as const) {
    const user = role === "admin" ? admin : await makeUser(role);
    tokens[role] = (await createToken(admin, { email: user.email, name: `${role}-token` })).token;
  }
});
afterAll(() => drop());

async function auditActions(target: string) {
  return (await getDb().select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.target, target))).map((a) => a.action);
}

describe("REST /api/v1/integrations (admin)", () => {
  it("creates with the secret shown once, lists and gets without it, patches, rotates and deletes, audited", async () => {
    const res = await create(req("POST", "", tokens.admin, { name: "prod", rules: [{ match: { team: "payments" }, severity: "SEV1" }] }), none);
    expect(res.status).toBe(201);
    const created = (await res.json()) as IntegrationWithSecretDto;
    expect(created).toMatchObject({ name: "prod", kind: "alertmanager", onAllResolved: "monitoring", defaultSeverity: "SEV3", version: 1, lastDeliveryAt: null });
    expect(created.secret).toMatch(/^kam_[A-Za-z0-9_-]{43}$/);
    expect(created.webhookPath).toBe(`/api/v1/integrations/alertmanager/${created.secret}`);
    expect(created.secret.startsWith(created.secretPrefix)).toBe(true);
    expect(res.headers.get("Location")).toBe(`/api/v1/integrations/${created.id}`);
    const [stored] = await getDb().select().from(schema.integrations).where(eq(schema.integrations.id, created.id));
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    const listed = (await (await list(req("GET", "", tokens.admin), none)).json()) as { items: IntegrationDto[] };
    expect(listed.items.map((i) => i.name)).toEqual(["prod"]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(10));
    expect((await getOne(req("GET", "/prod", tokens.admin), id("prod"))).status).toBe(200);

    const changed = await patch(req("PATCH", `/${created.id}`, tokens.admin, { onAllResolved: "resolved", defaultSeverity: "SEV2", version: 1 }), id(created.id));
    expect(await changed.json()).toMatchObject({ onAllResolved: "resolved", defaultSeverity: "SEV2", version: 2 });
    expect((await patch(req("PATCH", `/${created.id}`, tokens.admin, { name: "stale", version: 1 }), id(created.id))).status).toBe(409);
    expect((await create(req("POST", "", tokens.admin, { name: "prod" }), none)).status).toBe(409);
    const bad = await create(req("POST", "", tokens.admin, { name: "x", rules: [{ match: { job: { regex: "(" } }, severity: "SEV1" }] }), none);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: object } }).error.fields).toHaveProperty(["rules.0.match.job.regex"]);

    const rotated = (await (await patch(req("PATCH", `/${created.id}`, tokens.admin, { rotateSecret: true }), id(created.id))).json()) as IntegrationWithSecretDto;
    expect(rotated.secret).not.toBe(created.secret);
    expect((await withSecret(req("POST", `/alertmanager/${created.secret}`, undefined, firing("rot")), secretOf(created.secret))).status).toBe(401);
    expect((await withSecret(req("POST", `/alertmanager/${rotated.secret}`, undefined, firing("rot")), secretOf(rotated.secret))).status).toBe(200);
    expect(((await (await getOne(req("GET", `/${created.id}`, tokens.admin), id(created.id))).json()) as IntegrationDto).lastDeliveryAt).not.toBeNull();

    expect((await remove(req("DELETE", `/${created.id}`, tokens.admin), id(created.id))).status).toBe(204);
    expect((await getOne(req("GET", `/${created.id}`, tokens.admin), id(created.id))).status).toBe(404);
    expect((await withSecret(req("POST", `/alertmanager/${rotated.secret}`, undefined, firing("rot")), secretOf(rotated.secret))).status).toBe(401);
    expect(await auditActions("integration:prod")).toEqual(["integration.created", "integration.updated", "integration.secret_rotated", "integration.deleted"]);
  });

  it("is for admins only", async () => {
    expect((await list(req("GET", "", tokens.responder), none)).status).toBe(403);
    expect((await create(req("POST", "", tokens.responder, { name: "r" }), none)).status).toBe(403);
    expect((await list(req("GET", "", "keel_unknown"), none)).status).toBe(401);
  });
});

describe("POST /api/v1/integrations/alertmanager", () => {
  it("takes a responder's or admin's token, refuses a viewer's (403, audited) and a missing or unknown one (401)", async () => {
    const ok = await withToken(req("POST", "/alertmanager", tokens.responder, firing("tok")));
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as IngestResult;
    expect(result).toMatchObject({ outcome: "opened", incident: { status: "triaging" } });
    expect(((await (await withToken(req("POST", "/alertmanager", tokens.admin, firing("tok")))).json()) as IngestResult).outcome).toBe("unchanged");
    const denied = await withToken(req("POST", "/alertmanager", tokens.viewer, firing("viewer")));
    expect(denied.status).toBe(403);
    expect(await auditActions("POST /api/v1/integrations/alertmanager")).toContain("permission.denied");
    expect((await withToken(req("POST", "/alertmanager", undefined, firing("anon")))).status).toBe(401);
    expect((await withToken(req("POST", "/alertmanager", "keel_not-a-token", firing("anon")))).status).toBe(401);
    expect((await withSecret(req("POST", "/alertmanager/kam_nope", undefined, firing("anon")), secretOf("kam_nope"))).status).toBe(401);
    const stored = await getDb().select().from(schema.incidents).where(and(eq(schema.incidents.alertGroupKeyHash, groupKeyHash("viewer"))));
    expect(stored).toHaveLength(0);

    // The incident API shows the alert's name and labels.
    const inc = (await (await getIncident(new Request(`http://keel.test/api/v1/incidents/${result.incident!.ref}`, { headers: { Authorization: `Bearer ${tokens.viewer}` } }), id(result.incident!.ref))).json()) as IncidentDto;
    expect(inc).toMatchObject({ detectedBy: "alert", severity: "SEV3", alerts: [{ alertname: "HighErrorRate", status: "firing", labels: { alertname: "HighErrorRate", severity: "warning", service: "search" } }] });
  });

  it("applies an integration's settings chosen with ?integration=", async () => {
    await create(req("POST", "", tokens.admin, { name: "sev1-all", rules: [{ match: {}, severity: "SEV1" }] }), none);
    const res = await withToken(req("POST", "/alertmanager?integration=sev1-all", tokens.responder, firing("chosen")));
    const { incident } = (await res.json()) as IngestResult;
    const [row] = await getDb().select().from(schema.incidents).where(eq(schema.incidents.id, incident!.id));
    expect(row.severity).toBe(1);
    expect((await withToken(req("POST", "/alertmanager?integration=missing", tokens.responder, firing("chosen")))).status).toBe(400);
  });

  it("answers 400 with the reason for malformed JSON and payloads, and logs it", async () => {
    const warn = vi.spyOn(logger(), "warn");
    const json = await withToken(req("POST", "/alertmanager", tokens.responder, "{oops"));
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { message: string } }).error.message).toMatch(/^The request body is not valid JSON: /);
    const shape = await withToken(req("POST", "/alertmanager", tokens.responder, { ...firing("bad"), version: "2" }));
    expect(shape.status).toBe(400);
    expect(await shape.json()).toEqual({
      error: { code: "bad_request", message: 'Not an Alertmanager webhook payload: version: Keel reads Alertmanager webhook payloads of version "4".', fields: { version: ['Keel reads Alertmanager webhook payloads of version "4".'] } },
    });
    const nul = await withToken(req("POST", "/alertmanager", tokens.responder, testPayload("nul", [{ fingerprint: "n", annotations: { x: "a\u0000b" } }])));
    expect(nul.status).toBe(400);
    const reasons = warn.mock.calls.filter(([, msg]) => msg === "alertmanager webhook refused").map(([o]) => (o as { reason?: string }).reason);
    expect(reasons.slice(0, 2)).toEqual([expect.stringMatching(/not valid JSON/), expect.stringMatching(/version/)]);
    expect(warn.mock.calls.filter(([, msg]) => msg === "alertmanager webhook refused")).toHaveLength(3);
    warn.mockRestore();
    expect(await getDb().select().from(schema.incidents).where(eq(schema.incidents.alertGroupKeyHash, groupKeyHash("nul")))).toHaveLength(0);
  });

  it("answers 503 (so Alertmanager retries) when the database is unreachable, and stores nothing", async () => {
    const real = dbHandle();
    const port = await freePort();
    const dead = postgres(`postgres://postgres@127.0.0.1:${port}/keel`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    const error = vi.spyOn(logger(), "error");
    setDbHandle({ kind: "postgres", db: drizzle(dead, { schema }), close: () => dead.end() });
    try {
      const res = await withToken(req("POST", "/alertmanager", tokens.responder, firing("down")));
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("10");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      expect((await withSecret(req("POST", "/alertmanager/kam_x", undefined, firing("down")), secretOf("kam_xxxxxxxx"))).status).toBe(503);
      expect(JSON.stringify(error.mock.calls)).not.toContain("kam_xxxxxxxx");
    } finally {
      setDbHandle(real);
      error.mockRestore();
      await dead.end({ timeout: 1 });
    }
    expect(await getDb().select().from(schema.incidents).where(eq(schema.incidents.alertGroupKeyHash, groupKeyHash("down")))).toHaveLength(0);
    expect((await withToken(req("POST", "/alertmanager", tokens.responder, firing("down")))).status).toBe(200);
  });
});
