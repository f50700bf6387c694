import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";
import type { IncidentDto } from "@/lib/incidents/dto";
import type { SeverityTable } from "@/lib/incidents/severity";
import { postmortemOfIncident } from "@/lib/postmortems/queries";
import { createPostmortemAction } from "@/lib/postmortems/actions";
import { REVIEW_LABELS } from "@/lib/postmortems/review";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";

const tones = { draft: "neutral", in_review: "warn", published: "ok" } as const;

/** The incident's postmortem: a link to it with its status, or "Write postmortem" for responders. */
export async function PostmortemPanel({ user, incident, table }: { user: Principal; incident: IncidentDto; table: SeverityTable }) {
  const pm = await postmortemOfIncident(user, incident.id);
  const required = table[incident.severity].postmortemRequired;
  return (
    <div className="space-y-2 text-sm">
      {pm ? (
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/postmortems/${pm.id}`} className="text-link underline">
            {pm.title}
          </Link>
          <Badge tone={tones[pm.status]}>{REVIEW_LABELS[pm.status]}</Badge>
        </p>
      ) : (
        <>
          <p className="text-muted">
            {required ? `${incident.severity} incidents need a published postmortem before they close.` : "No postmortem yet."} It is prefilled from this incident: impact,
            timeline and links.
          </p>
          {hasRole(user.role, "responder") && <ActionForm action={createPostmortemAction} hidden={{ incidentId: incident.id }} label="Write postmortem" variant="primary" />}
        </>
      )}
    </div>
  );
}
