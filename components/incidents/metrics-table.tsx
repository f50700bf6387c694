import { Table } from "@/components/ui/table";
import type { DurationStat, MetricGroup, TargetShare } from "@/lib/incidents/metrics";
import { spanText } from "./format";

/** "7 min", or "—" when no incident reached the milestone. */
export const durationText = (ms: number | null) => (ms === null ? "—" : spanText(ms));

export function shareText(t: TargetShare): string {
  return t.share === null ? "—" : `${Math.round(t.share * 100)} % (${t.met} of ${t.counted})`;
}

function Stat({ stat }: { stat: DurationStat }) {
  if (!stat.count) return <span className="text-muted">—</span>;
  return (
    <span>
      {durationText(stat.median)} <span className="text-muted">/ {durationText(stat.mean)}</span>
    </span>
  );
}

/** One grouping of the metrics (by month, severity or service): median / mean of each measure. */
export function MetricsTable({ caption, groupHeading, groups }: { caption: string; groupHeading: string; groups: MetricGroup[] }) {
  return (
    <Table caption={caption} head={[groupHeading, "Incidents", "MTTD (median / mean)", "MTTA (median / mean)", "MTTR (median / mean)", "Acknowledged within target"]}>
      {groups.map((g) => (
        <tr key={g.key} data-group={g.key}>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            {g.label}
          </th>
          <td>{g.incidents}</td>
          <td>
            <Stat stat={g.mttd} />
          </td>
          <td>
            <Stat stat={g.mtta} />
          </td>
          <td>
            <Stat stat={g.mttr} />
          </td>
          <td>{shareText(g.ackWithinTarget)}</td>
        </tr>
      ))}
    </Table>
  );
}
