import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { navItems } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { QueryProvider } from "@/components/providers/query-provider";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePage();
  const items = navItems.filter((i) => !i.role || hasRole(user.role, i.role));
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <aside className="hidden w-56 shrink-0 border-r border-line bg-surface md:block print:hidden">
        <div className="px-4 py-4">
          <Link href="/" className="text-lg font-bold tracking-tight">
            ⚓ Keel
          </Link>
        </div>
        <nav aria-label="Main" className="px-2">
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-between gap-2 border-b border-line bg-surface px-4 py-2 print:hidden">
          <details className="md:hidden">
            <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium hover:bg-raised">☰ Menu</summary>
            <nav aria-label="Main menu" className="absolute left-0 z-20 mt-1 w-full border-b border-line bg-surface p-2 shadow-lg">
              <NavLinks items={items} />
            </nav>
          </details>
          <span className="font-bold md:hidden">⚓ Keel</span>
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl p-4 md:p-6">
          <QueryProvider>{children}</QueryProvider>
        </main>
      </div>
    </div>
  );
}
