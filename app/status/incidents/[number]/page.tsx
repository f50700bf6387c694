import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { publicIncident } from "@/lib/status-page/queries";
import { IncidentTimes } from "@/components/status-page/incident-times";
import { PublicUpdates } from "@/components/status-page/public-updates";
import { stateFill } from "@/components/status-page/state-style";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ number: string }> };

/** Read once per request, for the metadata and the page. */
const incidentByNumber = cache(async (number: string) => (/^\d{1,10}$/.test(number) ? publicIncident(Number(number)) : null));

async function load(params: Props["params"]) {
  const incident = await incidentByNumber((await params).number);
  if (!incident) notFound();
  return incident;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).headline };
}

/** One public incident: its headline, times, affected components and every public update. */
export default async function PublicIncidentPage({ params }: Props) {
  const incident = await load(params);
  return (
    <article className="space-y-4">
      <p>
        <Link href="/status" className="text-sm text-link underline">
          ← All systems
        </Link>
      </p>
      <h1 className="flex items-center gap-2 text-xl font-semibold">
        <span aria-hidden="true" className={`h-3 w-3 shrink-0 rounded-full ${stateFill[incident.state]}`} />
        {incident.headline}
      </h1>
      <IncidentTimes incident={incident} />
      <p className="text-sm">
        <span className="text-muted">Affected: </span>
        {incident.components.map((c) => c.name).join(", ")}
      </p>
      <section aria-labelledby="updates-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
        <h2 id="updates-heading" className="font-semibold">
          Updates
        </h2>
        <PublicUpdates updates={incident.updates} />
      </section>
    </article>
  );
}
