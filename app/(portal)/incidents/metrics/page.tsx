import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { loadMetricIncidents } from "@/lib/incidents/metrics-load";
import { incidentMetrics } from "@/lib/incidents/metrics";
import { getSeverityTable } from "@/lib/incidents/severity-targets";
import { timeZoneOf } from "@/lib/users/time-zone";
import { METRIC_RANGES, metricRange } from "@/lib/incidents/metrics-range";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { MetricsTiles } from "@/components/incidents/metrics-tiles";
import { MetricsTable } from "@/components/incidents/metrics-table";
import { MetricsChart } from "@/components/incidents/metrics-chart";

export const metadata: Metadata = { title: "Incident metrics" };

type Search = Record<string, string | string[] | undefined>;
const MIN = 60_000;

/** The range's incidents and their metrics, at one moment. */
async function load(user: Principal, key: string | undefined) {
  const now = Date.now();
  const range = metricRange(key, now);
  const [incidents, table, timeZone] = await Promise.all([loadMetricIncidents(user, range), getSeverityTable(), timeZoneOf(user)]);
  return { range, incidents, timeZone, m: incidentMetrics(incidents, now, { range, table, timeZone }) };
}

export default async function IncidentMetricsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage();
  const raw = (await searchParams).range;
  const { range, incidents, timeZone, m } = await load(user, Array.isArray(raw) ? raw[0] : raw);
  const perMonth = (pick: (g: (typeof m.byMonth)[number]) => number | null, scale: number) => m.byMonth.map((g) => ({ label: g.label, value: pick(g) === null ? null : pick(g)! / scale }));
  return (
    <>
      <PageHeader
        title="Incident metrics"
        description={
          <>
            How fast incidents are detected, acknowledged and resolved: incidents that started in the range, grouped by the month they started (in your time zone, {timeZone}), by severity and by service.{" "}
            <Link href="/incidents" className="text-link underline">
              All incidents
            </Link>
          </>
        }
      />
      <nav aria-label="Time range" className="mb-4 flex flex-wrap gap-2 text-sm">
        {Object.entries(METRIC_RANGES).map(([key, label]) => (
          <Link
            key={key}
            href={`/incidents/metrics?range=${key}`}
            aria-current={key === range.key ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${key === range.key ? "border-link font-semibold text-link" : "border-line hover:bg-raised"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <MetricsTiles overall={m.overall} />
      {incidents.length === 0 ? (
        <EmptyState title="No incidents started in this range.">Choose a longer range above.</EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 md:grid-cols-2">
            <MetricsChart title="Median time to acknowledge by month (minutes)" unit="min" data={perMonth((g) => g.mtta.median, MIN)} />
            <MetricsChart title="Median time to resolve by month (hours)" unit="h" data={perMonth((g) => g.mttr.median, 60 * MIN)} />
          </div>
          <section aria-labelledby="by-month" className="space-y-2">
            <h2 id="by-month" className="text-lg font-semibold">
              By month
            </h2>
            <MetricsTable caption="Incident metrics by month" groupHeading="Month" groups={m.byMonth} />
          </section>
          <section aria-labelledby="by-severity" className="space-y-2">
            <h2 id="by-severity" className="text-lg font-semibold">
              By severity
            </h2>
            <MetricsTable caption="Incident metrics by severity" groupHeading="Severity" groups={m.bySeverity} />
          </section>
          <section aria-labelledby="by-service" className="space-y-2">
            <h2 id="by-service" className="text-lg font-semibold">
              By service
            </h2>
            <p className="text-sm text-muted">An incident that affected several services counts for each of them.</p>
            <MetricsTable caption="Incident metrics by service" groupHeading="Service" groups={m.byService} />
          </section>
          <p className="text-xs text-muted">
            MTTD: started → detected. MTTA: detected → acknowledged. MTTR: started → resolved. Within target: acknowledged within the severity&apos;s respond target counted from detection;
            an incident not yet acknowledged counts as missed once that target has passed.
          </p>
        </div>
      )}
    </>
  );
}
