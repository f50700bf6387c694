import { expect, type Page } from "@playwright/test";

export type DeclareFields = Partial<{ title: string; severity: "SEV1" | "SEV2" | "SEV3" | "SEV4"; services: string[]; summary: string; customerFacing: boolean }>;

/** The incident list, the declare form and one incident's page. */
export class IncidentsPage {
  constructor(private readonly page: Page) {}

  async gotoList(query = "") {
    await this.page.goto(`/incidents${query}`);
    await expect(this.page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole("table", { name: "Incidents" }).locator("tbody tr");
  }

  async fillDeclare(f: DeclareFields) {
    const p = this.page;
    if (f.title !== undefined) await p.getByLabel("Title", { exact: true }).fill(f.title);
    if (f.severity) await p.getByRole("radio", { name: new RegExp(`^${f.severity} `) }).check();
    for (const s of f.services ?? []) await p.getByRole("checkbox", { name: s, exact: true }).check();
    if (f.summary !== undefined) await p.getByLabel("Summary", { exact: true }).fill(f.summary);
    if (f.customerFacing !== undefined) await p.getByLabel(/Customer-facing/).setChecked(f.customerFacing);
  }

  fieldError(name: string) {
    return this.page.locator(`#${name}-error`);
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  status() {
    return this.page.getByTestId("incident-status");
  }

  commander() {
    return this.page.getByTestId("commander");
  }

  timeline() {
    return this.page.getByRole("log", { name: /Incident timeline/ });
  }

  statusForm() {
    return this.page.getByRole("form", { name: "Change status" });
  }

  async moveTo(label: string, expected: string) {
    await this.statusForm().getByRole("button", { name: label, exact: true }).click();
    await expect(this.status()).toHaveText(expected);
  }

  async addEntry(kind: "Note" | "Action taken" | "Link" | "Status page update", text: string, url?: string) {
    const form = this.page.getByRole("form", { name: "Add to the timeline" });
    await form.getByRole("radio", { name: kind, exact: true }).check();
    await form.getByLabel("Entry", { exact: true }).fill(text);
    if (url) await form.getByLabel("URL", { exact: true }).fill(url);
    await form.getByRole("button", { name: "Add entry" }).click();
    await expect(form.getByRole("status")).toHaveText("Added to the timeline.");
  }
}
