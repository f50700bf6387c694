import { spanText } from "@/components/incidents/format";
import { STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from "@/lib/postmortems/action-items";

function Tile({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: "danger" }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-3">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-2xl font-semibold tabular-nums ${tone === "danger" ? "text-danger" : ""}`}>{value}</dd>
      {detail && <dd className="text-xs text-muted">{detail}</dd>}
    </div>
  );
}

/** Closure rate (done or won't do), median time to close (done only), counts per status and overdue. */
export function ActionItemStats({ closureRate, medianTimeToCloseMs, counts, overdue }: { closureRate: number | null; medianTimeToCloseMs: number | null; counts: Record<ActionStatus, number>; overdue: number }) {
  const total = ACTION_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Action item figures">
      <Tile label="Closure rate" value={closureRate === null ? "—" : `${Math.round(closureRate * 100)} %`} detail={`${counts.done + counts.wont_do} of ${total} closed (done or won't do)`} />
      <Tile label="Median time to close" value={medianTimeToCloseMs === null ? "—" : spanText(medianTimeToCloseMs)} detail="Done items, from creation to done" />
      <Tile label="Overdue" value={String(overdue)} detail="Open or in progress, past their due day" tone={overdue ? "danger" : undefined} />
      <Tile label="By status" value={String(total)} detail={ACTION_STATUSES.map((s) => `${STATUS_LABELS[s]} ${counts[s]}`).join(" · ")} />
    </dl>
  );
}
