"use server";

import { cookies } from "next/headers";
import { parseTheme, themeCookie } from "./theme";

/** Remembers the chosen colour theme; needs no sign-in (it only affects this browser). */
export async function setThemeAction(form: FormData): Promise<void> {
  const theme = parseTheme(String(form.get("theme") ?? ""));
  (await cookies()).set(themeCookie, theme, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
