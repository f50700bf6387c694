import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createDatasource, deleteDatasource, getDatasource, listDatasources, readSecrets, updateDatasource } from "./queries";
import { datasourceFormToInput, datasourceInputSchema } from "./schemas";
import { loadConnection } from "./load-connection";
import { registerEnvDatasource } from "./env-default";

let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;
let responder: Principal;

const input = (name: string, extra: Record<string, unknown> = {}) => datasourceInputSchema.parse({ name, url: "http://prom.example:9090/", ...extra });

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  viewer = await makeUser("viewer");
  responder = await makeUser("responder");
});
afterAll(() => drop());

async function rawRow(id: string) {
  const [row] = await getDb().select().from(schema.datasources).where(eq(schema.datasources.id, id));
  return row;
}

async function expectCode(p: Promise<unknown>, code: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe("data sources", () => {
  it("only admins configure them; viewers may list them", async () => {
    for (const actor of [viewer, responder]) await expectCode(createDatasource(actor, input("nope")), "forbidden");
    const ds = await createDatasource(admin, input("first"));
    expect(ds.isDefault).toBe(true); // the first one becomes the default
    expect(ds.url).toBe("http://prom.example:9090"); // trailing slash dropped
    expect((await listDatasources(viewer)).map((d) => d.name)).toContain("first");
    await expectCode(updateDatasource(viewer, ds.id, { name: "x" }), "forbidden");
    await expectCode(deleteDatasource(responder, ds.id), "forbidden");
  });

  it("seals secrets at rest and never returns them", async () => {
    const ds = await createDatasource(
      admin,
      input("mimir-tenant", { kind: "mimir", auth: { type: "basic", username: "keel", password: "pa55-word-xyz" }, headers: { "X-Scope-OrgID": "tenant-42-secret" } }),
    );
    const text = JSON.stringify(ds);
    expect(text).not.toContain("pa55-word-xyz");
    expect(text).not.toContain("tenant-42-secret");
    expect(ds.auth).toEqual({ type: "basic", username: "keel", hasPassword: true });
    expect(ds.headers).toEqual(["X-Scope-OrgID"]);
    const row = await rawRow(ds.id);
    expect(row.secrets).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain("pa55-word-xyz");
    expect(JSON.stringify(row)).not.toContain("tenant-42-secret");
    const conn = await loadConnection(ds.id);
    expect(conn.headers.Authorization).toBe(`Basic ${Buffer.from("keel:pa55-word-xyz").toString("base64")}`);
    expect(conn.headers["X-Scope-OrgID"]).toBe("tenant-42-secret");
  });

  it("keeps stored secrets when an edit leaves them blank, and requires them when the kind of auth changes", async () => {
    const ds = await createDatasource(admin, input("edit-me", { auth: { type: "bearer", token: "tok-1" }, headers: { "X-Tenant": "t1" } }));
    const renamed = await updateDatasource(admin, ds.id, { name: "edited", auth: { type: "bearer" }, headers: { "X-Tenant": null }, version: ds.version });
    expect(renamed.version).toBe(ds.version + 1);
    expect(readSecrets(await rawRow(ds.id))).toEqual({ token: "tok-1", headers: { "X-Tenant": "t1" } });
    const err = await expectCode(updateDatasource(admin, ds.id, { auth: { type: "basic", username: "u" } }), "bad_request");
    expect(err.fields).toHaveProperty(["auth.password"]);
    await expectCode(updateDatasource(admin, ds.id, { name: "stale", version: ds.version }), "conflict");
    const cleared = await updateDatasource(admin, ds.id, { auth: { type: "none" }, headers: {} });
    expect(cleared.auth).toEqual({ type: "none" });
    expect((await rawRow(ds.id)).secrets).toBeNull();
  });

  it("refuses duplicate names, credentials in the URL and reserved headers", async () => {
    await expectCode(createDatasource(admin, input("first")), "conflict");
    expect(datasourceInputSchema.safeParse({ name: "x", url: "http://u:p@prom:9090" }).success).toBe(false);
    expect(datasourceInputSchema.safeParse({ name: "x", url: "ftp://prom" }).success).toBe(false);
    expect(datasourceInputSchema.safeParse({ name: "x", url: "http://prom", headers: { Authorization: "x" } }).success).toBe(false);
    expect(datasourceInputSchema.safeParse({ name: "x", url: "http://prom", headers: { "X-A": "a\r\nInjected: 1" } }).success).toBe(false);
    expect(datasourceInputSchema.safeParse({ name: "x", url: "http://prom", timeoutSeconds: 0 }).success).toBe(false);
  });

  it("keeps exactly one default, also after deleting it", async () => {
    const a = await createDatasource(admin, input("default-a", { isDefault: true }));
    const b = await createDatasource(admin, input("default-b"));
    expect((await getDatasource(viewer, "default")).id).toBe(a.id);
    await updateDatasource(admin, b.id, { isDefault: true });
    expect((await listDatasources(viewer)).filter((d) => d.isDefault).map((d) => d.id)).toEqual([b.id]);
    await expectCode(updateDatasource(admin, b.id, { isDefault: false }), "bad_request");
    await deleteDatasource(admin, b.id);
    const defaults = (await listDatasources(viewer)).filter((d) => d.isDefault);
    expect(defaults).toHaveLength(1);
    expect(defaults[0].id).not.toBe(b.id);
    await expectCode(getDatasource(viewer, b.id), "not_found");
    await expectCode(getDatasource(viewer, "not-a-uuid"), "not_found");
  });

  it("turns the settings form into the API's shape, blank secrets meaning 'keep'", () => {
    const f = new FormData();
    f.set("name", "Form");
    f.set("url", "https://prom.example");
    f.set("authType", "basic");
    f.set("username", "me");
    f.set("password", "");
    f.set("headerName0", "X-Scope-OrgID");
    f.set("headerValue0", "");
    f.set("headerName1", "X-Other");
    f.set("headerValue1", "v");
    f.set("timeoutSeconds", "15");
    f.set("isDefault", "on");
    expect(datasourceFormToInput(f)).toMatchObject({
      auth: { type: "basic", username: "me", password: undefined },
      headers: { "X-Scope-OrgID": null, "X-Other": "v" },
      timeoutSeconds: 15,
      scrapeIntervalSeconds: undefined,
      isDefault: true,
    });
  });

  it("PROMETHEUS_URL creates the default data source once and updates it on the next start", async () => {
    const id = await registerEnvDatasource("http://scraper:secret-pw@prom-env.example:9090");
    const ds = await getDatasource(viewer, "default");
    expect(ds.id).toBe(id);
    expect(ds.fromEnv).toBe(true);
    expect(ds.url).toBe("http://prom-env.example:9090");
    expect(ds.auth).toEqual({ type: "basic", username: "scraper", hasPassword: true });
    expect(JSON.stringify(await rawRow(id!))).not.toContain("secret-pw");
    const again = await registerEnvDatasource("http://prom-env2.example:9090");
    expect(again).toBe(id);
    expect((await getDatasource(viewer, id!)).url).toBe("http://prom-env2.example:9090");
    expect((await listDatasources(viewer)).filter((d) => d.fromEnv)).toHaveLength(1);
  });
});

describe("data source audit trail", () => {
  it("records who changed a data source, never the secrets", async () => {
    const ds = await createDatasource(admin, input("audited", { auth: { type: "bearer", token: "audit-secret-token" } }));
    await updateDatasource(admin, ds.id, { timeoutSeconds: 10 });
    await deleteDatasource(admin, ds.id);
    const rows = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.target, "datasource:audited"));
    expect(rows.map((r) => r.action).sort()).toEqual(["datasource.created", "datasource.deleted", "datasource.updated"]);
    expect(rows.every((r) => r.actorEmail === admin.email)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("audit-secret-token");
  });
});
