import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listServices } from "@/lib/services/queries";
import { SEVERITIES, describeTarget, severityInfo } from "@/lib/incidents/severity";
import { PageHeader } from "@/components/ui/page-header";
import { DeclareForm, type SeverityChoice } from "@/components/incidents/declare-form";

export const metadata: Metadata = { title: "Declare incident" };

const severities: SeverityChoice[] = SEVERITIES.map((s) => {
  const info = severityInfo(s);
  return { value: s, title: `${s} — ${info.label}`, meaning: info.meaning, targets: `Respond within ${describeTarget(info.respond)}, resolve within ${describeTarget(info.resolve)}.` };
});

export default async function DeclareIncidentPage() {
  const user = await requirePage("responder");
  const services = await listServices(user, { limit: 200 });
  return (
    <>
      <PageHeader title="Declare incident" description="Start the response: the incident opens in triaging and its timeline begins." />
      <DeclareForm severities={severities} services={services.items.map(({ slug, name }) => ({ slug, name }))} />
    </>
  );
}
