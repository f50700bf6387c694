/**
 * Regenerates docs/overview.png for the README: signs in to a running Keel as the demo admin and
 * photographs the overview, the services, a service dashboard, Explore, the SLOs, the policy, the
 * incidents, an incident and the public status page.   KEEL_URL=http://localhost:3000 npx tsx scripts/screenshot.ts
 */
import { chromium } from "@playwright/test";

const base = process.env.KEEL_URL ?? "http://localhost:3000";
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
await page.goto(`${base}/login`);
await page.getByLabel("Email").fill("admin@keel.example");
await page.getByLabel("Password").fill("keel-admin-demo");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.getByRole("heading", { name: "Overview" }).waitFor();
await page.getByTestId("policy-count-healthy").waitFor({ timeout: 60_000 }).catch(() => undefined); // no SLOs: no tile
await page.screenshot({ path: "docs/overview.png" });
await page.goto(`${base}/services`);
await page.getByRole("heading", { name: "Services", level: 1 }).waitFor();
await page.screenshot({ path: "docs/services.png" });
// Charts need the demo's Prometheus (npm run demo starts it).
await page.setViewportSize({ width: 1280, height: 1100 });
await page.goto(`${base}/services/checkout-api?range=7d`);
await page.getByRole("img", { name: /Traffic/ }).waitFor({ timeout: 30_000 });
await page.getByRole("img", { name: /Latency/ }).waitFor({ timeout: 30_000 });
await page.screenshot({ path: "docs/service-dashboard.png", fullPage: true });
const query = 'sum by (service) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m]))';
await page.goto(`${base}/explore?range=7d&legend=${encodeURIComponent("{{service}}")}&query=${encodeURIComponent(query)}`);
await page.getByRole("img", { name: /Result/ }).waitFor({ timeout: 30_000 });
await page.getByTestId("promql-editor").waitFor();
await page.screenshot({ path: "docs/explore.png", fullPage: true });
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto(`${base}/slos`);
await page.getByRole("table").waitFor({ timeout: 60_000 });
await page.screenshot({ path: "docs/slos.png", fullPage: true });
await page.getByRole("link", { name: "Search availability" }).click();
await page.getByText("Error budget left").waitFor({ timeout: 60_000 });
await page.getByRole("img", { name: /Error budget burn-down/ }).waitFor({ timeout: 60_000 });
await page.screenshot({ path: "docs/slo.png", fullPage: true });
await page.goto(`${base}/policy`);
await page.getByRole("table").waitFor({ timeout: 60_000 });
await page.screenshot({ path: "docs/policy.png", fullPage: true });
await page.goto(`${base}/incidents`);
await page.getByRole("table").waitFor({ timeout: 30_000 });
await page.screenshot({ path: "docs/incidents.png", fullPage: true });
await page.getByRole("link", { name: /Checkout API: database pool exhausted/ }).click();
await page.getByRole("heading", { level: 1 }).waitFor();
await page.getByText("Error budget", { exact: false }).first().waitFor({ timeout: 60_000 });
await page.screenshot({ path: "docs/incident.png", fullPage: true });
await page.goto(`${base}/status`);
await page.getByRole("heading", { level: 1 }).waitFor();
await page.screenshot({ path: "docs/status.png", fullPage: true });

/** Optional pages: a missing one (a section not built in this checkout) is skipped, not fatal. */
async function shot(path: string, file: string, ready: () => Promise<unknown>) {
  try {
    await page.goto(`${base}${path}`);
    await ready();
    await page.screenshot({ path: `docs/${file}.png`, fullPage: true });
    console.log(`wrote docs/${file}.png`);
  } catch (err) {
    console.log(`skipped docs/${file}.png: ${(err as Error).message.split("\n")[0]}`);
  }
}
await shot("/postmortems", "postmortems", () => page.getByRole("table").waitFor({ timeout: 30_000 }));
await shot("/postmortems", "postmortem", async () => {
  await page.getByRole("link", { name: /database pool exhausted/ }).first().click();
  await page.getByRole("heading", { name: /Root cause/ }).first().waitFor({ timeout: 30_000 });
});
await shot("/postmortems/action-items", "action-items", () => page.getByRole("table").waitFor({ timeout: 30_000 }));
await shot("/oncall", "oncall", () => page.getByRole("heading", { level: 1 }).waitFor());
await shot("/capacity", "capacity", () => page.getByRole("table").waitFor({ timeout: 60_000 }));
await shot("/capacity", "capacity-resource", async () => {
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("img").first().waitFor({ timeout: 60_000 });
});
await browser.close();
console.log("wrote docs/{overview,services,service-dashboard,explore,slos,slo,policy,incidents,incident,status}.png");
