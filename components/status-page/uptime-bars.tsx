import { formatDay, formatShare } from "@/lib/status-page/format";
import { stateLabels } from "@/lib/status-page/states";
import { formatUptime, type DayBar } from "@/lib/status-page/uptime";
import { stateSvgFill } from "./state-style";

const SLOT = 4;
const GAP = 1;
const HEIGHT = 32;

function barText(b: DayBar, today: boolean): string {
  return `${formatDay(b.dayStartMs)}: ${stateLabels[b.state].toLowerCase()}, ${formatShare(b.share)} of the day${today ? " so far" : ""} affected`;
}

/**
 * A component's last 90 days, one bar per UTC day coloured by its worst incident, drawn as one small
 * SVG. The image has a summary for screen readers; each day with an incident has its text as a
 * tooltip, and those days are listed in a table below.
 */
export function UptimeBars({ name, bars, uptime }: { name: string; bars: DayBar[]; uptime: number }) {
  const affected = bars.filter((b) => b.incidents.length);
  // Days without incidents share one path; days with one get their own bar with a tooltip.
  const quietDays = bars.map((b, k) => (b.incidents.length ? "" : `M${k * SLOT} 0h${SLOT - GAP}v${HEIGHT}h-${SLOT - GAP}z`)).join("");
  const summary = `${name}: ${formatUptime(uptime)} uptime over the last ${bars.length} days; ${affected.length ? `incidents on ${affected.length} of them` : "no incidents"}.`;
  return (
    <div className="mt-2 space-y-1">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${bars.length * SLOT - GAP} ${HEIGHT}`} preserveAspectRatio="none" className="block h-8 w-full">
        <path d={quietDays} className={stateSvgFill.operational} />
        {bars.map((b, k) =>
          b.incidents.length ? (
            <rect key={b.dayStartMs} x={k * SLOT} y={0} width={SLOT - GAP} height={HEIGHT} className={stateSvgFill[b.state]}>
              <title>{barText(b, k === bars.length - 1)}</title>
            </rect>
          ) : null,
        )}
      </svg>
      <div className="flex justify-between text-xs text-muted">
        <span>{bars.length} days ago</span>
        <span>{formatUptime(uptime)} uptime</span>
        <span>Today</span>
      </div>
      {affected.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-link underline">Days with incidents ({affected.length})</summary>
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Days with incidents on {name}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Day (UTC)</th>
                <th scope="col" className="py-1 pr-3 font-medium">Worst state</th>
                <th scope="col" className="py-1 pr-3 font-medium">Affected</th>
                <th scope="col" className="py-1 font-medium">Incidents</th>
              </tr>
            </thead>
            <tbody>
              {affected.map((b) => (
                <tr key={b.dayStartMs} className="border-t border-line">
                  <td className="py-1 pr-3">{formatDay(b.dayStartMs)}</td>
                  <td className="py-1 pr-3">{stateLabels[b.state]}</td>
                  <td className="py-1 pr-3">{formatShare(b.share)}</td>
                  <td className="py-1">
                    {b.incidents.map((n, k) => (
                      <span key={n}>
                        {k > 0 && ", "}
                        <a href={`/status/incidents/${n}`} className="text-link underline">
                          Incident {n}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
