import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { listPostmortems } from "@/lib/postmortems/queries";
import { listServices } from "@/lib/services/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { PostmortemFilters } from "@/components/postmortems/postmortem-filters";
import { PostmortemTable } from "@/components/postmortems/postmortem-table";
import { isPostmortemFiltered, readPostmortemQuery, toPostmortemFilter, type PostmortemListFilter } from "@/components/postmortems/list-query";

export const metadata: Metadata = { title: "Postmortems" };

type Search = Record<string, string | string[] | undefined>;

/** The list for the filters, read at one moment (`now`, for overdue and due texts). */
async function load(user: Principal, filter: PostmortemListFilter) {
  const now = Date.now();
  const [items, services] = await Promise.all([listPostmortems(user, filter, now), listServices(user, { limit: 200 })]);
  return { now, items, services };
}

export default async function PostmortemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const query = readPostmortemQuery(await searchParams);
  const { filter, ok } = toPostmortemFilter(query);
  const { now, items, services } = await load(user, filter);
  const filtered = isPostmortemFiltered(query);
  const overdue = items.filter((p) => p.overdue).length;
  const tags = [...new Set(items.flatMap((p) => p.tags))].sort();
  return (
    <>
      <PageHeader
        title="Postmortems"
        description="Blameless postmortems written from incidents: drafts, reviews and published ones, searchable across every section."
        actions={
          <ButtonLink href="/postmortems/action-items" variant="secondary">
            Action items
          </ButtonLink>
        }
      />
      {!ok && (
        <p role="status" className="mb-4 rounded-md border border-warn p-2 text-sm text-warn">
          Some filters in the address were not valid and were ignored.
        </p>
      )}
      <PostmortemFilters query={query} services={services.items.map(({ slug, name }) => ({ slug, name }))} tags={tags} />
      {overdue > 0 && !query.overdue && (
        <p className="mb-3 text-sm text-danger">
          {overdue === 1 ? "1 postmortem is" : `${overdue} postmortems are`} past due.{" "}
          <Link href="/postmortems?overdue=1" className="text-link underline">
            Show only overdue
          </Link>
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title={filtered ? "No postmortems match these filters." : "No postmortems yet."}>
          {filtered ? (
            <Link href="/postmortems" className="text-link underline">
              Clear filters
            </Link>
          ) : hasRole(user.role, "responder") ? (
            <>
              Open a resolved incident and choose “Write postmortem”.{" "}
              <Link href="/incidents?status=resolved" className="text-link underline">
                Resolved incidents
              </Link>
            </>
          ) : (
            "Postmortems written by responders will be listed here."
          )}
        </EmptyState>
      ) : (
        <>
          <PostmortemTable items={items} now={now} query={query} />
          {items.length >= 100 && <p className="mt-2 text-xs text-muted">Showing the 100 most recent; narrow the filters to find older ones.</p>}
        </>
      )}
    </>
  );
}
