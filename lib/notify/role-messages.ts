/**
 * The emails the people in an incident's roles receive: when they are given a role, and when the
 * incident they hold a role in changes severity or status. Pure; `{ subject, text }` for the queue.
 */
import type { MailPayload } from "@/lib/status-page/messages";

export type IncidentRole = "commander" | "commsLead" | "responder";

export const ROLE_NAMES: Readonly<Record<IncidentRole, string>> = { commander: "incident commander", commsLead: "communications lead", responder: "a responder" };

type Incident = { ref: string; title: string; severity: string; status: string; url: string };

const footer = (i: Incident) => ["", `Open the incident: ${i.url}`, "", "You receive this because you hold a role in this incident."];

/** "You are now incident commander of INC-12". `by` is who assigned it. */
export function roleAssignedMessage(incident: Incident, role: IncidentRole, by: string): MailPayload {
  const what = role === "responder" ? "a responder on" : `the ${ROLE_NAMES[role]} of`;
  return {
    subject: `[Keel] You are now ${what} ${incident.ref}: ${incident.title}`,
    text: [`${by} made you ${what} ${incident.ref}: ${incident.title}.`, "", `Severity: ${incident.severity}`, `Status: ${incident.status}`, ...footer(incident)].join("\n"),
  };
}

/** "INC-12 is now resolved" / "INC-12 severity SEV3 → SEV1", for the role holders who did not make the change. */
export function roleChangeMessage(incident: Incident, change: { what: "severity" | "status"; from: string; to: string }, by: string): MailPayload {
  const line = change.what === "status" ? `${incident.ref} moved from ${change.from} to ${change.to}` : `${incident.ref} severity changed from ${change.from} to ${change.to}`;
  return {
    subject: `[Keel] ${line}: ${incident.title}`,
    text: [`${line} (by ${by}).`, "", `Title: ${incident.title}`, `Severity: ${incident.severity}`, `Status: ${incident.status}`, ...footer(incident)].join("\n"),
  };
}
