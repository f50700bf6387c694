import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { IncidentsPage } from "./pages/incidents-page";

/**
 * A responder declares a SEV2 in the browser, takes command, writes on the timeline and runs the
 * incident to resolved while an admin watches the same page live; refused transitions say why; a
 * viewer reads everything and changes nothing.
 */
test.describe("incidents", () => {
  test("a responder declares and runs a SEV2 while another user watches it live", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    const inc = new IncidentsPage(page);
    const title = `Checkout answers 502 (e2e ${Date.now()})`;

    await inc.gotoList();
    await page.getByRole("link", { name: "Declare incident" }).click();
    await expect(page).toHaveURL(/\/incidents\/new$/);

    // Without a title the form is refused, and everything typed or chosen stays.
    await inc.fillDeclare({ severity: "SEV2", services: ["Checkout API", "Payments Service"], summary: "A third of checkouts fail with 502.", customerFacing: true });
    await page.getByRole("button", { name: "Declare incident" }).click();
    await expect(inc.fieldError("title")).toHaveText("Title is required.");
    await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("A third of checkouts fail with 502.");
    await expect(page.getByRole("radio", { name: /^SEV2 / })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Checkout API", exact: true })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Payments Service", exact: true })).toBeChecked();
    await expect(page.getByLabel(/Customer-facing/)).toBeChecked();

    await inc.fillDeclare({ title });
    await page.getByRole("button", { name: "Declare incident" }).click();
    await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
    const ref = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(inc.heading()).toHaveText(`${ref}: ${title}`);
    await expect(inc.status()).toHaveText("Triaging");
    // The affected services' SLIs are charted over the incident window, one panel per SLO.
    const slos = page.locator("section").filter({ has: page.getByRole("heading", { name: "SLOs during the incident" }) });
    await expect(slos.getByRole("heading", { name: "Checkout availability (Checkout API)", level: 3 })).toBeVisible();
    await expect(slos.getByRole("heading", { name: "Checkout latency under 1 s (Checkout API)", level: 3 })).toBeVisible();
    await expect(page.getByText("SEV2", { exact: true }).first()).toBeVisible();
    await expect(inc.timeline()).toContainText(`Declared ${ref} as SEV2: ${title}`);
    await expect(inc.timeline()).toContainText("Rory Responder");

    // An admin opens the same incident and keeps watching (the page is never reloaded).
    const watcher = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    const watched = new IncidentsPage(watcher);
    await watcher.goto(`/incidents/${ref}`);
    await expect(watched.status()).toHaveText("Triaging");
    await watcher.evaluate(() => ((window as unknown as { keelMarker: number }).keelMarker = 42));

    await page.getByRole("button", { name: "Assign me as commander" }).click();
    await expect(inc.commander()).toHaveText("Rory Responder");
    await expect(page.getByRole("button", { name: "Assign me as commander" })).toHaveCount(0);
    // The role entry reaches the watcher, and their header and roles are redrawn with it.
    await expect(watched.commander()).toHaveText("Rory Responder", { timeout: 15_000 });

    const note = `Rolled back checkout to 4.2.1 at ${Date.now()}`;
    await inc.addEntry("Note", note);
    await expect(inc.timeline()).toContainText(note);
    await expect(page.getByRole("form", { name: "Add to the timeline" }).getByLabel("Entry", { exact: true })).toHaveValue("");
    await expect(watched.timeline()).toContainText(note, { timeout: 15_000 });

    // Only the states the lifecycle allows next are offered; closing is not among them yet.
    await expect(inc.statusForm().getByRole("button")).toHaveText(["Investigating", "Identified", "Monitoring (mitigated)", "Resolved"]);
    await inc.moveTo("Investigating", "Investigating");
    await inc.moveTo("Identified", "Identified");
    await inc.moveTo("Monitoring (mitigated)", "Monitoring (mitigated)");
    await inc.moveTo("Resolved", "Resolved");
    await expect(inc.statusForm().getByRole("button")).toHaveText(["Back to investigating", "Close incident"]);
    await expect(watched.status()).toHaveText("Resolved", { timeout: 15_000 });
    await expect(watched.timeline()).toContainText("Status monitoring → resolved");
    expect(await watcher.evaluate(() => (window as unknown as { keelMarker?: number }).keelMarker)).toBe(42);

    // Each milestone's time was recorded on the way.
    const times = page.locator("section", { has: page.getByRole("heading", { name: "Times", exact: true }) });
    for (const label of ["Acknowledged", "Mitigated", "Resolved"]) {
      await expect(times.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]")).not.toHaveText("Not yet");
    }

    // A SEV2 cannot close before its postmortem is published: refused, with the reason.
    await inc.statusForm().getByRole("button", { name: "Close incident" }).click();
    await expect(inc.statusForm().getByRole("status")).toContainText("needs a published postmortem before it can be closed");
    await expect(inc.status()).toHaveText("Resolved");

    // A move the lifecycle does not allow is refused through the API too, naming the allowed ones.
    const bad = await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: "identified" } });
    expect(bad.status()).toBe(409);
    expect((await bad.json()).error.message).toBe("An incident cannot move from resolved to identified. From resolved it can move to: investigating, closed.");
    await page.context().close();
    await watcher.context().close();
  });

  test("a responder changes severity, picks roles, back-fills a time, records impact and adds a link", async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await (await browser.newContext({ storageState: storageStateFor("responder") })).newPage();
    const inc = new IncidentsPage(page);
    const created = await page.request.post("/api/v1/incidents", { data: { title: `Search is slow (e2e ${Date.now()})`, severity: "SEV3", services: ["search"] } });
    expect(created.status()).toBe(201);
    const { ref, timestamps } = await created.json();
    await page.goto(`/incidents/${ref}`);

    await page.getByLabel("Severity", { exact: true }).selectOption("SEV1");
    await page.getByRole("button", { name: "Change severity" }).click();
    await expect(page.getByRole("form", { name: "Change severity" }).getByRole("status")).toHaveText("Severity is now SEV1.");
    await expect(page.getByRole("main").getByText("SEV1", { exact: true }).first()).toBeVisible();
    await expect(inc.timeline()).toContainText("Severity SEV3 → SEV1");

    await page.getByText("Change roles").click();
    const roles = page.getByRole("form", { name: "Incident roles" });
    await roles.getByLabel("Communications lead").selectOption({ label: "Ada Admin (admin@keel.example)" });
    await roles.getByRole("checkbox", { name: "Rory Responder (responder@keel.example)" }).check();
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(roles.getByRole("status")).toHaveText("Roles saved.");
    await expect(page.locator("dt", { hasText: "Comms lead" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Ada Admin");
    await expect(inc.timeline()).toContainText("Communications lead: Ada Admin");
    await expect(inc.timeline()).toContainText("Responders: added Rory Responder");

    // Back-fill: the incident began ten minutes before it was declared.
    const earlier = new Date(Date.parse(timestamps.started) - 10 * 60_000).toISOString().slice(0, 19);
    await page.getByText("Correct a time", { exact: true }).first().click();
    const stamp = page.getByRole("form", { name: "Correct a time" });
    await stamp.getByLabel("Which time").selectOption("started");
    await stamp.getByLabel("Corrected time (UTC)").fill(earlier);
    await stamp.getByRole("button", { name: "Correct time" }).click();
    await expect(stamp.getByRole("status")).toContainText("Say why the time is corrected.");
    await expect(stamp.getByLabel("Corrected time (UTC)")).toHaveValue(earlier);
    await stamp.getByLabel("Reason").fill("Error rate rose before the alert fired");
    await stamp.getByRole("button", { name: "Correct time" }).click();
    await expect(stamp.getByRole("status")).toHaveText("Time corrected.");
    await expect(inc.timeline()).toContainText("Error rate rose before the alert fired");
    const api = await (await page.request.get(`/api/v1/incidents/${ref}`)).json();
    expect(api.timestamps.started).toBe(`${earlier}.000Z`);

    // Impact: a bad number is refused with the typed values kept; then saved.
    const impact = page.getByRole("form", { name: "Impact", exact: true });
    await impact.getByLabel("Users affected").fill("1200");
    await impact.getByLabel("Share of traffic (%)").fill("140");
    await impact.getByRole("button", { name: "Save impact" }).click();
    await expect(impact.getByRole("status")).toContainText("Traffic share is 0 to 100 %.");
    await expect(impact.getByLabel("Users affected")).toHaveValue("1200");
    await impact.getByLabel("Share of traffic (%)").fill("12.5");
    await impact.getByRole("button", { name: "Save impact" }).click();
    await expect(impact.getByRole("status")).toHaveText("Impact saved.");
    await expect(inc.timeline()).toContainText("Impact: users affected 1200, % of traffic 12.5");

    await inc.addEntry("Link", "Grafana: search latency", "https://grafana.keel.example/d/search");
    await expect(inc.timeline().getByRole("link", { name: "https://grafana.keel.example/d/search" })).toBeVisible();
    await page.context().close();
  });

  test("the list keeps its filters in the URL, searches text and pages with a cursor", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    const inc = new IncidentsPage(page);

    await inc.gotoList("?limit=2");
    await expect(inc.rows()).toHaveCount(2);
    const firstPage = await inc.rows().locator("td:first-child").allTextContents();
    await page.getByRole("link", { name: "Next page →" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page).toHaveURL(/limit=2/);
    await expect(inc.rows()).toHaveCount(2);
    const secondPage = await inc.rows().locator("td:first-child").allTextContents();
    expect(secondPage.filter((r) => firstPage.includes(r))).toEqual([]);

    await inc.gotoList();
    await page.getByLabel("Search").fill("index degradation");
    await page.getByLabel("Status").selectOption("open");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/q=index\+degradation/);
    await expect(page).toHaveURL(/status=open/);
    await expect(inc.rows()).toHaveCount(1);
    await expect(inc.rows().first()).toContainText("Search: index degradation");
    await expect(inc.rows().first()).toContainText("SEV3");
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("open");
    await expect(inc.rows()).toHaveCount(1);

    await inc.gotoList("?severity=SEV1");
    await expect(inc.rows()).not.toHaveCount(0);
    for (const sev of await inc.rows().locator("td:nth-child(3)").allTextContents()) expect(sev).toContain("SEV1");

    await inc.gotoList("?service=search&status=resolved");
    await expect(page.getByText("No incidents match these filters.")).toBeVisible();

    await inc.gotoList("?status=bogus");
    await expect(page.getByRole("status").filter({ hasText: "were not valid and were ignored" })).toBeVisible();
    await page.context().close();
  });

  test("a viewer reads an incident but has no forms and cannot change it", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    const inc = new IncidentsPage(page);
    await inc.gotoList();
    await expect(page.getByRole("link", { name: "Declare incident" })).toHaveCount(0);
    await inc.rows().filter({ hasText: "Search: index degradation" }).getByRole("link").first().click();
    await expect(inc.heading()).toContainText("Search: index degradation");
    const ref = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(inc.timeline()).toContainText("Index segment merges are falling behind");
    await expect(inc.status()).toHaveText("Identified");
    await expect(page.getByRole("main").locator("form")).toHaveCount(0);
    // Nothing that changes the incident: the only buttons are the SLI charts' Retry (no Prometheus here).
    await expect(page.getByRole("main").getByRole("button").filter({ hasNotText: /^Retry/ })).toHaveCount(0);

    const patch = await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: "monitoring" } });
    expect(patch.status()).toBe(403);
    const note = await page.request.post(`/api/v1/incidents/${ref}/timeline`, { data: { kind: "note", body: "viewer note" } });
    expect(note.status()).toBe(403);
    await page.reload();
    await expect(inc.status()).toHaveText("Identified");
    await expect(inc.timeline()).not.toContainText("viewer note");

    // The page takes the bare number and the id as well as INC-n; anything else is not found.
    const { id, number } = await (await page.request.get(`/api/v1/incidents/${ref}`)).json();
    for (const other of [String(number), id]) {
      await page.goto(`/incidents/${other}`);
      await expect(inc.heading()).toHaveText(`${ref}: Search: index degradation`);
    }
    await page.goto("/incidents/INC-999999");
    await expect(page.getByRole("heading", { name: "No such incident" })).toBeVisible();

    await page.goto("/incidents/new");
    await expect(page).toHaveURL(/denied=1/);
    await page.context().close();
  });

  test("the incident page shows the error budget an incident consumed, computed without Prometheus for an incident-based SLO", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("viewer") })).newPage();
    const found = await (await page.request.get("/api/v1/incidents?q=card provider degraded")).json();
    const incident = found.items[0];
    expect(incident.title).toBe("Payments: card provider degraded");
    const slos = await (await page.request.get("/api/v1/slos")).json();
    const slo = (Array.isArray(slos) ? slos : slos.items).find((s: { slug: string }) => s.slug === "payments-incident-uptime");
    expect(slo.window.kind).toBe("rolling");
    // Minutes of SEV2 outage (start to mitigation) against the minutes of downtime the window allows.
    const badMinutes = (Date.parse(incident.timestamps.mitigated) - Date.parse(incident.timestamps.started)) / 60_000;
    const allowedMinutes = slo.window.days * 24 * 60 * (1 - slo.target);
    const share = badMinutes / allowedMinutes;
    expect(share).toBeGreaterThan(0.2);

    await page.goto(`/incidents/${incident.ref}`);
    const row = page.getByRole("table", { name: "Error budget consumed per SLO" }).getByRole("row", { name: /Payments uptime \(from incidents\)/ });
    await expect(row).toContainText(`${Math.round(share * 100)} %`);
    await expect(row).toContainText("Postmortem required");
    await page.context().close();
  });
});
