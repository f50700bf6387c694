import { expect, type Page } from "@playwright/test";

export type ServiceFields = Partial<{
  name: string;
  slug: string;
  description: string;
  team: string;
  tier: string;
  runbook: string;
  repository: string;
  dashboard: string;
  labels: string;
  public: boolean;
}>;

export class ServicesPage {
  constructor(private readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/services${query}`);
    await expect(this.page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole("table", { name: "Services" }).locator("tbody tr");
  }

  async fill(fields: ServiceFields) {
    const p = this.page;
    const text: [keyof ServiceFields, string][] = [
      ["name", "Name"],
      ["slug", "Slug"],
      ["description", "Description"],
      ["runbook", "Runbook URL"],
      ["repository", "Repository URL"],
      ["dashboard", "Dashboard URL"],
      ["labels", "Labels"],
    ];
    for (const [key, label] of text) {
      const v = fields[key];
      if (typeof v === "string") await p.getByLabel(label, { exact: true }).fill(v);
    }
    if (fields.team !== undefined) await p.getByLabel("Owning team").selectOption(fields.team);
    if (fields.tier !== undefined) await p.getByLabel("Tier").selectOption(fields.tier);
    if (fields.public !== undefined) await p.getByLabel("Show on the public status page").setChecked(fields.public);
  }

  fieldError(name: string) {
    return this.page.locator(`#${name}-error`);
  }
}
