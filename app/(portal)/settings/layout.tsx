import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";

const tabs = [
  { href: "/settings/users", label: "Users" },
  { href: "/settings/teams", label: "Teams" },
  { href: "/settings/tokens", label: "API tokens" },
  { href: "/settings/datasources", label: "Data sources" },
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/integrations", label: "Alert integrations" },
  { href: "/settings/severities", label: "Severities" },
  { href: "/settings/postmortems", label: "Postmortems" },
  { href: "/settings/status-page", label: "Status page" },
  { href: "/settings/audit", label: "Audit log" },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePage("admin");
  return (
    <>
      <PageHeader title="Settings" description="Users, teams, API tokens, data sources, notifications, alert integrations, severities, the status page and the security audit log." />
      <nav aria-label="Settings" className="mb-4 flex flex-wrap gap-1 border-b border-line">
        {tabs.map((t) => (
          <Link key={t.href} href={t.href} className="rounded-t-md px-3 py-2 text-sm text-muted hover:bg-raised hover:text-fg">
            {t.label}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}
