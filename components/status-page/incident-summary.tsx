import Link from "next/link";
import type { PublicIncident } from "@/lib/status-page/queries";
import { incidentPath } from "@/lib/status-page/feed";
import { stateFill } from "./state-style";
import { IncidentTimes } from "./incident-times";
import { PublicUpdates } from "./public-updates";

/** One incident in the status page's lists: headline, times and its public updates. */
export function IncidentSummary({ incident }: { incident: PublicIncident }) {
  const id = `incident-${incident.number}`;
  return (
    <article aria-labelledby={id} className="space-y-2 rounded-lg border border-line bg-surface p-4" data-testid="public-incident">
      <h3 id={id} className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${stateFill[incident.state]}`} />
        <Link href={incidentPath(incident.number)} className="text-link underline">
          {incident.headline}
        </Link>
      </h3>
      <IncidentTimes incident={incident} />
      <PublicUpdates updates={incident.updates} />
    </article>
  );
}

/** A titled list of incidents, or a sentence saying there are none. */
export function IncidentSection({ title, incidents, empty }: { title: string; incidents: PublicIncident[]; empty?: string }) {
  if (!incidents.length && !empty) return null;
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      {incidents.length ? incidents.map((x) => <IncidentSummary key={x.number} incident={x} />) : <p className="text-sm text-muted">{empty}</p>}
    </section>
  );
}
