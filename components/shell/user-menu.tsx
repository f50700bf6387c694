import { cookies } from "next/headers";
import type { Principal } from "@/lib/auth/roles";
import { parseTheme, themeCookie, themes } from "@/lib/theme";
import { setThemeAction } from "@/lib/theme-actions";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu({ user }: { user: Principal }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-raised" data-testid="account-menu">
        <span className="sr-only">Account menu:</span>
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-accent text-xs font-bold text-accent-fg">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only sm:not-sr-only">{user.name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-line bg-surface p-2 shadow-lg">
        <p className="px-3 pt-1 text-sm font-medium">{user.name}</p>
        <p className="px-3 text-xs text-muted">{user.email}</p>
        <p className="px-3 pb-2 text-xs text-muted">
          Role: <span data-testid="current-role">{user.role}</span>
        </p>
        <form action={setThemeAction} className="border-t border-line px-3 py-2">
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-muted">Theme</legend>
            <div className="flex gap-1">
              {themes.map((t) => (
                <button
                  key={t}
                  name="theme"
                  value={t}
                  aria-pressed={theme === t}
                  className={`rounded px-2 py-1 text-xs capitalize ${theme === t ? "bg-accent text-accent-fg" : "border border-line"}`}
                >
                  {t}
                </button>
              ))}
            </div>
          </fieldset>
        </form>
        <a href="/profile" className="block border-t border-line px-3 py-2 text-sm hover:bg-raised">Profile and time zone</a>
        <div className="border-t border-line pt-1">
          <SignOutButton />
        </div>
      </div>
    </details>
  );
}
