import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: { default: "System status", template: "%s · System status" },
  alternates: { types: { "application/atom+xml": [{ url: "/status/feed.atom", title: "System status" }] } },
};

/** The public status pages: no sign-in, no portal shell, and nothing from inside Keel but what they show. */
export default function StatusLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 p-6">
      <header className="flex items-center justify-between gap-3">
        <Link href="/status" className="text-2xl font-bold">
          System status
        </Link>
        <a href="/status/feed.atom" className="text-sm text-link underline">
          Atom feed
        </a>
      </header>
      <main className="space-y-8">{children}</main>
      <footer className="border-t border-line pt-3 text-xs text-muted">Times are in UTC.</footer>
    </div>
  );
}
