import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listRunbooks } from "@/lib/runbooks/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { RunbookTable } from "@/components/runbooks/runbook-table";

export const metadata: Metadata = { title: "Runbooks" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? "";

export default async function RunbooksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const params = await searchParams;
  const q = one(params.q);
  const deleted = one(params.deleted);
  const { items } = await listRunbooks(user, { q: q || undefined });
  const admin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Runbooks"
        description={
          <>
            Incident procedures: ordered steps and whom to call. Alertmanager alerts attach them to the incidents they open; responders attach them by hand from an{" "}
            <Link href="/incidents" className="text-link underline">
              incident
            </Link>
            .
          </>
        }
        actions={admin ? <ButtonLink href="/runbooks/new">New runbook</ButtonLink> : null}
      />
      {deleted && (
        <p role="status" className="mb-4 rounded-md border border-ok p-2 text-sm text-ok">
          Runbook “{deleted}” deleted.
        </p>
      )}
      <form method="get" action="/runbooks" role="search" aria-label="Search runbooks" className="mb-4 flex max-w-xl items-end gap-2">
        <div className="flex-1 space-y-1">
          <label htmlFor="runbook-q" className="block text-xs font-medium text-muted">
            Search
          </label>
          <input id="runbook-q" name="q" type="search" defaultValue={q} placeholder="Title, scenario or alert name" className={inputClass} />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {items.length ? (
        <RunbookTable items={items} />
      ) : (
        <EmptyState title={q ? "No runbook matches this search." : "No runbooks yet."}>
          {q ? (
            <Link href="/runbooks" className="text-link underline">
              Show all runbooks
            </Link>
          ) : admin ? (
            "Write the first with “New runbook”."
          ) : (
            "Admins write runbooks; they will be listed here."
          )}
        </EmptyState>
      )}
    </>
  );
}
