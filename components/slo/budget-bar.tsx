import { percent } from "@/lib/slo/format";

/** Remaining error budget as a bar (empty when overspent), with the number beside it. */
export function BudgetBar({ remaining }: { remaining: number | null }) {
  if (remaining === null) return <span className="text-sm text-muted">no data</span>;
  const width = Math.max(0, Math.min(1, remaining)) * 100;
  const color = remaining < 0.2 ? "bg-danger" : remaining < 0.5 ? "bg-warn" : "bg-ok";
  return (
    <div className="flex items-center gap-2">
      <div className="h-2 w-24 overflow-hidden rounded bg-raised" role="presentation">
        <div className={`h-full ${color}`} style={{ width: `${width}%` }} />
      </div>
      <span className="text-sm tabular-nums">{remaining < 0 ? `overspent ${percent(-remaining, 1)}` : percent(remaining, 1)}</span>
    </div>
  );
}
