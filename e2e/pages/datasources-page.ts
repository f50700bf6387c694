import { expect, type Page } from "@playwright/test";

/** Settings → Data sources. */
export class DatasourcesPage {
  constructor(readonly page: Page) {}

  async openNew() {
    await this.page.goto("/settings/datasources/new");
    await expect(this.page.getByRole("heading", { name: "Add a data source" })).toBeVisible();
  }

  async fill(o: { name: string; url: string; timeoutSeconds?: number }) {
    await this.page.getByLabel("Name", { exact: true }).fill(o.name);
    await this.page.getByLabel("Base URL").fill(o.url);
    if (o.timeoutSeconds) await this.page.getByLabel("Query time-out (seconds)").fill(String(o.timeoutSeconds));
  }

  async testConnection() {
    await this.page.getByRole("button", { name: "Test connection" }).click();
    return this.page.getByTestId("connection-test").getByRole("status");
  }

  async save() {
    await this.page.getByRole("button", { name: "Add data source" }).click();
    await expect(this.page).toHaveURL(/\/settings\/datasources\?saved=1/);
  }
}
