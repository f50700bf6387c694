/**
 * Regenerates docs/overview.png for the README: signs in to a running Keel as the demo admin and
 * photographs the overview.   KEEL_URL=http://localhost:3000 npx tsx scripts/screenshot.ts
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
await page.screenshot({ path: "docs/overview.png" });
await page.goto(`${base}/services`);
await page.getByRole("heading", { name: "Services", level: 1 }).waitFor();
await page.screenshot({ path: "docs/services.png" });
await browser.close();
console.log("wrote docs/overview.png and docs/services.png");
