import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

/**
 * An admin writes and edits a runbook in the browser; a responder attaches it to an open incident and ticks a
 * step; a viewer sees the same checklist and cannot change it. The metrics page has figures for
 * the demo's incidents.
 */

const stamp = Date.now();
const title = `Drain a stuck worker pool ${stamp}`;
const slug = `drain-a-stuck-worker-pool-${stamp}`;

async function searchIncidentRef(page: Page): Promise<string> {
  const found = await (await page.request.get("/api/v1/incidents?q=index degradation")).json();
  return found.items[0].ref as string;
}

const runbookSection = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: title, level: 3 }) });

test.describe.configure({ mode: "serial" });

test.describe("runbooks", () => {
  test("an admin writes a runbook: ordered steps, contacts, and a refused save keeps what was typed", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await page.goto("/incidents");
    await page.getByRole("link", { name: "Runbooks" }).click();
    await expect(page.getByRole("heading", { name: "Runbooks", level: 1 })).toBeVisible();
    // The demo's procedures are there, and the search finds one by an alert name.
    await page.getByRole("searchbox", { name: "Search" }).fill("KafkaConsumerLagHigh");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("table", { name: "Runbooks" }).locator("tbody tr")).toHaveText([/Queue backlog/]);

    await page.getByRole("link", { name: "New runbook" }).click();
    await expect(page).toHaveURL(/\/runbooks\/new$/);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(slug);
    await page.getByLabel("Scenario", { exact: true }).fill("Workers stop taking jobs while the queue grows.");
    await page.getByLabel("Alert names", { exact: true }).fill(`WorkerPoolStuck${stamp}`);
    await page.getByLabel("Severity hint", { exact: true }).selectOption("SEV2");
    await page.getByLabel("Step 1 title").fill("Restart the stuck workers");
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByLabel("Step 3 title").fill("Check the queue depth");
    await page.getByLabel("Step 3 details").fill("Grafana: queue depth per queue.");
    // Step 2 is left empty: refused, and everything typed stays.
    await page.getByRole("button", { name: "Create runbook" }).click();
    await expect(page.locator("[id$='-error']").filter({ hasText: "Each step needs a title." })).toBeVisible();
    await expect(page.getByLabel("Step 3 title")).toHaveValue("Check the queue depth");
    await expect(page.getByLabel("Scenario", { exact: true })).toHaveValue("Workers stop taking jobs while the queue grows.");

    await page.getByRole("button", { name: "Remove step 2" }).click();
    await page.getByRole("button", { name: "Move step 2 up" }).click(); // "Check the queue depth" first
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByLabel("Step 3 title").fill("Confirm jobs are processed again");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByLabel("Contact 1 name").fill("Platform on-call");
    await page.getByLabel("Contact 1: how to reach").fill("#platform-oncall");
    await page.getByRole("button", { name: "Create runbook" }).click();

    await expect(page).toHaveURL(new RegExp(`/runbooks/${slug}$`));
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "Steps" }).getByRole("listitem")).toHaveText([/^Check the queue depth\s*Grafana: queue depth per queue\.$/, "Restart the stuck workers", "Confirm jobs are processed again"]);
    await expect(page.getByText("#platform-oncall")).toBeVisible();
    await expect(page.getByText(`WorkerPoolStuck${stamp}`)).toBeVisible();

    // Editing: the last step moves up one place.
    await page.getByRole("link", { name: "Edit runbook" }).click();
    await expect(page.getByLabel("Step 3 title")).toHaveValue("Confirm jobs are processed again");
    await page.getByRole("button", { name: "Move step 3 up" }).click();
    await page.getByRole("button", { name: "Save runbook" }).click();
    await expect(page).toHaveURL(new RegExp(`/runbooks/${slug}$`));
    await expect(page.getByRole("list", { name: "Steps" }).getByRole("listitem")).toHaveText([/^Check the queue depth/, "Confirm jobs are processed again", "Restart the stuck workers"]);
    await expect(page.getByText("Version 2,")).toBeVisible();
    await page.context().close();
  });

  test("a responder attaches it to an incident and ticks a step; it shows on the timeline", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    const ref = await searchIncidentRef(page);
    await page.goto(`/incidents/${ref}`);
    const attach = page.getByRole("form", { name: "Attach runbook" });
    await attach.getByLabel("Attach runbook").selectOption({ label: title });
    await attach.getByRole("button", { name: "Attach" }).click();
    const section = runbookSection(page);
    await expect(section.getByTestId("runbook-progress")).toHaveText("0 of 3 steps done");
    // Once attached it is no longer offered.
    await expect(attach.getByLabel("Attach runbook").locator("option", { hasText: title })).toHaveCount(0);

    const first = section.getByRole("checkbox", { name: "1. Check the queue depth" });
    await expect(first).toBeEnabled();
    await first.check();
    await expect(section.getByTestId("runbook-progress")).toHaveText("1 of 3 steps done");
    await expect(page.getByRole("log", { name: /Incident timeline/ })).toContainText(`Done: step 1 “Check the queue depth” of runbook “${title}”`);
    await page.reload();
    await expect(runbookSection(page).getByRole("checkbox", { name: "1. Check the queue depth" })).toBeChecked();
    await expect(runbookSection(page).getByRole("checkbox", { name: "3. Restart the stuck workers" })).not.toBeChecked();
    await page.context().close();
  });

  test("a viewer sees the checklist read-only", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    const ref = await searchIncidentRef(page);
    await page.goto(`/incidents/${ref}`);
    const section = runbookSection(page);
    await expect(section.getByTestId("runbook-progress")).toHaveText("1 of 3 steps done");
    const boxes = section.getByRole("checkbox");
    await expect(boxes).toHaveCount(3);
    for (const box of await boxes.all()) await expect(box).toBeDisabled();
    await expect(section.getByRole("checkbox", { name: "1. Check the queue depth" })).toBeChecked();
    await expect(page.getByRole("form", { name: "Attach runbook" })).toHaveCount(0);
    await expect(section.getByRole("button")).toHaveCount(0);
    const tick = await page.request.put(`/api/v1/incidents/${ref}/runbooks/${slug}/steps/1`, { data: { done: true } });
    expect(tick.status()).toBe(403);
    await page.context().close();
  });

  test("the metrics page shows figures for the demo's incidents", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    await page.goto("/incidents");
    await page.getByRole("link", { name: "Metrics" }).click();
    await expect(page.getByRole("heading", { name: "Incident metrics", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "page");
    for (const tile of ["MTTA (median)", "MTTD (median)", "MTTR (median)"]) await expect(page.getByTestId(`metric-${tile}`)).toHaveText(/^(\d+ (min|h|d)|under 1 min)/);
    await expect(page.getByTestId("metric-Acknowledged within target")).toHaveText(/^\d+ % \(\d+ of \d+\)$/);

    // Every demo incident was acknowledged 4 minutes after it was detected, the SEV1 too.
    const bySeverity = page.getByRole("table", { name: "Incident metrics by severity" });
    await expect(bySeverity.locator("tbody tr")).toHaveCount(4);
    await expect(bySeverity.locator('tr[data-group="SEV1"] td').nth(2)).toContainText(/min/);
    const byService = page.getByRole("table", { name: "Incident metrics by service" });
    await expect(byService.locator("tbody tr", { hasText: "Event Pipeline" }).locator("td").nth(0)).toHaveText(/^[1-9]\d*$/);
    await expect(byService.locator("tbody tr", { hasText: "Event Pipeline" }).locator("td").nth(3)).toContainText(/\d/); // MTTR
    await expect(page.getByRole("table", { name: "Incident metrics by month" }).locator("tbody tr")).not.toHaveCount(0);
    await expect(page.getByRole("img", { name: /Median time to acknowledge by month/ })).toBeVisible();

    await page.getByRole("link", { name: "Last 30 days" }).click();
    await expect(page).toHaveURL(/range=30d/);
    await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
    await page.context().close();
  });
});
