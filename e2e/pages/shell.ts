import type { Page } from "@playwright/test";

export class Shell {
  constructor(private readonly page: Page) {}

  async openUserMenu() {
    await this.page.getByTestId("account-menu").click();
  }

  currentRole() {
    return this.page.getByTestId("current-role");
  }

  nav() {
    return this.page.getByRole("navigation", { name: "Main", exact: true });
  }
}
