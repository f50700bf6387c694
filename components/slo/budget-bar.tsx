import { percent } from "@/lib/slo/format";
import { defaultPolicy, type Policy } from "@/lib/slo/policy";

/** Remaining error budget as a bar (empty when overspent), with the number beside it. */
export function BudgetBar({ remaining, policy = defaultPolicy }: { remaining: number | null; policy?: Pick<Policy, "warningBelow" | "exhaustedBelow"> }) {
  if (remaining === null) return <span className="text-sm text-muted">no data</span>;
  const width = Math.max(0, Math.min(1, remaining)) * 100;
  const color = remaining < policy.exhaustedBelow ? "bg-danger" : remaining < policy.warningBelow ? "bg-warn" : "bg-ok";
  return (
    <div className="flex items-center gap-2">
      <div className="h-2 w-24 overflow-hidden rounded bg-raised" role="presentation">
        <div className={`h-full ${color}`} style={{ width: `${width}%` }} />
      </div>
      <span className="text-sm tabular-nums">{remaining < 0 ? `overspent ${percent(-remaining, 1)}` : percent(remaining, 1)}</span>
    </div>
  );
}
