import type { OverrideDto } from "@/lib/oncall/dto";
import { deleteOverrideAction } from "@/lib/oncall/actions";
import { formatRange } from "@/lib/oncall/format";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";

const VERB = { replace: "replaces", add: "added", remove: "removed" } as const;

/** Current and coming overrides; their maker, their person or an admin can remove them. */
export function OverridesList({ items, scheduleId, timeZone, canRemove }: { items: OverrideDto[]; scheduleId: string; timeZone: string; canRemove: (o: OverrideDto) => boolean }) {
  if (!items.length) return <p className="text-sm text-muted">No current or coming overrides.</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label="Overrides">
      {items.map((o) => (
        <li key={o.id} className="flex flex-wrap items-center gap-2 border-b border-line pb-2 last:border-0">
          <Badge tone="warn">{o.kind}</Badge>
          <span>
            <strong>{o.user.name}</strong> {VERB[o.kind]} {o.layerName ? `on ${o.layerName}` : "on the schedule"}: {formatRange(Date.parse(o.start), Date.parse(o.end), timeZone)}
            {o.note && <span className="text-muted"> — {o.note}</span>}
            {o.createdBy && <span className="text-muted"> (by {o.createdBy.name})</span>}
          </span>
          {canRemove(o) && <ActionForm action={deleteOverrideAction} hidden={{ schedule: scheduleId, override: o.id }} label="Remove" variant="danger" confirm="Remove this override? If it is under way it ends now." />}
        </li>
      ))}
    </ul>
  );
}
