import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { IncidentTime } from "@/components/incidents/incident-time";
import type { DeliveryDto } from "@/lib/integrations/deliveries";

const tones = { opened: "danger", updated: "warn", unchanged: "neutral", ignored: "neutral" } as const;

/** Webhook deliveries as Keel stored them: when, from whom, what it held and what Keel did. */
export function DeliveriesTable({ items, now, caption }: { items: DeliveryDto[]; now: number; caption: string }) {
  if (!items.length) return <EmptyState title="No deliveries yet.">Point Alertmanager at the URL; every delivery is listed here.</EmptyState>;
  return (
    <Table caption={caption} head={["Received", "Source", "Status", "Alerts", "Outcome", "Incident"]}>
      {items.map((d) => (
        <tr key={d.id}>
          <td>
            <IncidentTime iso={d.receivedAt} now={now} />
          </td>
          <td className="break-all">{d.source}</td>
          <td>{d.status}</td>
          <td>{d.alertCount}</td>
          <td>
            <Badge tone={tones[d.outcome as keyof typeof tones] ?? "neutral"}>{d.outcome}</Badge>
          </td>
          <td>
            {d.incident ? (
              <Link href={`/incidents/${d.incident.ref}`} className="text-link underline">
                {d.incident.ref}
              </Link>
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
