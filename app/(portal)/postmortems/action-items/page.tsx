import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { assignablePeople } from "@/lib/incidents/people";
import { listActionItems } from "@/lib/postmortems/action-item-store";
import { listServices } from "@/lib/services/queries";
import { listTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ActionItemFilters } from "@/components/postmortems/action-item-filters";
import { ActionItemStats } from "@/components/postmortems/action-item-stats";
import { ActionItemsTable } from "@/components/postmortems/action-items-table";
import { actionItemsHref, isActionItemFiltered, readActionItemQuery, toActionItemFilter, type ActionItemListFilter } from "@/components/postmortems/list-query";

export const metadata: Metadata = { title: "Action items" };

type Search = Record<string, string | string[] | undefined>;

async function load(user: Principal, filter: ActionItemListFilter) {
  const responder = hasRole(user.role, "responder");
  const [list, services, teams, people] = await Promise.all([listActionItems(user, filter), listServices(user, { limit: 200 }), listTeams(user), responder ? assignablePeople(user) : []]);
  return { list, services, teams, people, responder };
}

/** Action items across every postmortem, filtered in the URL, with closure figures; responders change status in place. */
export default async function ActionItemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const query = readActionItemQuery(await searchParams);
  const { filter, ok } = toActionItemFilter(query);
  const { list, services, teams, people, responder } = await load(user, filter);
  const filtered = isActionItemFiltered(query);
  const overdue = list.items.filter((i) => i.overdue).length;
  return (
    <>
      <PageHeader
        title="Action items"
        description="What postmortems decided to change, tracked to closure: prevent, detect, recover."
        actions={
          <>
            <ButtonLink href={actionItemsHref({ owner: user.email, status: "open" })} variant="secondary">
              My open items
            </ButtonLink>
            <ButtonLink href="/postmortems" variant="secondary">
              Postmortems
            </ButtonLink>
          </>
        }
      />
      {!ok && (
        <p role="status" className="mb-4 rounded-md border border-warn p-2 text-sm text-warn">
          Some filters in the address were not valid and were ignored.
        </p>
      )}
      <ActionItemFilters
        query={query}
        teams={teams.map(({ slug, name }) => ({ slug, name }))}
        services={services.items.map(({ slug, name }) => ({ slug, name }))}
        people={people.map((p) => ({ email: p.email, name: p.name || p.email }))}
      />
      <ActionItemStats closureRate={list.closureRate} medianTimeToCloseMs={list.medianTimeToCloseMs} counts={list.counts} overdue={overdue} />
      {list.items.length === 0 ? (
        <EmptyState title={filtered ? "No action items match these filters." : "No action items yet."}>
          {filtered ? (
            <Link href="/postmortems/action-items" className="text-link underline">
              Clear filters
            </Link>
          ) : (
            "Action items are added inside postmortems."
          )}
        </EmptyState>
      ) : (
        <ActionItemsTable items={list.items} canChangeStatus={responder} showPostmortem />
      )}
    </>
  );
}
