import { Badge } from "@/components/ui/badge";
import type { PolicyState } from "@/lib/slo/policy";

const tone = { healthy: "ok", warning: "warn", exhausted: "danger", unknown: "neutral" } as const;
const label = { healthy: "Healthy", warning: "Warning", exhausted: "Exhausted", unknown: "No data" } as const;

export function PolicyBadge({ state }: { state: PolicyState }) {
  return <Badge tone={tone[state]}>{label[state]}</Badge>;
}
