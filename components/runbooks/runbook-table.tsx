import Link from "next/link";
import { Table } from "@/components/ui/table";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import type { RunbookDto } from "@/lib/runbooks/dto";

/** The runbooks list: title, what it is for, the alerts that attach it, its severity hint and length. */
export function RunbookTable({ items }: { items: RunbookDto[] }) {
  return (
    <Table caption="Runbooks" head={["Runbook", "Scenario", "Attached by alerts", "Severity hint", "Steps"]}>
      {items.map((r) => (
        <tr key={r.slug}>
          <td className="font-medium">
            <Link href={`/runbooks/${r.slug}`} className="text-link hover:underline">
              {r.title}
            </Link>
          </td>
          <td className="max-w-md text-muted">
            <span className="line-clamp-2">{r.scenario || "—"}</span>
          </td>
          <td>
            {r.alertNames.length ? (
              <ul className="flex flex-wrap gap-1">
                {r.alertNames.map((n) => (
                  <li key={n}>
                    <code className="rounded bg-raised px-1 text-xs">{n}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-muted">By hand only</span>
            )}
          </td>
          <td>{r.severityHint ? <SeverityBadge severity={r.severityHint} /> : <span className="text-muted">—</span>}</td>
          <td>{r.steps.length}</td>
        </tr>
      ))}
    </Table>
  );
}
