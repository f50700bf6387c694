import type { PolicyState } from "@/lib/slo/policy";
import { durationText, percent } from "@/lib/slo/format";
import { formatFullTimestamp } from "@/components/charts/format";
import { PolicyBadge } from "./policy-badge";

export type PolicyHistoryEntry = { state: PolicyState; since: string; remaining: number | null };

type Props = {
  /** The service's states, newest first (as `stateHistory` returns them). */
  entries: PolicyHistoryEntry[];
  /** The render time in ms: how long the current state has lasted. */
  now: number;
  serviceName: string;
  /** IANA zone for the times shown; UTC when not given. */
  timeZone?: string;
};

/** A service's policy states as a timeline, newest first: each state, since when, for how long, and the budget left when it began. */
export function PolicyHistory({ entries, now, serviceName, timeZone = "UTC" }: Props) {
  if (!entries.length) return <p className="text-sm text-muted">No policy states recorded for {serviceName} yet.</p>;
  return (
    <ol aria-label={`Policy states of ${serviceName}, newest first`} className="space-y-2 border-l border-line pl-4">
      {entries.map((e, i) => {
        const start = Date.parse(e.since);
        const end = i === 0 ? now : Date.parse(entries[i - 1].since);
        const lasted = durationText(Math.max(0, end - start));
        return (
          <li key={`${e.since}-${i}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <PolicyBadge state={e.state} />
            <span>
              {i === 0 ? "since " : "from "}
              <time dateTime={e.since}>{formatFullTimestamp(start, timeZone)}</time>
            </span>
            <span className="text-muted">{i === 0 ? `${lasted} so far` : `for ${lasted}`}</span>
            <span className="text-muted">{e.remaining === null ? "no budget data" : `${percent(e.remaining, 1)} of budget left at entry`}</span>
          </li>
        );
      })}
    </ol>
  );
}
