import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { IncidentSummaryDto } from "@/lib/incidents/dto";
import { SeverityBadge } from "./severity-badge";
import { StatusBadge } from "./status-badge";
import { IncidentTime } from "./incident-time";
import { spanText } from "./format";

/** How long an incident has lasted: start to resolution, or to now while it is open. */
function duration(i: IncidentSummaryDto, now: number): string {
  const end = i.timestamps.resolved ? Date.parse(i.timestamps.resolved) : now;
  const text = spanText(end - Date.parse(i.timestamps.started));
  return i.timestamps.resolved ? text : `${text} so far`;
}

export function IncidentTable({ items, now }: { items: IncidentSummaryDto[]; now: number }) {
  return (
    <Table caption="Incidents" head={["Incident", "Title", "Severity", "Status", "Services", "Commander", "Started", "Duration"]}>
      {items.map((i) => (
        <tr key={i.id}>
          <td className="font-mono whitespace-nowrap">
            <Link href={`/incidents/${i.ref}`} className="font-medium text-link hover:underline">
              {i.ref}
            </Link>
          </td>
          <td className="min-w-48">
            <Link href={`/incidents/${i.ref}`} className="hover:underline">
              {i.title}
            </Link>
            {i.customerFacing && <span className="block text-xs text-muted">Customer-facing</span>}
          </td>
          <td>
            <SeverityBadge severity={i.severity} />
          </td>
          <td className="whitespace-nowrap">
            <StatusBadge status={i.status} />
          </td>
          <td>{i.services.length ? i.services.map((s) => s.name).join(", ") : <span className="text-muted">None</span>}</td>
          <td>{i.commander ? i.commander.name || i.commander.email : <span className="text-muted">Unassigned</span>}</td>
          <td className="min-w-40">
            <IncidentTime iso={i.timestamps.started} now={now} />
          </td>
          <td className="whitespace-nowrap">{duration(i, now)}</td>
        </tr>
      ))}
    </Table>
  );
}
