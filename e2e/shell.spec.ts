import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";

test.describe("shell", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("every section is reachable and honest about what it holds; Settings is for admins", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main", exact: true });
    for (const [label, empty] of [
      ["SLOs", "Checkout availability"],
      ["Incidents", "Search: index degradation"],
      ["On-call", "Who is on call now and next for each schedule"],
      ["Capacity", "Usage against limits, forecast 30 days ahead"],
    ]) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page.getByText(empty)).toBeVisible();
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    }
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await page.goto("/settings/users");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("needs a higher role");
  });

  test("phone width: the menu opens from the header and the keyboard reaches it", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
    await page.keyboard.press("Tab"); // skip link
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const menu = page.getByRole("navigation", { name: "Main menu" });
    await expect(menu).toBeVisible();
    await menu.getByRole("link", { name: "Services" }).click();
    await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
