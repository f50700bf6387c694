import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { Shell } from "./pages/shell";
import { userFor } from "./fixtures/users";

test("anonymous visitors are sent to sign in and come back where they were going", async ({ page }) => {
  await page.goto("/services?tier=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  const login = new LoginPage(page);
  await login.signIn(userFor("responder").email, userFor("responder").password);
  await expect(page).toHaveURL(/\/services\?tier=1$/);
});

test("wrong password and unknown email get the same generic error", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(userFor("viewer").email, "wrong-password-123");
  await login.expectError("Invalid email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(userFor("viewer").email);
  await login.signIn("nobody@keel.example", "wrong-password-123");
  await login.expectError("Invalid email or password.");
});

test("repeated failures are rate-limited, even with the right password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const email = "locked.out@keel.example";
  for (let i = 0; i < 5; i++) {
    await login.signIn(email, `guess-${i}-password`);
    await login.expectError("Invalid email or password.");
  }
  await login.signIn(email, "guess-final-password");
  await login.expectError("Too many failed sign-in attempts");
});

test("single sign-on through the OIDC provider creates a viewer account", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Keel SSO" }).click();
  await expect(page.getByRole("heading", { name: "Keel test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill("sso.user@keel.example");
  await page.getByLabel("Password").fill("sso-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Welcome back, Sam SSO.")).toBeVisible();
  const shell = new Shell(page);
  await shell.openUserMenu();
  await expect(shell.currentRole()).toHaveText("viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});
