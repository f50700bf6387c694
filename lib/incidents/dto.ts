import type { IncidentImpact } from "@/db/schema";
import type { Person } from "./changes";
import type { Status } from "./lifecycle";
import { incidentRef } from "./ref";
import { severityOf, type Severity } from "./severity";

export type IncidentTimestamps = {
  started: string;
  detected: string;
  acknowledged: string | null;
  mitigated: string | null;
  resolved: string | null;
  closed: string | null;
};

/** An incident in lists: what a row of the incident table shows. */
export type IncidentSummaryDto = {
  id: string;
  number: number;
  /** "INC-42" */
  ref: string;
  title: string;
  severity: Severity;
  status: Status;
  customerFacing: boolean;
  detectedBy: "alert" | "user" | "customer";
  services: { slug: string; name: string }[];
  commander: Person | null;
  timestamps: IncidentTimestamps;
};

/** One incident with everything the incident page and the API show. */
export type IncidentDto = IncidentSummaryDto & {
  summary: string;
  roles: { commander: Person | null; commsLead: Person | null; responders: Person[] };
  impact: IncidentImpact;
  previousIncident: { id: string; ref: string } | null;
  createdBy: Person | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The Alertmanager alerts behind an alert-opened incident; empty for a declared one. */
  alerts: IncidentAlertDto[];
};

export type IncidentAlertDto = {
  fingerprint: string;
  alertname: string;
  status: "firing" | "resolved";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  generatorUrl: string;
};

type StampRow = { startedAt: Date; detectedAt: Date; acknowledgedAt: Date | null; mitigatedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function timestampsOf(r: StampRow): IncidentTimestamps {
  return {
    started: r.startedAt.toISOString(),
    detected: r.detectedAt.toISOString(),
    acknowledged: iso(r.acknowledgedAt),
    mitigated: iso(r.mitigatedAt),
    resolved: iso(r.resolvedAt),
    closed: iso(r.closedAt),
  };
}

export function summaryOf(
  r: StampRow & { id: string; number: number; title: string; severity: number; status: Status; customerFacing: boolean; detectedBy: "alert" | "user" | "customer" },
  services: { slug: string; name: string }[],
  commander: Person | null,
): IncidentSummaryDto {
  return {
    id: r.id,
    number: r.number,
    ref: incidentRef(r.number),
    title: r.title,
    severity: severityOf(r.severity),
    status: r.status,
    customerFacing: r.customerFacing,
    detectedBy: r.detectedBy,
    services,
    commander,
    timestamps: timestampsOf(r),
  };
}
