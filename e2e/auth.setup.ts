import { expect, test as setup } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { storageStateFor, userFor } from "./fixtures/users";

for (const role of ["admin", "responder", "viewer"] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(userFor(role).email, userFor(role).password);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    const shell = new Shell(page);
    await shell.openUserMenu();
    await expect(shell.currentRole()).toHaveText(role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
