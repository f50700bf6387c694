import ICAL from "ical.js";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

/**
 * An admin builds a two-layer weekly schedule in the browser (a refused save keeps what was
 * typed); a responder adds an override and sees the calendar change; the schedule's iCalendar
 * feed, fetched from the link shown once, parses and holds the override.
 */

const DAY = 86_400_000;
const stamp = Date.now();
const name = `E2E rotation ${stamp}`;
const today = Math.floor(stamp / DAY);
/** A Monday two (or, before Monday's 09:00 hand-off, three) weeks back: the rotation is in its third turn, so back at its first participants. */
const beforeHandoff = (today + 3) % 7 === 0 && new Date(stamp).getUTCHours() < 9;
const start = new Date((today - ((today + 3) % 7) - (beforeHandoff ? 21 : 14)) * DAY).toISOString().slice(0, 10);
/** Tomorrow 10:00–14:00 UTC (the schedule's zone). */
const overrideDate = new Date((today + 1) * DAY).toISOString().slice(0, 10);
const overrideStart = Date.parse(`${overrideDate}T10:00:00Z`);
const overrideEnd = Date.parse(`${overrideDate}T14:00:00Z`);

test.describe.configure({ mode: "serial" });

test.describe("on-call schedules", () => {
  let scheduleUrl = "";

  test("an admin builds a two-layer weekly schedule", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await page.goto("/oncall");
    await expect(page.getByRole("heading", { name: "On-call", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New schedule" }).click();
    await expect(page).toHaveURL(/\/oncall\/schedules\/new$/);

    await page.getByLabel("Schedule name").fill(name);
    // The template: one weekly layer handing off on Mondays at 09:00.
    await expect(page.getByLabel("Layer 1 rotation")).toHaveValue("weekly");
    await expect(page.getByLabel("Layer 1 hand-off time")).toHaveValue("09:00");
    await page.getByLabel("Layer 1 name").fill("Secondary");
    await page.getByLabel("Layer 1 start date").fill(start);
    for (const person of ["Ada Admin (admin@keel.example)", "Rory Responder (responder@keel.example)"]) {
      await page.getByLabel("Layer 1: person to add").selectOption({ label: person });
      await page.getByRole("button", { name: "Add to layer 1" }).click();
    }
    await page.getByRole("button", { name: "Add a layer" }).click();
    await expect(page.getByLabel("Layer 2 name")).toHaveValue("Primary");
    await page.getByLabel("Layer 2 start date").fill(start);

    // Layer 2 has nobody yet: refused, and what was typed stays.
    await page.getByRole("button", { name: "Create schedule" }).click();
    await expect(page.locator("#layer-1000-participants-error")).toHaveText("A rotation needs at least one participant.");
    await expect(page.getByLabel("Schedule name")).toHaveValue(name);
    await expect(page.getByRole("list", { name: "Layer 1 participants, in turn order" }).getByRole("listitem")).toHaveCount(2);

    for (const person of ["Rory Responder (responder@keel.example)", "Ada Admin (admin@keel.example)"]) {
      await page.getByLabel("Layer 2: person to add").selectOption({ label: person });
      await page.getByRole("button", { name: "Add to layer 2" }).click();
    }
    await page.getByRole("button", { name: "Create schedule" }).click();
    await expect(page).toHaveURL(/\/oncall\/schedules\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    scheduleUrl = new URL(page.url()).pathname;
    // Two weeks after the start the turns are back at the first: Rory is primary, Ada secondary.
    await expect(page.getByTestId("final-now")).toContainText("Rory Responder");
    const layers = page.getByRole("table", { name: `${name}: on call per layer` });
    await expect(layers.getByRole("row", { name: /Primary/ })).toContainText("Rory Responder");
    await expect(layers.getByRole("row", { name: /Secondary/ })).toContainText("Ada Admin");
    await page.goto("/oncall");
    await expect(page.getByRole("link", { name })).toBeVisible();
  });

  test("a responder adds an override, the calendar shows it and the feed holds it", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    await page.goto(`${scheduleUrl}?view=week&date=${overrideDate}`);
    const week = page.getByRole("table", { name: "Week calendar of the final schedule and its layers" });
    const row = week.locator(`tr[data-date="${overrideDate}"]`);
    await expect(row).toContainText("Rory Responder");
    await expect(row).not.toContainText("Vera Viewer");

    const form = page.getByRole("form", { name: "Add an override" });
    await form.getByLabel("Override", { exact: true }).selectOption("replace");
    await form.getByLabel("Person", { exact: true }).selectOption({ label: "Vera Viewer" });
    await form.getByLabel("Start (UTC)").fill(`${overrideDate}T10:00`);
    await form.getByLabel("End (UTC)").fill(`${overrideDate}T09:00`);
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(form.locator("#override-end-error")).toHaveText("The end must be after the start.");
    await form.getByLabel("End (UTC)").fill(`${overrideDate}T14:00`);
    await form.getByLabel("Note", { exact: true }).fill("Rory at the dentist");
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(form.getByRole("status")).toHaveText("Override saved: replace Vera Viewer.");

    const block = row.locator("[data-override]").filter({ hasText: "Vera Viewer" }).first();
    await expect(block).toBeVisible();
    await expect(block).toContainText(", override");
    await expect(page.getByRole("list", { name: "Overrides" })).toContainText("Vera Viewer replaces on the schedule");
    await page.getByRole("link", { name: "Month" }).click();
    await expect(page.getByRole("table", { name: "Month calendar of the final schedule" }).locator(`td[data-date="${overrideDate}"]`)).toContainText("10:00 Vera Viewer");

    await page.getByRole("button", { name: "Create a feed link" }).click();
    const link = page.getByLabel("Calendar feed link (shown once)");
    await expect(link).toHaveValue(/\/calendar\.ics\?token=keelcal_/);
    const res = await page.request.get(await link.inputValue());
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/calendar");
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const hit = events.find((e) => e.startDate.toJSDate().getTime() === overrideStart);
    expect(hit?.summary).toBe("On call: Vera Viewer (override)");
    expect(hit?.endDate.toJSDate().getTime()).toBe(overrideEnd);
    expect(Math.max(...events.map((e) => e.endDate.toJSDate().getTime()))).toBeGreaterThan(stamp + 300 * DAY);
    // The link is shown once: after a reload only its listing remains.
    await page.reload();
    await expect(page.getByLabel("Calendar feed link (shown once)")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Revoke" })).toBeVisible();
  });
});
