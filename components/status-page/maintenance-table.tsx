import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { MaintenanceDto } from "@/lib/status-page/maintenance-dto";
import { cancelMaintenanceAction } from "@/lib/status-page/maintenance-actions";
import { isChangeable, maintenancePhaseLabels, type MaintenancePhase } from "@/lib/status-page/maintenance-state";
import { LocalTime, LocalWindow } from "./local-time";

const tone: Record<MaintenancePhase, "accent" | "warn" | "ok" | "neutral"> = { scheduled: "accent", in_progress: "warn", completed: "ok", cancelled: "neutral" };

export const maintenancePath = (id: string) => `/settings/status-page/maintenance/${id}`;

/** Maintenance for the admin list: window in the reader's zone, components, state, announcement, and a Cancel button while it can be. */
export function MaintenanceTable({ caption, items }: { caption: string; items: MaintenanceDto[] }) {
  return (
    <Table caption={caption} head={["Maintenance", "Window", "Components", "State", "Subscribers told", "Actions"]}>
      {items.map((m) => (
        <tr key={m.id} data-testid="maintenance-row">
          <td className="font-medium">
            <Link href={maintenancePath(m.id)} className="text-link hover:underline">
              {m.title}
            </Link>
            {m.createdBy && <span className="block text-xs font-normal text-muted">by {m.createdBy.name || m.createdBy.email}</span>}
          </td>
          <td>
            <LocalWindow startsAt={m.startsAt} endsAt={m.endsAt} />
          </td>
          <td>{m.services.map((s) => (s.public ? s.name : `${s.name} (now private)`)).join(", ")}</td>
          <td>
            <Badge tone={tone[m.phase]}>{maintenancePhaseLabels[m.phase]}</Badge>
          </td>
          <td className="text-muted">{m.announcedAt ? <LocalTime iso={m.announcedAt} /> : "Not yet"}</td>
          <td>
            {isChangeable(m.phase) ? (
              <ActionForm action={cancelMaintenanceAction} hidden={{ id: m.id }} label="Cancel" variant="danger" confirm={`Cancel “${m.title}”? Subscribers who were told about it are emailed that it is off.`} />
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}
