import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { freePort, openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "../test/fixtures/prometheus";
import { DatasourcesPage } from "./pages/datasources-page";
import { ExplorePage } from "./pages/explore-page";

/**
 * An admin connects a real Prometheus, tests the connection, explores a query with autocompletion
 * and sees one line per series. The Prometheus holds two hours of three request counters.
 */
const prom = requirePrometheus();
let p: RunningPrometheus;
const codes = ["200", "404", "500"];

test.describe("data sources and Explore", () => {
  test.skip(!prom.path, prom.skipReason);
  test.use({ storageState: storageStateFor("admin") });

  test.beforeAll(async () => {
    const now = Math.floor(Date.now() / 1000 / 60) * 60 - 60;
    const samples = (perMinute: number) => Array.from({ length: 121 }, (_, i) => [now - (120 - i) * 60, i * perMinute] as [number, number]);
    p = await startPrometheus({
      openMetrics: openMetricsText([
        ...codes.map((code, i) => ({ name: "keel_e2e_requests", type: "counter" as const, labels: { service: "checkout", code }, samples: samples(100 / (i + 1)) })),
        ...codes.map((code, i) => ({ name: "http_requests", type: "counter" as const, labels: { service: "checkout-api", code }, samples: samples(600 / (i + 1)) })),
      ]),
    });
  });
  test.afterAll(async () => {
    await p?.stop();
  });

  test("an admin adds a data source, tests it, explores a query and pins it", async ({ page }) => {
    const version = ((await (await fetch(`${p.url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } }).data.version;
    const name = `E2E Prometheus ${Date.now()}`;
    const ds = new DatasourcesPage(page);
    await ds.openNew();

    // A wrong URL first: the exact failure is shown and nothing typed is lost.
    await ds.fill({ name, url: `http://127.0.0.1:${await freePort()}/` });
    await expect(await ds.testConnection()).toContainText("connection refused");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

    await page.getByLabel("Base URL").fill(p.url);
    await expect(await ds.testConnection()).toContainText(`Connected to prometheus ${version}`);
    await page.getByLabel("Default data source").check();
    await ds.save();
    await expect(page.getByRole("link", { name })).toBeVisible();

    const explore = new ExplorePage(page);
    await explore.open();
    await explore.chooseDatasource(`${name} (default)`);
    await explore.editorReady();
    await explore.editor().click();
    await page.keyboard.type("keel_e2e_req");
    await expect(explore.completion("keel_e2e_requests_total")).toBeVisible();
    await explore.completion("keel_e2e_requests_total").click();
    await expect(explore.editor()).toHaveText("keel_e2e_requests_total");
    await page.keyboard.type('{service="checkout"}');
    await page.keyboard.press("Control+Enter");

    await expect(page).toHaveURL(/query=keel_e2e_requests_total/);
    await expect(explore.chart()).toBeVisible();
    await expect(explore.chart()).toHaveAttribute("aria-label", /3 series/);
    await expect(explore.seriesRows()).toHaveCount(3);
    for (const code of codes) await expect(page.getByTestId("series-table")).toContainText(`code="${code}"`);

    // The URL alone reproduces the view.
    const shared = page.url();
    await page.goto("/");
    await page.goto(shared);
    await expect(explore.chart()).toHaveAttribute("aria-label", /3 series/);

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // Pin it to a service: it shows on that service's page.
    await page.getByText("Pin to a service's dashboard").click();
    await page.getByLabel("Service", { exact: true }).selectOption("search");
    await page.getByLabel("Chart title").fill("E2E requests");
    await page.getByRole("button", { name: "Pin chart" }).click();
    await expect(page.getByText("Pinned to the service's dashboard.")).toBeVisible();
    await page.goto("/services/search");
    await expect(page.getByRole("img", { name: /E2E requests/ })).toHaveAttribute("aria-label", /3 series/);

    // Bad PromQL shows Prometheus's own message.
    await page.goto("/explore?query=" + encodeURIComponent("sum(rate(keel_e2e_requests_total[5m]) by"));
    await expect(page.getByRole("main").getByText(/parse error/).first()).toBeVisible();
  });

  test("a service page shows its pinned golden signals from the default data source", async ({ page }) => {
    await page.goto("/services/checkout-api");
    const traffic = page.getByRole("img", { name: /Traffic/ });
    await expect(traffic).toBeVisible();
    await expect(traffic).toHaveAttribute("aria-label", /3 series/);
  });
});
