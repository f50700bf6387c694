/** Whether an incident met its severity's respond and resolve targets. Pure. */
import type { IncidentDto } from "@/lib/incidents/dto";
import { describeTarget, dueAt, metTarget, SEVERITY_TABLE, type SeverityTable } from "@/lib/incidents/severity";
import { spanText } from "./format";

export type Row = { label: string; target: string; state: "met" | "missed" | "overdue" | "running"; detail: string };

/**
 * The severity's respond and resolve targets, counted from detection: met or missed once the
 * incident was acknowledged (resolved), overdue or due in some time until then.
 */
export function targetRows(incident: Pick<IncidentDto, "severity" | "timestamps">, now: number, table: SeverityTable = SEVERITY_TABLE): Row[] {
  const info = table[incident.severity];
  const from = Date.parse(incident.timestamps.detected);
  const milestones = [
    { which: "respond" as const, label: "Respond", at: incident.timestamps.acknowledged, verb: "acknowledged" },
    { which: "resolve" as const, label: "Resolve", at: incident.timestamps.resolved, verb: "resolved" },
  ];
  return milestones.map(({ which, label, at, verb }) => {
    const target = describeTarget(info[which]);
    if (at) {
      const met = metTarget(incident.severity, which, from, Date.parse(at), "UTC", table);
      return { label, target, state: met ? "met" : "missed", detail: `${verb} after ${spanText(Date.parse(at) - from)}` };
    }
    const due = dueAt(info[which], from);
    return due < now ? { label, target, state: "overdue", detail: `overdue by ${spanText(now - due)}` } : { label, target, state: "running", detail: `due in ${spanText(due - now)}` };
  });
}
