import Link from "next/link";
import { Table } from "@/components/ui/table";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import type { PostmortemSummaryDto } from "@/lib/postmortems/dto";
import { ReviewStatusBadge } from "./review-status-badge";
import { DueText } from "./due-text";
import { postmortemsHref, type PostmortemQuery } from "./list-query";

/** Postmortems in a table; overdue ones are marked in their row (colour and words). */
export function PostmortemTable({ items, now, query }: { items: PostmortemSummaryDto[]; now: number; query: PostmortemQuery }) {
  return (
    <Table caption="Postmortems" head={["Postmortem", "Incident", "Status", "Due", "Services", "Tags", "Open items"]}>
      {items.map((p) => (
        <tr key={p.id} data-overdue={p.overdue || undefined} className={p.overdue ? "border-l-4 border-l-danger" : undefined}>
          <td className="min-w-56">
            <Link href={`/postmortems/${p.id}`} className="font-medium text-link hover:underline">
              {p.title}
            </Link>
          </td>
          <td className="whitespace-nowrap">
            <span className="flex items-center gap-2">
              <Link href={`/incidents/${p.incident.ref}`} className="font-mono hover:underline">
                {p.incident.ref}
              </Link>
              <SeverityBadge severity={p.incident.severity} />
            </span>
          </td>
          <td className="whitespace-nowrap">
            <ReviewStatusBadge status={p.status} />
          </td>
          <td className="min-w-36">
            <DueText status={p.status} dueAt={p.dueAt} publishedAt={p.publishedAt} overdue={p.overdue} now={now} compact />
          </td>
          <td>{p.services.length ? p.services.map((s) => s.name).join(", ") : <span className="text-muted">None</span>}</td>
          <td>
            {p.tags.length ? (
              <span className="flex flex-wrap gap-1">
                {p.tags.map((t) => (
                  <Link key={t} href={postmortemsHref(query, { tag: t })} className="rounded-full border border-line px-2 py-0.5 text-xs hover:bg-raised">
                    {t}
                  </Link>
                ))}
              </span>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
          <td className="text-right tabular-nums">{p.openActionItems}</td>
        </tr>
      ))}
    </Table>
  );
}
