import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

const payload = (groupKey: string, labels: Record<string, string>) => ({
  version: "4",
  groupKey,
  status: "firing",
  receiver: "keel",
  groupLabels: { alertname: labels.alertname },
  commonLabels: labels,
  commonAnnotations: { summary: "Disk almost full" },
  externalURL: "http://alertmanager.example:9093",
  truncatedAlerts: 0,
  alerts: [{ status: "firing", labels, annotations: { summary: "Disk almost full" }, startsAt: new Date().toISOString(), endsAt: "0001-01-01T00:00:00Z", generatorURL: "http://prometheus.example/graph", fingerprint: `fp-${groupKey.length}-${Date.now()}` }],
});

/**
 * An admin creates an Alertmanager integration in Settings, copies its URL (shown once), adds a
 * mapping rule, and the next webhook to that URL opens an incident with the rule's severity and
 * service, listed in the delivery log. Severity targets edited in Settings show on incidents.
 */
test.describe("alert integrations and severities", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin sets up an integration whose rule maps a webhook to a severity and a service", async ({ page }) => {
    const name = `prod-am-${Date.now()}`;
    await page.goto("/settings/integrations");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Default severity").selectOption("SEV4");
    await page.getByRole("button", { name: "Create integration" }).click();
    const url = await page.getByLabel("Webhook URL").inputValue();
    expect(url).toMatch(/\/api\/v1\/integrations\/alertmanager\/kam_/);
    await expect(page.getByLabel("Alertmanager configuration")).toContainText(url);

    await page.getByRole("link", { name: "Add mapping rules" }).click();
    await expect(page.getByRole("heading", { name: `Integration ${name}` })).toBeVisible();
    await page.getByRole("button", { name: "Add rule" }).click();
    // A matcher Keel cannot read is refused with the reason, and the row keeps what was typed.
    await page.getByLabel("Rule 1: labels to match").fill("alertname=DiskAlmostFull");
    await page.getByLabel("Rule 1: severity").selectOption("SEV2");
    await page.getByRole("button", { name: "Save integration" }).click();
    await expect(page.getByText(/Cannot read the matcher/)).toBeVisible();
    await expect(page.getByLabel("Rule 1: labels to match")).toHaveValue("alertname=DiskAlmostFull");
    await page.getByLabel("Rule 1: labels to match").fill('alertname="DiskAlmostFull", team=~"pay.*"');
    await page.getByLabel("Rule 1: service").selectOption("billing");
    await page.getByRole("button", { name: "Save integration" }).click();
    await expect(page.getByText("Saved. New deliveries use these settings.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Rule 1: labels to match")).toHaveValue('alertname="DiskAlmostFull", team=~"pay.*"');

    // Alertmanager's webhook, without any other credential than the URL.
    const res = await page.request.post(url, { data: payload(`{}:{alertname="DiskAlmostFull-${name}"}`, { alertname: "DiskAlmostFull", team: "payments", severity: "warning" }) });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { outcome: string; incident: { ref: string } };
    expect(body.outcome).toBe("opened");
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: body.incident.ref });
    await expect(row).toContainText("opened");
    await row.getByRole("link", { name: body.incident.ref }).click();
    await expect(page.getByText("SEV2", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Billing");
  });

  test("an admin edits a severity's targets and the incident form shows them; a responder cannot", async ({ page, browser }) => {
    await page.goto("/settings/severities");
    await page.getByLabel("SEV3 respond within", { exact: true }).fill("0");
    await page.getByRole("button", { name: "Save targets" }).click();
    await expect(page.getByText("At least 1 minute.")).toBeVisible();
    await page.getByLabel("SEV3 respond within", { exact: true }).fill("45");
    await page.getByLabel("SEV3 respond within: unit").selectOption("minutes");
    await page.getByLabel("SEV3 resolve within", { exact: true }).fill("3");
    await page.getByLabel("SEV3 resolve within: unit").selectOption("businessDays");
    await page.getByRole("button", { name: "Save targets" }).click();
    await expect(page.getByText("Severity targets saved.", { exact: false })).toBeVisible();
    await page.goto("/incidents/new");
    await expect(page.getByText("Respond within 45 min, resolve within 3 business days.")).toBeVisible();

    const responder = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    const put = await responder.request.put("/api/v1/severities", { data: { SEV3: { respond: { minutes: 1 }, resolve: { minutes: 2 }, postmortemRequired: false } } });
    expect(put.status()).toBe(403);

    await page.goto("/settings/severities");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Restore Keel's defaults" }).click();
    await expect(page.getByLabel("SEV3 respond within", { exact: true })).toHaveValue("2");
  });

  test("an admin adds a webhook channel, then edits its scope and events and rotates its secret", async ({ page }) => {
    const name = `ops-hook-${Date.now()}`;
    await page.goto("/settings/notifications");
    const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Add channel" }) });
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Webhook URL").fill("https://hooks.example.com/keel/one");
    await create.getByRole("button", { name: "Add channel" }).click();
    await expect(page.getByText(`Added ${name}.`, { exact: false })).toBeVisible();
    const card = page.locator("section").filter({ has: page.getByRole("heading", { name }) });
    await expect(card.locator("dl")).toContainText("Every incident");

    await card.getByText(`Edit ${name}`).click();
    await card.getByLabel("Incidents").selectOption("service:checkout-api");
    await card.getByRole("checkbox", { name: "Severity changed" }).uncheck();
    await card.getByLabel(/Issue a new signing secret/).check();
    await card.getByRole("button", { name: `Save ${name}` }).click();
    await expect(card.getByLabel("Signing secret (shown once)")).toHaveValue(/.{20,}/);
    await page.reload();
    const facts = card.locator("dl");
    await expect(facts).toContainText("Incidents affecting Checkout API (checkout-api)");
    await expect(facts).toContainText("Declared, Status changed, Resolved");
    await expect(facts).toContainText("https://hooks.example.com/keel/one");
  });
});
