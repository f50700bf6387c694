import { Badge } from "@/components/ui/badge";
import type { IncidentDto } from "@/lib/incidents/dto";
import type { SeverityTable } from "@/lib/incidents/severity";
import { targetRows } from "./targets";

const tones = { met: "ok", missed: "danger", overdue: "danger", running: "neutral" } as const;
const words = { met: "Met", missed: "Missed", overdue: "Overdue", running: "Open" } as const;

export function TargetsPanel({ incident, now, table }: { incident: IncidentDto; now: number; table: SeverityTable }) {
  const info = table[incident.severity];
  return (
    <div className="space-y-2 text-sm">
      <p className="text-muted">
        {incident.severity} ({info.label}): {info.meaning}. Counted from detection.
      </p>
      <ul className="space-y-1">
        {targetRows(incident, now, table).map((r) => (
          <li key={r.label} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">
              {r.label} within {r.target}
            </span>
            <Badge tone={tones[r.state]}>{words[r.state]}</Badge>
            <span className="text-muted">{r.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
