import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { IncidentsPage } from "./pages/incidents-page";

/**
 * An admin builds an escalation policy in the steps editor (the demo's "Payments on-call" primary,
 * then its secondary after one minute) for a new service; an incident declared on it pages the
 * primary at once and, with nobody acknowledging, the secondary a minute later (real time: the
 * shortest delay a policy takes is one whole minute, and the escalation worker polls every few
 * seconds); acknowledging before the chain repeats cancels the second round. The incident page's
 * escalation panel (components/oncall/incident-escalation.tsx) shows who was paged and what is next. The health page and the editor pass axe.
 */

const stamp = Date.now();
const SERVICE = { name: `Escalation E2E ${stamp}`, slug: `esc-e2e-${stamp}` };
const POLICY = `E2E chain ${stamp}`;

async function expectNoSeriousViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${path}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("escalation", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an incident on a service with a policy pages the primary, escalates to the secondary when not acknowledged, and stops on acknowledgement", async ({ page }) => {
    test.setTimeout(180_000);
    expect((await page.request.post("/api/v1/services", { data: SERVICE })).status()).toBe(201);

    await page.goto("/oncall/escalation/new");
    await expect(page.getByRole("heading", { name: "New escalation policy", level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, "/oncall/escalation/new");
    const form = page.getByRole("form", { name: "New escalation policy" });
    await form.getByLabel("Name", { exact: true }).fill(POLICY);
    // Saving with no one to page is refused on the step, and what was typed stays.
    await form.getByRole("button", { name: "Create policy" }).click();
    await expect(form.getByText("A step notifies at least one layer, schedule or person.")).toBeVisible();
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(POLICY);

    await form.getByLabel("Step 1: who to page").selectOption({ label: "Payments on-call · Primary (whoever is on call on this layer)" });
    await form.getByLabel("Step 1: minutes before the next step").fill("1");
    await form.getByRole("button", { name: "Add step" }).click();
    await form.getByLabel("Step 2: who to page").selectOption({ label: "Payments on-call · Secondary (whoever is on call on this layer)" });
    await form.getByLabel("Step 2: minutes before the next step").fill("1");
    await form.getByLabel("Repeat the chain").fill("1");
    await form.getByRole("checkbox", { name: SERVICE.name }).check();
    await form.getByRole("button", { name: "Create policy" }).click();
    await expect(page.getByRole("heading", { name: POLICY, level: 1 })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: `Created ${POLICY}.` })).toBeVisible();
    await page.goto("/oncall/escalation");
    await expect(page.getByRole("table", { name: "Escalation policies" }).getByRole("row", { name: new RegExp(POLICY) })).toContainText(SERVICE.name);

    const created = await page.request.post("/api/v1/incidents", { data: { title: `Escalation e2e ${stamp}`, severity: "SEV2", services: [SERVICE.slug] } });
    expect(created.status()).toBe(201);
    const { ref } = (await created.json()) as { ref: string };
    const inc = new IncidentsPage(page);
    await page.goto(`/incidents/${ref}`);
    // Step 1 is due at once: the worker pages the primary within a few seconds.
    await expect(inc.timeline()).toContainText(/Escalation step 1 \(round 1 of 2\): paged .+ \(Primary\)\./i, { timeout: 30_000 });
    await page.reload();
    const panel = page.getByTestId("incident-escalation");
    await expect(panel).toContainText(/Step 1 \(round 1\).*paged/);
    await expect(page.getByTestId("escalation-next")).toContainText("Next: Step 2 (round 1) pages Payments on-call · Secondary");
    // Nobody acknowledges: a minute after opening, the secondary is paged.
    await expect(inc.timeline()).toContainText(/Escalation step 2 \(round 1 of 2\): paged .+ \(Secondary\)\./i, { timeout: 100_000 });
    // Acknowledging before the chain repeats (two minutes after opening) cancels the second round.
    await inc.moveTo("Investigating", "Investigating");
    await expect(inc.timeline()).toContainText("Escalation stopped: the incident was acknowledged; 2 pending pages cancelled.");
    await page.reload();
    await expect(panel).toContainText("Stopped by acknowledgement: 2 planned pages cancelled.");
  });

  test("the on-call health page shows the load per person and, for admins, compensation with a CSV export", async ({ page }) => {
    await page.goto("/oncall/health");
    await expect(page.getByRole("heading", { name: "On-call health", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "On-call health per person" })).toBeVisible();
    await expect(page.getByRole("table", { name: "On-call compensation per person" })).toBeVisible();
    await expectNoSeriousViolations(page, "/oncall/health");
    const csv = await page.request.get(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href") ?? "");
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toContain("user,name,time_zone,on_call_hours");
    // A period that ends before it starts is explained, not a crash.
    await page.goto("/oncall/health?from=2025-03-10&to=2025-03-01");
    await expect(page.getByRole("alert").filter({ hasText: "The end must be after the start." })).toContainText("Showing the last 28 days instead.");
  });
});
