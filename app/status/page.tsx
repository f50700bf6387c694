import type { Metadata } from "next";
import Link from "next/link";
import { statusOverview } from "@/lib/status-page/queries";
import { ComponentList } from "@/components/status-page/component-list";
import { IncidentSection } from "@/components/status-page/incident-summary";
import { MaintenanceSection } from "@/components/status-page/maintenance-summary";
import { OverallBanner } from "@/components/status-page/overall-banner";
import { SubscribeForm } from "@/components/status-page/subscribe-form";

export const metadata: Metadata = { title: { absolute: "System status" } };
export const dynamic = "force-dynamic";

/** Public status page: public services' state and 90 days of uptime, incident and maintenance history, subscriptions. */
export default async function StatusPage() {
  const overview = await statusOverview();
  const open = overview.incidents.filter((x) => x.open);
  const past = overview.incidents.filter((x) => !x.open);
  const maintenance = (phases: string[]) => overview.maintenances.filter((m) => phases.includes(m.phase));
  return (
    <>
      <h1 className="sr-only">System status</h1>
      <OverallBanner overall={overview.overall} nowMs={overview.nowMs} />
      <MaintenanceSection title="Maintenance in progress" items={maintenance(["in_progress"])} />
      <IncidentSection title="Current incidents" incidents={open} />
      <MaintenanceSection title="Scheduled maintenance" items={maintenance(["scheduled"])} />
      <section aria-labelledby="components-heading" className="space-y-3">
        <h2 id="components-heading" className="text-lg font-semibold">
          Components
        </h2>
        <ComponentList components={overview.components} />
      </section>
      <IncidentSection title="Past incidents (90 days)" incidents={past} empty="No incidents in the last 90 days." />
      <MaintenanceSection title="Past maintenance (90 days)" items={maintenance(["completed", "cancelled"]).reverse()} />
      <section aria-labelledby="subscribe-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
        <h2 id="subscribe-heading" className="text-lg font-semibold">
          Get updates by email
        </h2>
        <p className="text-sm text-muted">
          Updates about every component. To follow only some,{" "}
          <Link href="/status/subscribe" className="text-link underline">
            choose components
          </Link>
          .
        </p>
        <SubscribeForm components={[]} />
        <p className="text-xs text-muted">
          Or follow the{" "}
          <a href="/status/feed.atom" className="text-link underline">
            Atom feed
          </a>
          .
        </p>
      </section>
    </>
  );
}
