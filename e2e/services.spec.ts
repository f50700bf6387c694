import { expect, test } from "@playwright/test";
import { ServicesPage } from "./pages/services-page";
import { storageStateFor } from "./fixtures/users";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("filters are kept in the URL and narrow the list", async ({ page }) => {
    const services = new ServicesPage(page);
    // The demo's 12 services, plus any an earlier spec created: the table lists what the API does.
    const all = ((await (await page.request.get("/api/v1/services?limit=200")).json()) as { items: unknown[] }).items.length;
    expect(all).toBeGreaterThanOrEqual(12);
    await services.goto();
    await expect(services.rows()).toHaveCount(all);
    await page.getByLabel("Team").selectOption("payments");
    await page.getByLabel("Tier").selectOption("1");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/team=payments/);
    await expect(page).toHaveURL(/tier=1/);
    await expect(services.rows()).toHaveCount(2);
    await expect(services.rows().first()).toContainText("Checkout API");
    // Reloading the URL gives the same view.
    await page.reload();
    await expect(services.rows()).toHaveCount(2);
    await expect(page.getByLabel("Team")).toHaveValue("payments");
  });

  test("bad input shows field errors and keeps what was typed; then create, edit and delete", async ({ page }) => {
    const services = new ServicesPage(page);
    await page.goto("/services/new");
    await services.fill({ name: "Ledger", slug: "Bad Slug!", description: "Double-entry ledger", runbook: "not a url", labels: "env=prod\nbroken-line" });
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(services.fieldError("slug")).toContainText("lowercase");
    await expect(services.fieldError("runbook")).toContainText("full URL");
    await expect(services.fieldError("labels")).toContainText("key=value");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ledger");
    await expect(page.getByLabel("Description")).toHaveValue("Double-entry ledger");
    await expect(page.getByLabel("Labels")).toHaveValue("env=prod\nbroken-line");

    // A slug that is taken is refused, with the form kept.
    await services.fill({ slug: "billing", runbook: "https://wiki.example.com/ledger", labels: "env=prod" });
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(services.fieldError("slug")).toContainText("already taken");
    await expect(page.getByLabel("Runbook URL")).toHaveValue("https://wiki.example.com/ledger");

    await services.fill({ slug: "ledger", team: "payments", tier: "1", public: true });
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page).toHaveURL(/\/services\/ledger$/);
    await expect(page.getByRole("heading", { name: "Ledger", level: 1 })).toBeVisible();
    await expect(page.getByText("Payments")).toBeVisible();
    await expect(page.getByRole("link", { name: "https://wiki.example.com/ledger" })).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await services.fill({ name: "Ledger v2", tier: "2" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: "Ledger v2", level: 1 })).toBeVisible();
    await expect(page.getByText("Tier 2")).toBeVisible();

    // The public status page lists it, without signing in.
    const anon = await page.context().browser()!.newPage();
    await anon.goto("/status");
    await expect(anon.getByText("Ledger v2")).toBeVisible();
    await anon.close();

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/services\?deleted=ledger/);
    await expect(page.getByRole("status")).toContainText("Deleted service ledger");
    await expect(page.getByRole("link", { name: "Ledger v2" })).toHaveCount(0);
  });

  test("a stale edit is refused and the typed values are kept", async ({ page, request }) => {
    await page.goto("/services/search/edit");
    // Type only once the form is hydrated: earlier keystrokes can be merged with the loaded value.
    await page.waitForLoadState("networkidle");
    await expect(page.getByLabel("Description")).toHaveValue(/.+/);
    // Someone else saves first (through the API with this session).
    const other = await request.patch("/api/v1/services/search", { data: { description: "Changed elsewhere" } });
    expect(other.status()).toBe(200);
    await page.getByLabel("Description").fill("My edit");
    await expect(page.getByLabel("Description")).toHaveValue("My edit");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Someone else changed" })).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue("My edit");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("cannot create, edit or delete: the UI hides it and the server refuses", async ({ page }) => {
    const services = new ServicesPage(page);
    await services.goto();
    await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);
    await page.getByRole("link", { name: "Checkout API" }).click();
    await expect(page.getByRole("heading", { name: "Checkout API", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

    // The new-service page itself refuses.
    await page.goto("/services/new");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("needs a higher role");

    // The mutation endpoints refuse the viewer's own session with 403.
    const del = await page.request.delete("/api/v1/services/checkout-api");
    expect(del.status()).toBe(403);
    expect((await del.json()).error.code).toBe("forbidden");
    const post = await page.request.post("/api/v1/services", { data: { name: "X", slug: "x-svc" } });
    expect(post.status()).toBe(403);
    await services.goto();
    await expect(page.getByRole("link", { name: "Checkout API" })).toBeVisible();
  });
});
