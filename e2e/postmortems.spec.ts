import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor, userFor } from "./fixtures/users";
import { DEFAULT_TEMPLATE } from "../lib/postmortems/template";

/**
 * The "done means": a responder writes a postmortem from a resolved incident, fills the
 * 5 whys and two action items, sends it for review; an admin approves; it is published. The
 * Markdown export has every section heading; a stale save is refused with the writer's text kept;
 * a <script> typed into a section is inert on the read page.
 */

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${what}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Accepts confirms (publish, reload their version) and leave prompts; records any alert, which would mean injected script ran. */
function watchDialogs(page: Page): string[] {
  const alerts: string[] = [];
  page.on("dialog", async (d) => {
    if (d.type() === "confirm" || d.type() === "beforeunload") return d.accept();
    alerts.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return alerts;
}

/** A text box by its accessible name (sections are regions named like their text box). */
const box = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/^Saved at \d{1,2}:\d{2}/, { timeout: 15_000 });

test.describe("postmortems", () => {
  test("written from a resolved incident, reviewed by another user, published and exported; stale saves refused; scripts inert", async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ storageState: storageStateFor("responder"), permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const alerts = watchDialogs(page);
    const stamp = Date.now();
    const title = `Checkout pool exhausted (e2e ${stamp})`;

    // A resolved incident, through the API as an integration would.
    const created = await page.request.post("/api/v1/incidents", { data: { title, severity: "SEV2", services: ["checkout-api"], summary: "Checkout answered 503 for a third of requests." } });
    expect(created.status()).toBe(201);
    const { ref } = await created.json();
    const resolved = await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: "resolved" } });
    expect(resolved.status()).toBe(200);

    // "Write postmortem" on the incident opens the editor, prefilled from the incident.
    await page.goto(`/incidents/${ref}`);
    await page.getByRole("button", { name: "Write postmortem" }).click();
    await expect(page).toHaveURL(/\/postmortems\/[0-9a-f-]{36}\/edit$/);
    const id = new URL(page.url()).pathname.split("/")[2];
    await expect(box(page, "Title")).toHaveValue(title);
    await expect(box(page, "Summary")).toHaveValue("Checkout answered 503 for a third of requests.");
    await expect(box(page, "Services")).toHaveValue("Checkout API");
    await expect(page.getByRole("textbox", { name: "Event of row 1" })).not.toHaveValue("");
    await expect(page.getByTestId("save-status")).toHaveText("No changes yet");

    // Sections, the 5 whys and the root cause; the blameless helper advises without blocking.
    await box(page, "Summary").fill(`For 40 minutes a third of checkouts failed (run ${stamp}).`);
    await box(page, "Tags").fill("database, e2e");
    const whys = ["Checkout could not get a database connection.", "Order-history queries held every connection.", "The index they needed had been dropped."];
    for (const [i, why] of whys.entries()) {
      await page.getByRole("button", { name: "Add a why" }).click();
      await box(page, `Why ${i + 1}`).fill(why);
    }
    await box(page, "Final root cause").fill("Migrations are not checked against the queries that use their indexes.");
    await box(page, "Immediate fix").fill("Raised the pool size and killed the slow queries.");
    await box(page, "What went well").fill("The on-call engineer forgot the handover, but the runbook pointed at the pool.");
    await expect(page.locator("#sec-whatWentWell-blameless")).toContainText("may read as blame");
    const script = `<script>window.__pwned = 1; alert("xss")</script> and <img src="x" onerror="alert('img')"> in the text`;
    await box(page, "What went wrong").fill(script);
    // Preview renders the same sanitized Markdown, loaded on demand.
    await page.getByRole("group", { name: "What went wrong: write or preview" }).getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("sec-whatWentWrong-preview")).toContainText('<script>window.__pwned = 1; alert("xss")</script>');
    await page.getByRole("group", { name: "What went wrong: write or preview" }).getByRole("button", { name: "Write" }).click();
    await saved(page);

    // Two action items, added inside the postmortem.
    const items = [
      { title: `Alert on pool saturation above 80 % (${stamp})`, category: "detect", priority: "P1", due: "2031-01-15" },
      { title: `Check migrations against query plans (${stamp})`, category: "prevent", priority: "P0", due: "2031-02-01" },
    ];
    const addForm = page.getByRole("form", { name: "Add an action item" });
    for (const item of items) {
      await addForm.getByLabel("Action", { exact: true }).fill(item.title);
      await addForm.getByLabel("Category").selectOption(item.category);
      await addForm.getByLabel("Priority").selectOption(item.priority);
      await addForm.getByLabel("Owner (email)").fill(userFor("responder").email);
      await addForm.getByLabel("Due date").fill(item.due);
      await addForm.getByRole("button", { name: "Add action item" }).click();
      await expect(addForm.getByRole("status")).toHaveText("Action item added.");
      await expect(page.getByRole("cell", { name: item.title, exact: true })).toBeVisible();
    }
    await expect(addForm.getByLabel("Action", { exact: true })).toHaveValue("");
    // Adding items refreshed the page's data; the editor kept its text.
    await expect(box(page, "Why 3")).toHaveValue(whys[2]);
    await expectNoSeriousViolations(page, "postmortem editor");

    // A stale save: someone else (a second tab) saves first; this editor's save is refused and its text kept.
    const other = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    watchDialogs(other);
    await other.goto(`/postmortems/${id}/edit`);
    await box(other, "Lessons learned").fill("Pools are capacity too (written in the other tab).");
    await saved(other);
    const mine = "Only one region got the e-mail (typed in the stale tab).";
    await box(page, "Where we got lucky").fill(mine);
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(conflict).toContainText("Your changes were not saved and your text is kept here");
    await expect(page.getByTestId("save-status")).toContainText("Autosave is off");
    await expect(box(page, "Where we got lucky")).toHaveValue(mine);
    // Autosave stays off: more typing is kept locally and not sent.
    await box(page, "Where we got lucky").press("End");
    await box(page, "Where we got lucky").pressSequentially(" More.");
    await page.waitForTimeout(3_000);
    await expect(box(page, "Where we got lucky")).toHaveValue(`${mine} More.`);
    // "Copy my text" puts the whole document, as Markdown, on the clipboard.
    await conflict.getByRole("button", { name: "Copy my text" }).click();
    await expect(conflict).toContainText("Copied your text as Markdown.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("## Where we got lucky");
    expect(copied).toContain(`${mine} More.`);
    expect(copied).toContain(`1. ${whys[0]}`);
    await other.reload();
    await expect(box(other, "Where we got lucky")).toHaveValue("");
    await expect(box(other, "Lessons learned")).toHaveValue("Pools are capacity too (written in the other tab).");
    await other.context().close();
    // Loading their version (after a confirm) discards the local edit and resumes autosave.
    await conflict.getByRole("button", { name: "Reload their version" }).click();
    await expect(conflict).toBeHidden();
    await expect(box(page, "Lessons learned")).toHaveValue("Pools are capacity too (written in the other tab).");
    await expect(box(page, "Where we got lucky")).toHaveValue("");
    await expect(box(page, "Why 1")).toHaveValue(whys[0]);
    await box(page, "Where we got lucky").fill(mine);
    await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
    await saved(page);

    // The read view: every visible section in order; the script is text, never run.
    await page.getByRole("link", { name: "View postmortem" }).click();
    await expect(page).toHaveURL(new RegExp(`/postmortems/${id}$`));
    const headings = DEFAULT_TEMPLATE.sections.map((s) => s.heading);
    await expect(page.locator('article section[id^="section-"] > header h2')).toHaveText(headings);
    const wrong = page.locator("#section-whatWentWrong");
    await expect(wrong).toContainText('<script>window.__pwned = 1; alert("xss")</script>');
    await expect(page.locator("main script")).toHaveCount(0);
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.getByTestId("five-whys").locator("li")).toHaveText(whys);
    await expect(page.locator("#section-whereWeGotLucky")).toContainText(mine);
    await expect(page.locator("#section-actionItems").getByRole("row")).toHaveCount(3);
    await expectNoSeriousViolations(page, "postmortem page");

    // Ask the admin to review, and send it for review.
    const reviewers = page.getByRole("form", { name: "Reviewers" });
    await reviewers.getByRole("checkbox", { name: /Ada Admin/ }).check();
    await reviewers.getByRole("button", { name: "Save reviewers" }).click();
    await expect(reviewers.getByRole("status")).toHaveText("Reviewers saved.");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByTestId("postmortem-status")).toHaveText("In review");
    await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
    await expect(page.locator("#why-not-published")).toHaveText("Publishing needs 1 approval from someone other than its authors; it has 0.");
    await expect(page.getByTestId("approve-refusal")).toHaveText("Authors cannot approve their own postmortem; ask a reviewer.");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

    // A second user approves.
    const admin = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    watchDialogs(admin);
    await admin.goto(`/postmortems/${id}`);
    // Review comments are per section.
    const rootComments = admin.getByTestId("comments-rootCause");
    await rootComments.locator("summary", { hasText: "Comment on Root cause" }).click();
    await rootComments.getByRole("textbox", { name: "Comment on Root cause" }).fill("Which migration dropped the index?");
    await rootComments.getByRole("button", { name: "Add comment" }).click();
    await expect(rootComments.getByRole("list", { name: "Open comments on Root cause" })).toContainText("Which migration dropped the index?");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("approvals")).toHaveText("1 of 1 approval");
    await expect(admin.getByRole("list", { name: "Reviewers" })).toContainText("✓ Approved");
    await admin.context().close();

    // The author resolves the comment and publishes.
    await page.reload();
    const resolvedComments = page.getByTestId("comments-rootCause");
    await resolvedComments.getByRole("button", { name: "Resolve" }).click();
    await expect(resolvedComments.getByRole("list", { name: "Open comments on Root cause" })).toHaveCount(0);
    await expect(resolvedComments).toContainText("1 resolved comment");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("postmortem-status")).toHaveText("Published");
    await expect(page.getByRole("button", { name: "Send for review" })).toHaveCount(0);
    await page.goto(`/postmortems/${id}/edit`);
    await expect(page.getByText("This postmortem is published and read-only.")).toBeVisible();

    // The Markdown export has every section heading of the template, the whys and both items.
    const exported = await page.request.get(`/api/v1/postmortems/${id}/markdown`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toContain("text/markdown");
    const md = await exported.text();
    for (const h of headings) expect(md).toContain(`## ${h}\n`);
    for (const [i, why] of whys.entries()) expect(md).toContain(`${i + 1}. ${why}`);
    for (const item of items) expect(md).toContain(item.title);

    // Action items across postmortems: filtered by owner in the URL, status changed in place.
    await page.goto(`/postmortems/action-items?owner=${encodeURIComponent(userFor("responder").email)}`);
    const row = page.locator("tr", { has: page.getByText(items[0].title, { exact: true }) });
    await row.getByRole("combobox", { name: `Status of “${items[0].title}”` }).selectOption("done");
    await expect(row.getByRole("status")).toHaveText("Saved.");
    await page.goto(`/postmortems/action-items?status=done&owner=${encodeURIComponent(userFor("responder").email)}`);
    await expect(page.getByRole("cell", { name: items[0].title, exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: items[1].title, exact: true })).toHaveCount(0);

    // A viewer reads it and changes nothing.
    const viewer = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    await viewer.goto(`/postmortems/${id}`);
    await expect(viewer.getByTestId("postmortem-status")).toHaveText("Published");
    await expect(viewer.getByRole("combobox")).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: /^(Edit|Correct)/ })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: "Export Markdown" })).toBeVisible();
    await viewer.context().close();

    // Full-text search finds it by a word from a section.
    await page.goto(`/postmortems?q=${stamp}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    expect(alerts).toEqual([]);
    await context.close();
  });

  test("postmortem settings refuse bad values with the fields named and keep what was typed", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    watchDialogs(page);
    await page.goto("/settings/postmortems");
    await expect(page.getByRole("link", { name: "Postmortems" }).first()).toBeVisible();
    const form = page.getByRole("form", { name: "Postmortem settings" });
    await form.getByLabel("Approvals to publish").fill("11");
    await form.locator("#tpl-summary-heading").fill("");
    await form.getByRole("button", { name: "Save postmortem settings" }).click();
    await expect(form.getByRole("status").last()).toHaveText("Some fields need attention.");
    await expect(form.getByText("At most 10 approvals.")).toBeVisible();
    await expect(form.locator("#tpl-summary-heading-error")).toHaveText("A heading is required.");
    await expect(form.getByLabel("Approvals to publish")).toHaveValue("11");
    await expect(form.locator("#tpl-summary-heading")).toHaveValue("");
    await page.reload();
    await expect(form.locator("#tpl-summary-heading")).toHaveValue("Summary");
    await expectNoSeriousViolations(page, "/settings/postmortems");
  });
});
