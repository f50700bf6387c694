import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3999);

// Debian's Chromium unless told otherwise; scripts never download a browser.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
if (!executablePath && process.env.CI === "true") throw new Error("Chromium is missing: apt-get install chromium (or set PLAYWRIGHT_CHROMIUM_PATH).");

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry in CI: a test that passes only on its retry is reported as flaky (see scripts/test-summary.mjs), not hidden.
  retries: process.env.CI === "true" ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx e2e/fixtures/start-oidc.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(oidcPort), KEEL_URL: baseURL },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "npx tsx e2e/server.ts",
      url: `${baseURL}/api/ready`,
      env: {
        E2E_PORT: String(port),
        NEXTAUTH_URL: baseURL,
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: "keel-e2e",
        OIDC_CLIENT_SECRET: "keel-e2e-secret",
        OIDC_NAME: "Keel SSO",
        BCRYPT_COST: "8",
        LOG_LEVEL: "warn",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
