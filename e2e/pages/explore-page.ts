import { expect, type Page } from "@playwright/test";

/** The Explore page: data source, PromQL editor, chart and series table. */
export class ExplorePage {
  constructor(readonly page: Page) {}

  async open(params = "") {
    await this.page.goto(`/explore${params}`);
    await expect(this.page.getByRole("heading", { name: "Explore", level: 1 })).toBeVisible();
  }

  editor() {
    return this.page.getByRole("textbox", { name: "PromQL query" });
  }

  /** Waits for the CodeMirror editor itself (not the textarea shown while it loads). */
  async editorReady() {
    await expect(this.page.getByTestId("promql-editor")).toBeVisible();
    await expect(this.editor()).toBeVisible();
  }

  async chooseDatasource(name: string) {
    await this.page.getByLabel("Data source").selectOption({ label: name });
  }

  completion(text: string) {
    return this.page.locator(".cm-tooltip-autocomplete").getByRole("option", { name: new RegExp(text) });
  }

  chart() {
    return this.page.getByRole("img", { name: /Result/ });
  }

  seriesRows() {
    return this.page.getByTestId("series-table").locator("tbody tr");
  }
}
