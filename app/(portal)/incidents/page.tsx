import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { listIncidents } from "@/lib/incidents/queries";
import type { IncidentFilter } from "@/lib/incidents/schemas";
import { listServices } from "@/lib/services/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { IncidentFilters } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { isFiltered, listHref, readListQuery, toIncidentFilter } from "@/components/incidents/list-query";

export const metadata: Metadata = { title: "Incidents" };

type Search = Record<string, string | string[] | undefined>;

/** The page of incidents for the filters; a cursor that is not valid (hand-edited URL) starts again. */
async function load(user: Principal, filter: IncidentFilter, ok: boolean) {
  const now = Date.now();
  try {
    return { now, ok, page: await listIncidents(user, filter) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "bad_request") throw err;
    return { now, ok: false, page: await listIncidents(user, { limit: filter.limit }) };
  }
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const query = readListQuery(await searchParams);
  const parsed = toIncidentFilter(query);
  const [{ now, ok, page }, services] = await Promise.all([load(user, parsed.filter, parsed.ok), listServices(user, { limit: 200 })]);
  const responder = hasRole(user.role, "responder");
  const filtered = isFiltered(query);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Declared incidents, their timelines and response metrics."
        actions={
          <>
            <ButtonLink href="/incidents/metrics" variant="secondary">
              Metrics
            </ButtonLink>
            <ButtonLink href="/runbooks" variant="secondary">
              Runbooks
            </ButtonLink>
            {responder && <ButtonLink href="/incidents/new">Declare incident</ButtonLink>}
          </>
        }
      />
      {!ok && (
        <p role="status" className="mb-4 rounded-md border border-warn p-2 text-sm text-warn">
          Some filters in the address were not valid and were ignored.
        </p>
      )}
      <IncidentFilters query={query} services={services.items.map(({ slug, name }) => ({ slug, name }))} />
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No incidents match these filters." : "No incidents recorded."}>
          {filtered ? (
            <Link href="/incidents" className="text-link underline">
              Clear filters
            </Link>
          ) : responder ? (
            "Declare one with “Declare incident”; Alertmanager alerts will open them too."
          ) : (
            "Incidents declared by responders or opened by alerts will be listed here."
          )}
        </EmptyState>
      ) : (
        <IncidentTable items={page.items} now={now} />
      )}
      {(query.cursor || page.nextCursor) && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {query.cursor && (
            <Link href={listHref(query, null)} className="text-link underline">
              ← First page
            </Link>
          )}
          {page.nextCursor && (
            <Link href={listHref(query, page.nextCursor)} className="text-link underline">
              Next page →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
