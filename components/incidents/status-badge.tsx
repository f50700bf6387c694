import { Badge } from "@/components/ui/badge";
import type { Status } from "@/lib/incidents/lifecycle";

export const statusLabels: Record<Status, string> = {
  triaging: "Triaging",
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring (mitigated)",
  resolved: "Resolved",
  closed: "Closed",
};

const tones: Record<Status, "danger" | "warn" | "accent" | "ok" | "neutral"> = {
  triaging: "danger",
  investigating: "danger",
  identified: "warn",
  monitoring: "accent",
  resolved: "ok",
  closed: "neutral",
};

export function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={tones[status]}>{statusLabels[status]}</Badge>;
}
