import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

/**
 * Scheduled maintenance: an admin in New York schedules one in Settings, typing local times; a
 * signed-out visitor sees it in progress on /status (in UTC) with its component under maintenance,
 * and in the Atom feed; the admin lengthens it, then cancels it and it moves to the history. A
 * viewer cannot schedule.
 */

const ZONE = "America/New_York";
const MIN = 60_000;

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${what}: ${v.id} — ${v.help}`)).toEqual([]);
}

/** Wall-clock parts of an instant in a zone, computed here rather than by Keel. */
function wall(ms: number, timeZone: string) {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(ms).map((x) => [x.type, x.value]));
  return { input: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, clock: `${p.hour}:${p.minute}` };
}

test.describe("scheduled maintenance", () => {
  test("an admin schedules maintenance; /status and the feed show it, its component under maintenance", async ({ browser }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const title = `Sign-in database upgrade ${stamp}`;
    const start = Math.floor(stamp / MIN) * MIN - 10 * MIN;
    const end = start + 2 * 60 * MIN;

    const admin = await (await browser.newContext({ storageState: storageStateFor("admin"), timezoneId: ZONE })).newPage();
    await admin.goto("/settings/status-page");
    await expect(admin.getByRole("heading", { name: "Upcoming", level: 2 })).toBeVisible();
    await expectAccessible(admin, "/settings/status-page");
    await admin.getByRole("link", { name: "Schedule maintenance" }).click();
    await expect(admin).toHaveURL(/\/settings\/status-page\/maintenance\/new$/);
    const form = admin.getByRole("form", { name: "Schedule maintenance" });
    // The times are read in the browser's zone unless another is chosen.
    await expect(form.getByLabel("Time zone")).toHaveValue(ZONE);
    await form.getByLabel("Starts").fill(wall(start, ZONE).input);
    await form.getByLabel("Ends").fill(wall(end, ZONE).input);
    await expect(admin.getByTestId("window-utc")).toContainText(`${wall(start, "UTC").clock} `);
    await expect(admin.getByTestId("window-utc")).toContainText(`${wall(end, "UTC").clock} UTC (2 h)`);

    // No title and no component: refused with field errors, the times kept.
    await form.getByRole("button", { name: "Schedule maintenance" }).click();
    await expect(admin.locator("#title-error")).toHaveText("Title is required.");
    await expect(admin.locator("#services-error")).toHaveText("Choose at least one public component.");
    await expect(form.getByLabel("Starts")).toHaveValue(wall(start, ZONE).input);
    await expectAccessible(admin, "/settings/status-page/maintenance/new");

    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Description", { exact: true }).fill("Some customers may have to sign in again.");
    await form.getByRole("checkbox", { name: "Identity" }).check();
    await form.getByRole("button", { name: "Schedule maintenance" }).click();
    await expect(admin).toHaveURL(/\/settings\/status-page\?saved=/);
    await expect(admin.getByRole("status").filter({ hasText: title })).toContainText(/saved; \d+ subscribers? (was|were) emailed/);
    const row = admin.getByRole("table", { name: "Maintenance in progress" }).getByTestId("maintenance-row").filter({ hasText: title });
    await expect(row).toContainText("In progress");
    await expect(row).toContainText("Identity");
    // Shown in the admin's zone: New York's wall clock, not UTC's.
    await expect(row).toContainText(`${wall(start, ZONE).clock} – `);
    await expect(row).toContainText(new RegExp(`– (\\w{3} \\d+ \\w{3} \\d{4}, )?${wall(end, ZONE).clock} `));

    // A signed-out visitor.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/status");
    await expect(visitor.getByTestId("overall-status")).toHaveText(/^(Scheduled maintenance in progress|Partial outage|Major outage)$/);
    await expect(visitor.getByTestId("component").filter({ hasText: "Identity" })).toContainText("Under maintenance");
    const card = visitor.getByRole("region", { name: "Maintenance in progress" }).getByTestId("public-maintenance").filter({ hasText: title });
    await expect(card).toContainText("In progress");
    await expect(card).toContainText(`${wall(start, "UTC").clock} `);
    await expect(card).toContainText(`${wall(end, "UTC").clock} UTC (2 h)`);
    await expect(card).toContainText("Affected: Identity");
    await expect(card).toContainText("Some customers may have to sign in again.");
    const html = await visitor.content();
    for (const s of ["Ada Admin", "admin@keel.example", "Postgres Primary"]) expect(html, `/status shows "${s}"`).not.toContain(s);
    await expectAccessible(visitor, "/status");

    const res = await visitor.request.get("/status/feed.atom");
    expect(res.status()).toBe(200);
    const xml = await res.text();
    const entry = await visitor.evaluate(
      ({ text, wanted }) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const found = Array.from(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")).find((e) => e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")[0]?.textContent === wanted);
        return { errors: doc.getElementsByTagName("parsererror").length, content: found?.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content")[0]?.textContent ?? null };
      },
      { text: xml, wanted: `Scheduled maintenance: ${title} — In progress` },
    );
    expect(entry.errors).toBe(0);
    expect(entry.content).toContain("Affected: Identity");
    expect(xml).not.toContain("admin@keel.example");

    // Edited: the form shows the stored times in the admin's zone; a longer window is saved.
    await row.getByRole("link", { name: title }).click();
    const edit = admin.getByRole("form", { name: "Edit maintenance" });
    await expect(edit.getByLabel("Starts")).toHaveValue(wall(start, ZONE).input);
    await expect(edit.getByLabel("Ends")).toHaveValue(wall(end, ZONE).input);
    await edit.getByLabel("Ends").fill(wall(end + 30 * MIN, ZONE).input);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(admin).toHaveURL(/\/settings\/status-page\?saved=/);
    await expect(row).toContainText(new RegExp(`– (\\w{3} \\d+ \\w{3} \\d{4}, )?${wall(end + 30 * MIN, ZONE).clock} `));
    await visitor.goto("/status");
    await expect(card).toContainText(`${wall(end + 30 * MIN, "UTC").clock} UTC (2 h 30 min)`);

    // Cancelled from the list: it moves to the history and the component is operational again.
    admin.on("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(admin.getByRole("table", { name: "Past maintenance" }).getByTestId("maintenance-row").filter({ hasText: title })).toContainText("Cancelled");
    await visitor.goto("/status");
    await expect(visitor.getByRole("region", { name: "Past maintenance (90 days)" }).getByTestId("public-maintenance").filter({ hasText: title })).toContainText("Cancelled");
    await expect(visitor.getByTestId("component").filter({ hasText: "Identity" })).not.toContainText("Under maintenance");
  });

  test("a viewer cannot schedule maintenance, in the UI or through the API", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    await page.goto("/settings/status-page/maintenance/new");
    // The denial redirects after the page has begun streaming; wait for it to land.
    await expect(page).toHaveURL(/\/\?denied=1$/);
    await expect(page.getByRole("form", { name: "Schedule maintenance" })).toHaveCount(0);
    const start = Date.now() + 24 * 60 * MIN;
    const denied = await page.request.post("/api/v1/status/maintenances", { data: { title: "Viewer's maintenance", startsAt: new Date(start).toISOString(), endsAt: new Date(start + 60 * MIN).toISOString(), services: ["identity"] } });
    expect(denied.status()).toBe(403);
    const list = await page.request.get("/api/v1/status/maintenances");
    expect(list.status()).toBe(200);
    expect(((await list.json()) as { items: { title: string }[] }).items.map((m) => m.title)).not.toContain("Viewer's maintenance");
  });
});
