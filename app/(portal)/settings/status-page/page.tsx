import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listMaintenances } from "@/lib/status-page/maintenance-queries";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { MaintenanceTable } from "@/components/status-page/maintenance-table";

export const metadata: Metadata = { title: "Status page" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

/** Scheduled maintenance on the public status page: in progress, upcoming and past, and the way to schedule more. */
export default async function StatusPageSettings({ searchParams }: { searchParams: Promise<Search> }) {
  const admin = await requirePage("admin");
  const [{ items }, params] = await Promise.all([listMaintenances(admin), searchParams]);
  const saved = one(params.saved);
  const notified = Number(one(params.notified)) || 0;
  const inProgress = items.filter((m) => m.phase === "in_progress");
  const upcoming = items.filter((m) => m.phase === "scheduled").reverse();
  const past = items.filter((m) => m.phase === "completed" || m.phase === "cancelled");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="max-w-2xl text-sm text-muted">
          Scheduled maintenance shows on the public{" "}
          <Link href="/status" className="text-link underline">
            status page
          </Link>{" "}
          and in its Atom feed; its components read “Under maintenance” while it is in progress. Subscribers of the affected components are emailed when it is scheduled,
          moved or cancelled. Times are in your time zone.
        </p>
        <ButtonLink href="/settings/status-page/maintenance/new">Schedule maintenance</ButtonLink>
      </div>
      {saved && (
        <p role="status" className="rounded-md border border-ok p-2 text-sm text-ok">
          “{saved}” saved; {notified === 1 ? "1 subscriber was emailed" : `${notified} subscribers were emailed`}.
        </p>
      )}
      <section aria-labelledby="maintenance-now" className="space-y-2">
        <h2 id="maintenance-now" className="text-lg font-semibold">
          In progress
        </h2>
        {inProgress.length ? <MaintenanceTable caption="Maintenance in progress" items={inProgress} /> : <p className="text-sm text-muted">No maintenance is in progress.</p>}
      </section>
      <section aria-labelledby="maintenance-upcoming" className="space-y-2">
        <h2 id="maintenance-upcoming" className="text-lg font-semibold">
          Upcoming
        </h2>
        {upcoming.length ? <MaintenanceTable caption="Upcoming maintenance" items={upcoming} /> : <EmptyState title="No maintenance is scheduled.">Schedule one to tell customers about planned work.</EmptyState>}
      </section>
      <section aria-labelledby="maintenance-past" className="space-y-2">
        <h2 id="maintenance-past" className="text-lg font-semibold">
          Past
        </h2>
        {past.length ? <MaintenanceTable caption="Past maintenance" items={past} /> : <p className="text-sm text-muted">No past maintenance.</p>}
      </section>
    </div>
  );
}
