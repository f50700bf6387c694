import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/users";
import { navItems } from "../components/shell/nav-items";

const pages = [...navItems.map((i) => (i.href === "/settings" ? "/settings/users" : i.href)), "/services/checkout-api", "/services/new", "/settings/teams", "/settings/tokens", "/settings/audit", "/settings/datasources", "/settings/datasources/new", "/slos/new", "/slos/import", "/policy/settings", "/incidents/new", "/incidents/INC-1", "/incidents/metrics", "/runbooks", "/runbooks/new", "/runbooks/database-connection-exhaustion"];
pages.push("/postmortems/action-items");
pages.push("/settings/postmortems");
pages.push("/oncall/schedules/new");
pages.push("/oncall/schedules/Payments%20on-call");
pages.push("/oncall/schedules/Payments%20on-call?view=month");
pages.push("/profile");
pages.push("/oncall/escalation");
pages.push("/oncall/health");

async function expectNoSeriousViolations(page: import("@playwright/test").Page, path: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${path}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("accessibility", () => {
  test.use({ storageState: storageStateFor("admin") });

  for (const path of pages) {
    test(`${path} has no serious or critical axe violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await expectNoSeriousViolations(page, path);
    });
  }

  test("dark theme passes too", async ({ page }) => {
    test.setTimeout(90_000); // six full pages, each analysed by axe
    await page.goto("/");
    await page.getByTestId("account-menu").click();
    await page.getByRole("button", { name: "dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    for (const path of ["/", "/services", "/settings/users", "/incidents", "/incidents/new", "/incidents/INC-1"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, `${path} (dark)`);
    }
  });
});

test("login and status pages are accessible", async ({ page }) => {
  for (const path of ["/login", "/status"]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});
