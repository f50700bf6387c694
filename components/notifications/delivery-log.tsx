import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { IncidentTime } from "@/components/incidents/incident-time";
import type { DeliveryDto } from "@/lib/notify/dto";

const tone = { sent: "ok", pending: "warn", failed: "danger" } as const;

/** A channel's recent deliveries: when, what, outcome, attempts and the last error. */
export function DeliveryLog({ channelName, items, now }: { channelName: string; items: DeliveryDto[]; now: number }) {
  if (!items.length) return <p className="text-sm text-muted">Nothing sent yet.</p>;
  return (
    <Table caption={`Recent deliveries to ${channelName}`} head={["Queued", "Event", "Incident", "Status", "Attempts", "Last error"]}>
      {items.map((d) => (
        <tr key={d.id}>
          <td>
            <IncidentTime iso={d.createdAt} now={now} />
          </td>
          <td>{d.event.replace("_", " ")}</td>
          <td>
            {d.incident ? (
              <Link href={`/incidents/${d.incident.ref}`} className="text-link hover:underline">
                {d.incident.ref}
              </Link>
            ) : (
              "—"
            )}
          </td>
          <td>
            <Badge tone={tone[d.status]}>{d.status}</Badge>
            {d.nextAttemptAt && <div className="text-xs text-muted">next try {d.nextAttemptAt.slice(11, 19)} UTC</div>}
          </td>
          <td>{d.attempts}</td>
          <td className="max-w-md text-xs break-words">{d.lastError ?? ""}</td>
        </tr>
      ))}
    </Table>
  );
}
