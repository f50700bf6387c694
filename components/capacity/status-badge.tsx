import { Badge } from "@/components/ui/badge";
import type { CapacityStatus } from "@/lib/capacity/summary";

const LOOK: Record<CapacityStatus, { tone: "danger" | "warn" | "accent" | "ok" | "neutral"; label: string }> = {
  critical: { tone: "danger", label: "Critical" },
  warning: { tone: "warn", label: "Warning" },
  watch: { tone: "accent", label: "Watch" },
  ok: { tone: "ok", label: "OK" },
  unknown: { tone: "neutral", label: "No forecast" },
};

/** Critical: the limit within the horizon; warning: the warning level; watch: only if growth runs high; ok: headroom. */
export function CapacityStatusBadge({ status }: { status: CapacityStatus }) {
  return <Badge tone={LOOK[status].tone}>{LOOK[status].label}</Badge>;
}
