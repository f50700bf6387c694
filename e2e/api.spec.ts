import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

test.use({ storageState: storageStateFor("admin") });

async function createToken(page: Page, name: string, email: string, role = ""): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Acts for user").selectOption(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("New token (shown once)");
  await expect(field).toHaveValue(/^keel_/);
  return field.inputValue();
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function anonymous(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

test("API tokens: created in Settings, shown once, scoped by role, revocable", async ({ page, baseURL }) => {
  const adminToken = await createToken(page, "e2e-admin", "admin@keel.example");
  const viewerToken = await createToken(page, "e2e-viewer", "viewer@keel.example");
  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByLabel("New token (shown once)")).toHaveCount(0);
  await expect(page.getByText(adminToken)).toHaveCount(0);
  await expect(page.getByText(adminToken.slice(0, 11) + "…")).toBeVisible();

  const api = await anonymous(baseURL!);
  expect((await api.get("/api/v1/services")).status()).toBe(401);
  expect((await api.get("/api/v1/services", { headers: bearer("keel_not-a-real-token") })).status()).toBe(401);

  // Bad JSON and bad fields are 400 problems.
  const badJson = await api.post("/api/v1/services", { headers: { ...bearer(adminToken), "Content-Type": "application/json" }, data: Buffer.from("{ not json") });
  expect(badJson.status()).toBe(400);
  expect(await badJson.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining("not valid JSON") } });
  const badFields = await api.post("/api/v1/services", { headers: bearer(adminToken), data: { name: "", slug: "Nope Nope", tier: 7 } });
  expect(badFields.status()).toBe(400);
  const problem = (await badFields.json()).error;
  expect(Object.keys(problem.fields).sort()).toEqual(["name", "slug", "tier"]);

  // The viewer token reads but cannot write.
  const list = await api.get("/api/v1/services?limit=5", { headers: bearer(viewerToken) });
  expect(list.status()).toBe(200);
  const page1 = await list.json();
  expect(page1.items).toHaveLength(5);
  expect(page1.nextCursor).toEqual(expect.any(String));
  const forbidden = await api.post("/api/v1/services", { headers: bearer(viewerToken), data: { name: "Queue", slug: "queue" } });
  expect(forbidden.status()).toBe(403);

  // Admin CRUD.
  const created = await api.post("/api/v1/services", {
    headers: bearer(adminToken),
    data: { name: "Queue", slug: "queue", team: "data", tier: 3, labels: { env: "prod" }, links: { runbook: "https://wiki.example.com/queue" } },
  });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({ id: expect.any(String), slug: "queue", team: { slug: "data" }, tier: 3, labels: { env: "prod" } });
  expect((await api.post("/api/v1/services", { headers: bearer(adminToken), data: { name: "Queue", slug: "queue" } })).status()).toBe(409);
  const patched = await api.patch("/api/v1/services/queue", { headers: bearer(adminToken), data: { tier: 2, version: body.version } });
  expect((await patched.json()).tier).toBe(2);
  const stale = await api.patch("/api/v1/services/queue", { headers: bearer(adminToken), data: { tier: 1, version: body.version } });
  expect(stale.status()).toBe(409);
  expect((await api.delete("/api/v1/services/queue", { headers: bearer(adminToken) })).status()).toBe(204);
  expect((await api.get("/api/v1/services/queue", { headers: bearer(adminToken) })).status()).toBe(404);

  // Revoked tokens stop working at once.
  await page.goto("/settings/tokens");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("row", { name: /e2e-viewer/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /e2e-viewer/ })).toContainText("Revoked");
  expect((await api.get("/api/v1/services", { headers: bearer(viewerToken) })).status()).toBe(401);

  // The security events are in the audit log.
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "token.created" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "token.revoked" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "permission.denied" }).first()).toBeVisible();
  await api.dispose();
});

test("OpenAPI document, health, readiness and metrics", async ({ baseURL }) => {
  const api = await anonymous(baseURL!);
  const docResponse = await api.get("/api/v1/openapi.json", { headers: { "Accept-Encoding": "gzip" } });
  expect(docResponse.headers()["content-encoding"]).toBe("gzip"); // Keel's server compresses answers
  const doc = await docResponse.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/services", "/services/{slug}"]));
  expect(doc.components.schemas.ServiceInput.properties.slug).toBeDefined();
  expect(await (await api.get("/api/health")).json()).toEqual({ status: "ok" });
  const ready = await api.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).checks.migrations.ok).toBe(true);
  const metrics = await (await api.get("/api/metrics")).text();
  expect(metrics).toMatch(/keel_http_requests_total\{route="\/api\/health",method="GET",status_class="2xx"\} [1-9]/);
  expect(metrics).toContain("keel_http_request_duration_seconds_bucket");
  expect(metrics).toContain("keel_process_resident_memory_bytes");
  await api.dispose();
});

test("a signed-in browser's cookie cannot be used for writes from another site", async ({ page }) => {
  await page.goto("/");
  const forged = await page.request.post("/api/v1/datasources", {
    headers: { Origin: "https://evil.example" },
    data: { name: "forged", url: "http://attacker.example:9090" },
  });
  expect(forged.status()).toBe(403);
  const list = await (await page.request.get("/api/v1/datasources")).json();
  expect(list.items.map((d: { name: string }) => d.name)).not.toContain("forged");
  const sameSite = await page.request.post("/api/v1/datasources", { data: { name: "not-forged", url: "http://127.0.0.1:1" } });
  expect(sameSite.status()).toBe(201);
  const created = await sameSite.json();
  expect((await page.request.delete(`/api/v1/datasources/${created.id}`)).status()).toBe(204);
});
