import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listServices } from "@/lib/services/queries";
import { SEVERITIES, describeTarget, type SeverityTable } from "@/lib/incidents/severity";
import { getSeverityTable } from "@/lib/incidents/severity-targets";
import { PageHeader } from "@/components/ui/page-header";
import { DeclareForm, type SeverityChoice } from "@/components/incidents/declare-form";

export const metadata: Metadata = { title: "Declare incident" };

const choices = (table: SeverityTable): SeverityChoice[] =>
  SEVERITIES.map((s) => {
    const info = table[s];
    return { value: s, title: `${s} — ${info.label}`, meaning: info.meaning, targets: `Respond within ${describeTarget(info.respond)}, resolve within ${describeTarget(info.resolve)}.` };
  });

export default async function DeclareIncidentPage() {
  const user = await requirePage("responder");
  const [services, table] = await Promise.all([listServices(user, { limit: 200 }), getSeverityTable()]);
  return (
    <>
      <PageHeader title="Declare incident" description="Start the response: the incident opens in triaging and its timeline begins." />
      <DeclareForm severities={choices(table)} services={services.items.map(({ slug, name }) => ({ slug, name }))} />
    </>
  );
}
