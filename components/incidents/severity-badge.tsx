import { Badge } from "@/components/ui/badge";
import type { Severity } from "@/lib/incidents/severity";

const tones = { SEV1: "danger", SEV2: "warn", SEV3: "accent", SEV4: "neutral" } as const;
const labels = { SEV1: "critical", SEV2: "high", SEV3: "medium", SEV4: "low" } as const;

/** SEV1 red, SEV2 amber, SEV3 blue, SEV4 grey; the word is there for whoever does not see the colour. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge tone={tones[severity]}>
      <span>{severity}</span>
      <span className="sr-only"> ({labels[severity]})</span>
    </Badge>
  );
}
