import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listServices } from "@/lib/services/queries";
import { listTeams } from "@/lib/teams/queries";
import { serviceFilterSchema } from "@/lib/services/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Badge, TierBadge } from "@/components/ui/badge";
import { ServiceFilters } from "@/components/services/service-filters";

export const metadata: Metadata = { title: "Services" };

type Search = Record<string, string | string[] | undefined>;

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const raw = await searchParams;
  const parsed = serviceFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  // A hand-edited URL with a bad filter shows everything, and says so.
  const filter = parsed.success ? parsed.data : serviceFilterSchema.parse({});
  const [{ items, nextCursor }, teams] = await Promise.all([listServices(user, filter), listTeams(user)]);
  const nextParams = new URLSearchParams(Object.entries({ ...filter, cursor: nextCursor ?? "" }).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
  const filtered = Boolean(filter.q || filter.team || filter.tier || filter.public);
  return (
    <>
      <PageHeader
        title="Services"
        description="The catalogue every SLO, incident, schedule and forecast hangs on."
        actions={hasRole(user.role, "admin") ? <ButtonLink href="/services/new">New service</ButtonLink> : null}
      />
      {typeof raw.deleted === "string" && (
        <p role="status" className="mb-4 rounded-md border border-ok p-2 text-sm text-ok">
          Deleted service {raw.deleted}.
        </p>
      )}
      {!parsed.success && (
        <p role="status" className="mb-4 rounded-md border border-warn p-2 text-sm text-warn">
          Some filters in the address were not valid and were ignored.
        </p>
      )}
      <ServiceFilters filter={filter} teams={teams} />
      {items.length === 0 ? (
        <EmptyState title={filtered ? "No services match these filters." : "No services yet."}>
          {filtered ? <Link href="/services" className="text-link underline">Clear filters</Link> : hasRole(user.role, "admin") ? "Create the first one with “New service”." : "An admin can add services."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">Services</caption>
            <thead className="border-b border-line text-left text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Team</th>
                <th scope="col" className="px-3 py-2 font-medium">Tier</th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Labels</th>
                <th scope="col" className="px-3 py-2 font-medium">Status page</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} className="border-b border-line last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/services/${s.slug}`} className="font-medium text-link hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-xs text-muted">{s.slug}</div>
                  </td>
                  <td className="px-3 py-2">{s.team?.name ?? <span className="text-muted">—</span>}</td>
                  <td className="px-3 py-2">
                    <TierBadge tier={s.tier} />
                  </td>
                  <td className="hidden px-3 py-2 md:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {Object.entries(s.labels).map(([k, v]) => (
                        <Badge key={k}>
                          {k}={v}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="px-3 py-2">{s.public ? <Badge tone="accent">Public</Badge> : <span className="text-muted">Internal</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <div className="mt-4">
          <Link href={`/services?${nextParams}`} className="text-link underline">
            Next page →
          </Link>
        </div>
      )}
    </>
  );
}
