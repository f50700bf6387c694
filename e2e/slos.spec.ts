import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "../test/fixtures/prometheus";

/**
 * An admin defines a ratio SLO in the browser against a real Prometheus holding two days of
 * traffic at 0.5 % errors, sees the preview and the budget, imports an OpenSLO file and downloads
 * the rules; a viewer reads the policy but cannot edit.
 */
const prom = requirePrometheus();
let p: RunningPrometheus;
const dsName = `SLO Prometheus ${Date.now()}`;

test.describe("SLOs", () => {
  test.skip(!prom.path, prom.skipReason);

  test.beforeAll(async () => {
    const now = Math.floor(Date.now() / 1000 / 60) * 60 - 60;
    const minutes = 2 * 24 * 60;
    const at = (i: number) => now - (minutes - i) * 60;
    p = await startPrometheus({
      openMetrics: openMetricsText([
        { name: "e2e_shop_requests", type: "counter", labels: { code: "200" }, samples: Array.from({ length: minutes + 1 }, (_, i) => [at(i), i * 995] as [number, number]) },
        { name: "e2e_shop_requests", type: "counter", labels: { code: "500" }, samples: Array.from({ length: minutes + 1 }, (_, i) => [at(i), i * 5] as [number, number]) },
      ]),
    });
  });
  test.afterAll(async () => {
    await p?.stop();
  });

  test("an admin creates a ratio SLO with a preview, sees its budget, imports OpenSLO and downloads rules", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    const add = await page.request.post("/api/v1/datasources", { data: { name: dsName, url: p.url, scrapeIntervalSeconds: 60 } });
    expect(add.status()).toBe(201);

    await page.goto("/slos/new");
    await page.getByLabel("Service", { exact: true }).selectOption("checkout-api");
    await page.getByLabel("Name", { exact: true }).fill("E2E shop availability");
    await page.getByLabel("Data source").selectOption({ label: dsName });
    const bad = page.getByRole("textbox", { name: "Bad events query" });
    await expect(page.getByTestId("promql-editor").first()).toBeVisible();
    await bad.click();
    await page.keyboard.type('e2e_shop_requests_total{code=~"5.."}');
    await page.getByRole("textbox", { name: "Total events query" }).click();
    await page.keyboard.type("e2e_shop_requests_total");
    await page.getByLabel("Target (%)", { exact: true }).fill("100");
    await page.getByRole("button", { name: "Create SLO" }).click();
    await expect(page.getByText("The target must be between 0 and 100 %", { exact: false })).toBeVisible();
    await expect(page).toHaveURL(/\/slos\/new/);

    await page.getByLabel("Target (%)", { exact: true }).fill("99");
    await page.getByLabel("Warning (%)").fill("99.8");
    await page.getByLabel("Page (%)").fill("98");
    await expect(page.getByRole("img", { name: /SLI preview/ })).toBeVisible({ timeout: 15_000 });
    await page.getByRole("button", { name: "Create SLO" }).click();
    await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/);
    // 0.5 % errors against a 1 % budget: SLI 99.5 %, half the budget left (to Prometheus's rate
    // extrapolation at the window edge, and shown floored), burning at 0.5×.
    await expect(page.getByText("99.5 %").first()).toBeVisible();
    await expect(page.getByText("Error budget left")).toBeVisible();
    await expect(page.getByText(/^(49\.9|50|50\.0|50\.1) %$/).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "0.50×" }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: /SLI \(5-minute\)/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("img", { name: /Error budget burn-down/ })).toHaveAttribute("aria-label", /2 series/);
    await expect(page.getByText("warning 99.8 % · page 98 %")).toBeVisible();

    // A weekly maintenance window, refused first for a missing reason.
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Maintenance windows and corrections", level: 2 }) });
    await section.getByLabel("Starts").fill("2026-01-04T02:00");
    await section.getByLabel("Duration", { exact: true }).fill("2");
    await section.getByLabel("Duration unit").selectOption("hours");
    await section.getByRole("radio", { name: "Weekly" }).check();
    await section.getByRole("button", { name: "Add window" }).click();
    await expect(section.getByText("Say why these events are left out.")).toBeVisible();
    await section.getByLabel("Reason").fill("Planned database upgrade");
    await section.getByRole("button", { name: "Add window" }).click();
    await expect(section.getByRole("table")).toContainText("Planned database upgrade");
    await expect(section.getByRole("table")).toContainText("FREQ=WEEKLY");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    const exported = await page.request.get(page.url().replace("/slos/", "/api/v1/slos/") + "/openslo");
    expect(await exported.text()).toContain("apiVersion: openslo/v1");

    await page.goto("/slos/import");
    const yaml = (await exported.text()).replace(/name: e2e-shop-availability/g, "name: e2e-imported").replace(/displayName: E2E shop availability/g, "displayName: E2E imported");
    await page.getByLabel("Or paste it").fill(yaml);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText(/Imported: 1 created/)).toBeVisible();
    await page.getByLabel("Or paste it").fill("apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: broken\nspec:\n  objectives: []\n");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("list", { name: "Problems in the file" })).toContainText("document 1");

    await page.goto("/slos");
    await expect(page.getByRole("link", { name: "E2E imported" })).toBeVisible();
    const rules = await page.request.get("/api/v1/rules");
    expect(rules.status()).toBe(200);
    expect(await rules.text()).toContain("KeelSLOErrorBudgetBurnPage");
  });

  test("an admin gives a service its own policy; the Policy page follows it", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await page.goto("/policy");
    await page.getByRole("link", { name: "Edit policy" }).click();
    await expect(page.getByRole("heading", { name: "Policy settings", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "Service override" });
    await form.getByLabel("Service", { exact: true }).selectOption("identity");
    await form.getByLabel("Warning below (% of budget left)").fill("10");
    await form.getByLabel("Exhausted below (% of budget left)").fill("20");
    await form.getByRole("button", { name: /Save override/ }).click();
    await expect(form.getByText("Exhausted must be below Warning", { exact: false })).toBeVisible();
    await form.getByLabel("Exhausted below (% of budget left)").fill("5");
    await form.getByLabel("Note").fill("Internal sign-in for staff tools");
    await form.getByRole("button", { name: /Save override/ }).click();
    await expect(page.getByRole("link", { name: "Edit the override for Identity" })).toBeVisible();
    await page.goto("/policy?q=identity");
    const row = page.getByRole("row").filter({ hasText: "Identity" });
    await expect(row).toContainText("own policy", { timeout: 20_000 });
    await expect(page.getByRole("row").filter({ hasText: "Checkout API" })).toHaveCount(0);
  });

  test("a viewer sees the policy page and cannot edit SLOs", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    await page.goto("/policy");
    await expect(page.getByRole("heading", { name: "Error-budget policy", level: 1 })).toBeVisible();
    await expect(page.getByRole("table")).toContainText("Checkout API", { timeout: 20_000 });
    await expect(page.getByRole("link", { name: "Edit policy" })).toHaveCount(0);
    await page.goto("/policy/settings");
    // The denial redirects after the page has begun streaming; wait for it to land before navigating on.
    await expect(page).toHaveURL(/\/\?denied=1$/);
    await expect(page.getByRole("heading", { name: "Policy settings" })).toHaveCount(0);
    const put = await page.request.put("/api/v1/policy", { data: { warningBelow: 0.9, exhaustedBelow: 0.5, actions: { healthy: ["x"], warning: ["y"], exhausted: ["z"] } } });
    expect(put.status()).toBe(403);
    await page.goto("/slos");
    await expect(page.getByRole("link", { name: "New SLO" })).toHaveCount(0);
    await page.getByRole("link", { name: "Checkout availability" }).click();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    const gate = await page.request.get("/api/v1/services/checkout-api/deploy-gate");
    expect(gate.status()).toBe(200);
    expect(["allow", "caution", "freeze"]).toContain((await gate.json()).decision);
    const denied = await page.request.post("/api/v1/slos/import", { data: "apiVersion: openslo/v1", headers: { "Content-Type": "application/yaml" } });
    expect(denied.status()).toBe(403);
  });
});
