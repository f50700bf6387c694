/**
 * What an incident update changes: the new column values, the timestamps the status move sets,
 * the role and service rows to add or remove, and one typed timeline entry per change. Pure; the
 * caller has already resolved people and services and writes the plan in one transaction.
 */
import { AppError } from "@/lib/errors";
import type { IncidentImpact, TimelineKind } from "@/db/schema";
import { canClose, checkTransition, postmortemRequiredByDefault, transitionStamps, type Stamps, type Status } from "./lifecycle";
import { severityLevel, type Severity, type SeverityTable } from "./severity";

export type Person = { id: string; name: string; email: string };
export type ServiceRef = { id: string; slug: string };

export type IncidentState = {
  title: string;
  summary: string;
  severity: Severity;
  status: Status;
  customerFacing: boolean;
  impact: IncidentImpact;
  commander: Person | null;
  commsLead: Person | null;
  responders: Person[];
  services: ServiceRef[];
  stamps: Required<Stamps>;
};

export type ImpactPatch = { [K in keyof IncidentImpact]?: number | null };

export type ResolvedPatch = {
  title?: string;
  summary?: string;
  severity?: Severity;
  status?: Status;
  customerFacing?: boolean;
  impact?: ImpactPatch;
  commander?: Person | null;
  commsLead?: Person | null;
  addResponders?: Person[];
  removeResponders?: Person[];
  services?: ServiceRef[];
};

export type EntryDraft = { kind: TimelineKind; body: string; data: Record<string, unknown> };

export type UpdatePlan = {
  /** Names of the fields that changed, for the audit log. */
  changed: string[];
  row: {
    title?: string;
    summary?: string;
    severity?: number;
    status?: Status;
    customerFacing?: boolean;
    impact?: IncidentImpact;
    commanderId?: string | null;
    commsLeadId?: string | null;
    acknowledgedAt?: Date | null;
    mitigatedAt?: Date | null;
    resolvedAt?: Date | null;
    closedAt?: Date | null;
  };
  responders: { add: string[]; remove: string[] };
  services: { add: string[]; remove: string[] };
  entries: EntryDraft[];
};

const who = (p: Person | null) => (p ? p.name || p.email : "nobody");
const roleNames = { commander: "Incident commander", commsLead: "Communications lead" } as const;
const impactNames: Record<keyof IncidentImpact, string> = { usersAffected: "users affected", trafficPercent: "% of traffic", revenue: "revenue", supportTickets: "support tickets" };

function mergeImpact(cur: IncidentImpact, patch: ImpactPatch): IncidentImpact {
  const out: IncidentImpact = { ...cur };
  for (const [k, v] of Object.entries(patch) as [keyof IncidentImpact, number | null | undefined][]) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

const sameImpact = (a: IncidentImpact, b: IncidentImpact) =>
  (Object.keys(impactNames) as (keyof IncidentImpact)[]).every((k) => a[k] === b[k]);

/**
 * Plans the update. Throws a 409 with the state machine's message when the status move is not
 * allowed or the incident may not close yet; nothing is planned then.
 */
export function planUpdate(cur: IncidentState, patch: ResolvedPatch, at: Date, opts: { postmortemPublished: boolean; postmortemRequired?: boolean; table?: SeverityTable }): UpdatePlan {
  const plan: UpdatePlan = { changed: [], row: {}, responders: { add: [], remove: [] }, services: { add: [], remove: [] }, entries: [] };
  const entry = (kind: TimelineKind, body: string, data: Record<string, unknown>) => plan.entries.push({ kind, body, data });

  const severity = patch.severity ?? cur.severity;
  if (severity !== cur.severity) {
    plan.changed.push("severity");
    plan.row.severity = severityLevel(severity);
    entry("severity", `Severity ${cur.severity} → ${severity}`, { from: cur.severity, to: severity });
  }

  if (patch.status !== undefined && patch.status !== cur.status) {
    const move = checkTransition(cur.status, patch.status);
    if (!move.ok) throw new AppError("conflict", move.message, { status: [move.message] });
    if (patch.status === "closed") {
      const required = opts.postmortemRequired ?? postmortemRequiredByDefault(severity, opts.table);
      const close = canClose(cur, { postmortemRequired: required, postmortemPublished: opts.postmortemPublished });
      if (!close.ok) throw new AppError("conflict", close.reason, { status: [close.reason] });
    }
    plan.changed.push("status");
    plan.row.status = patch.status;
    const stamps = transitionStamps(cur.status, patch.status, cur.stamps, at);
    for (const [field, value] of Object.entries(stamps) as [keyof Stamps, Date | null][]) plan.row[`${field}At`] = value;
    entry("status", `Status ${cur.status} → ${patch.status}`, { from: cur.status, to: patch.status });
  }

  for (const role of ["commander", "commsLead"] as const) {
    const next = patch[role];
    if (next === undefined || (next?.id ?? null) === (cur[role]?.id ?? null)) continue;
    plan.changed.push(role);
    plan.row[`${role}Id`] = next?.id ?? null;
    const body = `${roleNames[role]}: ${who(next)}${cur[role] ? ` (was ${who(cur[role])})` : ""}`;
    entry("role", body, { role: role === "commander" ? "commander" : "comms_lead", from: cur[role], to: next });
  }

  const current = new Set(cur.responders.map((p) => p.id));
  const removing = new Set((patch.removeResponders ?? []).map((p) => p.id));
  const added = dedupe(patch.addResponders ?? []).filter((p) => !current.has(p.id) && !removing.has(p.id));
  const removed = cur.responders.filter((p) => removing.has(p.id));
  if (added.length || removed.length) {
    plan.changed.push("responders");
    plan.responders = { add: added.map((p) => p.id), remove: removed.map((p) => p.id) };
    const parts = [added.length ? `added ${added.map(who).join(", ")}` : "", removed.length ? `removed ${removed.map(who).join(", ")}` : ""].filter(Boolean);
    entry("role", `Responders: ${parts.join("; ")}`, { role: "responder", added, removed });
  }

  if (patch.title !== undefined && patch.title !== cur.title) {
    plan.changed.push("title");
    plan.row.title = patch.title;
    entry("edit", `Title changed to "${patch.title}"`, { field: "title", from: cur.title, to: patch.title });
  }
  if (patch.summary !== undefined && patch.summary !== cur.summary) {
    plan.changed.push("summary");
    plan.row.summary = patch.summary;
    entry("edit", "Summary updated", { field: "summary", from: cur.summary, to: patch.summary });
  }
  if (patch.customerFacing !== undefined && patch.customerFacing !== cur.customerFacing) {
    plan.changed.push("customerFacing");
    plan.row.customerFacing = patch.customerFacing;
    entry("edit", patch.customerFacing ? "Marked customer-facing" : "No longer customer-facing", { field: "customerFacing", from: cur.customerFacing, to: patch.customerFacing });
  }
  if (patch.impact !== undefined) {
    const impact = mergeImpact(cur.impact, patch.impact);
    if (!sameImpact(impact, cur.impact)) {
      plan.changed.push("impact");
      plan.row.impact = impact;
      const text = (Object.keys(impactNames) as (keyof IncidentImpact)[]).filter((k) => impact[k] !== undefined).map((k) => `${impactNames[k]} ${impact[k]}`);
      entry("edit", `Impact: ${text.join(", ") || "none recorded"}`, { field: "impact", from: cur.impact, to: impact });
    }
  }
  if (patch.services !== undefined) {
    const before = new Set(cur.services.map((s) => s.id));
    const after = new Set(patch.services.map((s) => s.id));
    const add = patch.services.filter((s) => !before.has(s.id));
    const remove = cur.services.filter((s) => !after.has(s.id));
    if (add.length || remove.length) {
      plan.changed.push("services");
      plan.services = { add: add.map((s) => s.id), remove: remove.map((s) => s.id) };
      const parts = [add.length ? `added ${add.map((s) => s.slug).join(", ")}` : "", remove.length ? `removed ${remove.map((s) => s.slug).join(", ")}` : ""].filter(Boolean);
      entry("edit", `Affected services: ${parts.join("; ")}`, { field: "services", added: add.map((s) => s.slug), removed: remove.map((s) => s.slug) });
    }
  }
  return plan;
}

function dedupe(people: Person[]): Person[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
