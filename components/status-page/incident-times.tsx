import type { PublicIncident } from "@/lib/status-page/queries";
import { formatDuration, formatUtc } from "@/lib/status-page/format";
import { publicStatusLabels } from "@/lib/status-page/states";

const stamp = (ms: number) => <time dateTime={new Date(ms).toISOString()}>{formatUtc(ms)}</time>;

/** Status, start, and (once resolved) when and after how long. */
export function IncidentTimes({ incident }: { incident: PublicIncident }) {
  const resolved = !incident.open && incident.resolvedMs !== null ? incident.resolvedMs : null;
  return (
    <p className="text-sm text-muted">
      <span className="font-medium text-fg">{publicStatusLabels[incident.status]}</span>
      {" · "}Started {stamp(incident.startedMs)}
      {resolved !== null && (
        <>
          {" · "}Resolved {stamp(resolved)} after {formatDuration(resolved - incident.startedMs)}
        </>
      )}
    </p>
  );
}
