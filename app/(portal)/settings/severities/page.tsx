import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { SEVERITIES, describeTarget } from "@/lib/incidents/severity";
import { editedSeverities, getSeverityTable } from "@/lib/incidents/severity-targets";
import { targetToForm } from "@/lib/incidents/severity-schemas";
import { resetSeverityTargetsAction } from "@/lib/incidents/severity-actions";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { SeverityTargetsForm, type SeverityRow } from "@/components/incidents/severity-targets-form";

export const metadata: Metadata = { title: "Severities" };

/** Admins set each severity's respond and resolve targets and whether closing needs a postmortem. */
export default async function SeveritiesPage() {
  await requirePage("admin");
  const [table, edited] = await Promise.all([getSeverityTable(), editedSeverities()]);
  const rows: SeverityRow[] = SEVERITIES.map((s) => ({
    severity: s,
    label: table[s].label,
    meaning: table[s].meaning,
    respond: targetToForm(table[s].respond),
    resolve: targetToForm(table[s].resolve),
    postmortemRequired: table[s].postmortemRequired,
    edited: edited.includes(s),
  }));
  return (
    <div className="space-y-4">
      <Card title="Incident severities">
        <p className="mb-4 text-sm text-muted">
          Targets count from detection. Business days skip Saturday and Sunday and keep the time of day. They drive the targets on every incident page, the
          share acknowledged within target on the metrics page, and whether an incident can close before its postmortem is published. Now:{" "}
          {SEVERITIES.map((s) => `${s} respond ${describeTarget(table[s].respond)}, resolve ${describeTarget(table[s].resolve)}`).join("; ")}.
        </p>
        <SeverityTargetsForm rows={rows} />
      </Card>
      {edited.length > 0 && (
        <Card title="Defaults">
          <ActionForm action={resetSeverityTargetsAction} label="Restore Keel's defaults" confirm="Restore every severity's default targets?">
            <span className="text-sm text-muted">SEV1 15 min / 4 h, SEV2 30 min / 12 h, SEV3 2 h / 48 h, SEV4 next business day / 1 week; SEV1 and SEV2 need a postmortem.</span>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
