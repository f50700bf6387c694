import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "../test/fixtures/prometheus";

/**
 * An admin adds a capacity resource from the database-connections template against a real
 * Prometheus holding ten days of connections (two states, growing 3 a day with a daily swing, of
 * max_connections 200), is told clearly what is wrong with a non-positive limit and with a query
 * that returns several series, then sees the forecast chart and the recommendation; a viewer reads
 * but cannot add one.
 */
const prom = requirePrometheus();
let p: RunningPrometheus;
const dsName = `Capacity Prometheus ${Date.now()}`;
const NAME = "E2E database connections";

function history() {
  const step = 300;
  // The last samples are seconds old: saving runs the queries at the present instant, and
  // Prometheus looks back at most 5 minutes for an instant value.
  const now = Math.floor(Date.now() / 1000) - 20;
  const from = now - 10 * 86_400;
  const active: [number, number][] = [];
  const idle: [number, number][] = [];
  const max: [number, number][] = [];
  for (let t = from; t <= now; t += step) {
    const d = (t - from) / 86_400;
    const total = 60 + 3 * d + 15 * Math.sin(2 * Math.PI * d) + ((t / step) % 3);
    active.push([t, Math.round(total * 0.4)]);
    idle.push([t, Math.round(total * 0.6)]);
    max.push([t, 200]);
  }
  const last = [[now, 1]] as [number, number][];
  return openMetricsText([
    { name: "pg_stat_activity_count", type: "gauge", labels: { instance: "e2e-db", state: "active" }, samples: active },
    { name: "pg_stat_activity_count", type: "gauge", labels: { instance: "e2e-db", state: "idle" }, samples: idle },
    { name: "pg_settings_max_connections", type: "gauge", labels: { instance: "e2e-db" }, samples: max },
    { name: "e2e_disk_used", type: "gauge", labels: { mountpoint: "/" }, samples: last },
    { name: "e2e_disk_used", type: "gauge", labels: { mountpoint: "/data" }, samples: last },
  ]);
}

async function fillFromTemplate(page: Page) {
  await page.getByLabel("Template", { exact: true }).selectOption({ label: "Database connections vs max_connections" });
  await page.getByLabel("Label matchers").fill('instance="e2e-db"');
  await page.getByRole("button", { name: "Fill in the queries" }).click();
  await expect(page.getByText("Filled in from “Database connections vs max_connections”")).toBeVisible();
}

test.describe("capacity", () => {
  test.skip(!prom.path, prom.skipReason);

  test.beforeAll(async () => {
    p = await startPrometheus({ openMetrics: history() });
  });
  test.afterAll(async () => {
    await p?.stop();
  });

  test("an admin adds a resource from a template, gets clear errors for bad input, and sees the forecast and what to do", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    const add = await page.request.post("/api/v1/datasources", { data: { name: dsName, url: p.url, scrapeIntervalSeconds: 60 } });
    expect(add.status()).toBe(201);

    await page.goto("/capacity");
    await page.getByRole("link", { name: "New resource" }).click();
    await expect(page.getByRole("heading", { name: "New capacity resource", level: 1 })).toBeVisible();
    await fillFromTemplate(page);
    await expect(page.getByTestId("promql-editor").first()).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Usage query" })).toHaveText('sum(pg_stat_activity_count{instance="e2e-db"})');
    await expect(page.getByRole("textbox", { name: "Limit query" })).toHaveText('max(pg_settings_max_connections{instance="e2e-db"})');
    await page.getByLabel("Service", { exact: true }).selectOption("checkout-api");
    await page.getByLabel("Name", { exact: true }).fill(NAME);
    await page.getByLabel("Data source").selectOption({ label: dsName });

    // A constant limit of 0.
    await page.getByRole("radio", { name: "A constant" }).check();
    await page.getByLabel("Limit value").fill("0");
    await page.getByRole("button", { name: "Add resource" }).click();
    await expect(page.getByText("The limit must be a positive number (above 0).")).toBeVisible();
    await expect(page).toHaveURL(/\/capacity\/new$/);

    // A usage query with two series.
    await page.getByRole("radio", { name: "From a query" }).check();
    const usage = page.getByRole("textbox", { name: "Usage query" });
    await usage.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("e2e_disk_used");
    await page.getByRole("button", { name: "Add resource" }).click();
    await expect(page.getByText(/The usage query returns 2 series \(e2e_disk_used\{mountpoint="\/"\}, e2e_disk_used\{mountpoint="\/data"\}\)/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(NAME);

    // The template's queries again, and it saves.
    await fillFromTemplate(page);
    await page.getByRole("button", { name: "Add resource" }).click();
    await expect(page).toHaveURL(/\/capacity\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
    await expect(page.getByTestId("capacity-recommendation")).toContainText(/Connections will reach 80% of max_connections (around|on) \d+ \w+/, { timeout: 20_000 });
    await expect(page.getByRole("img", { name: /^Forecast of E2E database connections/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("[data-testid=capacity-forecast-chart] .recharts-area").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Backtest of the candidate models" })).toContainText("chosen");
    await expect(page.getByText(/^Model: /)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.goto("/capacity");
    const row = page.getByRole("row").filter({ hasText: NAME });
    await expect(row).toContainText(/Warning|Critical/, { timeout: 20_000 });
    const report = await page.request.get("/api/v1/capacity/report");
    expect(report.headers()["content-type"]).toContain("text/markdown");
    expect(await report.text()).toContain(`### Checkout API: ${NAME}`);

    await page.goto("/services/checkout-api");
    await expect(page.getByRole("list", { name: "Capacity resources of this service" })).toContainText("Connections will reach 80% of max_connections");
  });

  test("a viewer reads capacity but cannot add a resource", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    await page.goto("/capacity");
    await expect(page.getByRole("heading", { name: "Capacity", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: NAME })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("link", { name: "New resource" })).toHaveCount(0);
    await page.goto("/capacity/new");
    // The denial redirects after the page has begun streaming; wait for it to land before navigating on.
    await expect(page).toHaveURL(/\/\?denied=1$/);
    const post = await page.request.post("/api/v1/capacity", { data: { name: "Viewer's", service: "checkout-api", usageQuery: "sum(x)", limit: 10 } });
    expect(post.status()).toBe(403);
  });
});
