import type { Principal } from "@/lib/auth/roles";
import type { SloDto } from "@/lib/slo/queries";
import { sloStatus } from "@/lib/slo/status";
import { defaultPolicy, policyState, type Policy } from "@/lib/slo/policy";
import { BURN_ALERTS, BURN_WINDOWS } from "@/lib/slo/burn-rate";
import { burnText, durationText, percent, targetText } from "@/lib/slo/format";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { PolicyBadge } from "./policy-badge";

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <div className="text-sm text-muted">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {detail && <div className="mt-1 text-xs text-muted">{detail}</div>}
    </div>
  );
}

const fmtCount = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(1));

/** The SLO's numbers now: budget tiles, policy state and burn rates (waits for Prometheus). */
export async function SloTiles({ user, slo, policy = defaultPolicy, overridden = false }: { user: Principal; slo: SloDto; policy?: Policy; overridden?: boolean }) {
  const st = await sloStatus(user, slo);
  if (st.problem || !st.budget) {
    return (
      <Card title="Error budget">
        <p role="alert" className="text-sm text-danger">
          No numbers: {st.problem ?? "no data"}
        </p>
      </Card>
    );
  }
  const b = st.budget;
  const remaining = b.noData ? null : b.remaining;
  const state = policyState(remaining, policy);
  const excludedMs = st.excluded.reduce((t, i) => t + i.endMs - i.startMs, 0);
  const unit = slo.budgeting.method === "timeslices" ? "slices" : "events";
  const alertOf = (w: string) => BURN_ALERTS.find((a) => a.long === w || a.short === w);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Tile label="SLI" value={b.sli === null ? "no data" : percent(b.sli)} detail={`target ${targetText(slo.target)}${slo.slaTarget ? `, SLA ${targetText(slo.slaTarget)}` : ""}${b.lowTraffic ? " · low traffic" : ""}`} />
        <Tile label="Error budget left" value={remaining === null ? "no data" : percent(remaining, 1)} detail={`${percent(Math.max(0, b.consumed), 1)} consumed`} />
        <Tile label={`Bad ${unit}`} value={fmtCount(b.badEvents)} detail={`of ${fmtCount(b.allowedBadEvents)} allowed in ${fmtCount(st.counts?.total ?? 0)}`} />
        <Tile
          label="Allowed downtime"
          value={durationText(b.allowedDowntimeMs)}
          detail={`${excludedMs ? `${durationText(excludedMs)} excluded by maintenance windows; ` : ""}${durationText(b.consumedDowntimeMs)} used; ${b.remaining <= 0 ? "the budget is spent" : st.timeToExhaustionMs === null ? "not burning" : `gone in ${durationText(st.timeToExhaustionMs)} at the 1 h burn rate`}`}
        />
      </div>
      <Card title={overridden ? `Policy (${slo.serviceName}'s own)` : "Policy"}>
        <div className="flex flex-wrap items-center gap-3">
          <PolicyBadge state={state} />
          {state !== "unknown" && (
            <ul className="list-inside list-disc text-sm">
              {policy.actions[state].map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <Table caption="Burn rates (1× spends the whole budget over the window)" head={["Window", "Burn rate", "Alert threshold"]}>
        {BURN_WINDOWS.map((w) => {
          const a = alertOf(w);
          const rate = st.burnRates[w];
          const over = a && rate !== null && rate !== undefined && rate > a.factor;
          return (
            <tr key={w}>
              <td>{w}</td>
              <td className={`tabular-nums ${over ? "font-semibold text-danger" : ""}`}>{burnText(rate)}</td>
              <td className="text-xs text-muted">{a ? `${a.factor}× (${a.severity}, ${a.long} with ${a.short})` : ""}</td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
