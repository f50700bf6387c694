import type { Impact } from "@/lib/postmortems/document";
import { minutesText } from "@/lib/postmortems/time-text";

const count = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US"));

/** The impact figures as a two-column table. */
export function ImpactTable({ impact }: { impact: Impact }) {
  const rows: [string, string][] = [
    ["Users affected", count(impact.usersAffected)],
    ["Share of traffic", impact.trafficPercent === null ? "—" : `${impact.trafficPercent} %`],
    ["Services", impact.services.length ? impact.services.join(", ") : "—"],
    ["Duration", impact.durationMinutes === null ? "—" : minutesText(impact.durationMinutes)],
    ["Revenue impact", impact.revenueImpact.trim() || "—"],
    ["Support tickets", count(impact.supportTickets)],
  ];
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">Impact figures</caption>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k} className="border-b border-line last:border-0">
            <th scope="row" className="py-1.5 pr-4 text-left font-medium text-muted">
              {k}
            </th>
            <td className="py-1.5 tabular-nums">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
