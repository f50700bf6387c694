import { ROW_KIND_LABELS, type TimelineRow } from "@/lib/postmortems/document";
import { utcMinute } from "@/lib/postmortems/time-text";

const source = (r: TimelineRow) => (r.source === "manual" ? "Added" : r.edited ? "Incident, edited" : "Incident");

/** The postmortem's timeline rows (UTC); row text is plain, never Markdown. */
export function TimelineTable({ rows }: { rows: TimelineRow[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">Timeline (UTC)</caption>
        <thead className="border-b border-line text-left text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
              Time (UTC)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Kind
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Event
            </th>
            <th scope="col" className="px-3 py-2 font-medium print:hidden">
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-line last:border-0">
              <td className="px-3 py-1.5 font-mono text-xs whitespace-nowrap">
                <time dateTime={r.at}>{utcMinute(r.at).replace(" UTC", "")}</time>
              </td>
              <td className="px-3 py-1.5 whitespace-nowrap text-muted">{ROW_KIND_LABELS[r.kind] ?? r.kind}</td>
              <td className="px-3 py-1.5 whitespace-pre-wrap">{r.text}</td>
              <td className="px-3 py-1.5 text-xs whitespace-nowrap text-muted print:hidden">{source(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
