import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CATEGORY_LABELS, STATUS_LABELS, ACTION_STATUSES } from "@/lib/postmortems/action-items";
import { deleteActionItemAction } from "@/lib/postmortems/actions";
import type { ActionItemDto } from "@/lib/postmortems/dto";
import { safeUrl } from "./markdown-view";
import { ItemStatusForm } from "./item-status-form";
import { PmForm } from "./pm-form";

const priorityTone = { P0: "danger", P1: "warn", P2: "neutral" } as const;
const statusTone = { open: "neutral", in_progress: "accent", done: "ok", wont_do: "neutral" } as const;
export const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/**
 * Action items in a table: overdue ones marked in their row. Responders change the status in
 * place; while the postmortem is a draft its items can also be deleted. `showPostmortem` adds the
 * postmortem column (the page across all postmortems).
 */
export function ActionItemsTable({ items, canChangeStatus, canDelete = false, showPostmortem = false }: { items: ActionItemDto[]; canChangeStatus: boolean; canDelete?: boolean; showPostmortem?: boolean }) {
  const head = ["Action", ...(showPostmortem ? ["Postmortem"] : []), "Category", "Priority", "Owner", "Due", "Status", ...(canDelete ? ["Remove"] : [])];
  return (
    <div className="overflow-x-auto rounded-md border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">Action items</caption>
        <thead className="border-b border-line text-left text-muted">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Remove" ? "print:hidden" : ""}`}>
                {h === "Remove" ? <span className="sr-only">Remove</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const link = a.link ? safeUrl(a.link) : undefined;
            return (
              <tr key={a.id} data-overdue={a.overdue || undefined} className={`border-b border-line last:border-0 ${a.overdue ? "border-l-4 border-l-danger" : ""}`}>
                <td className="min-w-40 px-3 py-2">
                  <span className="font-medium">{a.title}</span>
                  {link && (
                    <a href={link} rel="noopener noreferrer nofollow" className="ml-2 text-xs text-link underline">
                      link<span className="sr-only"> for {a.title}</span>
                    </a>
                  )}
                </td>
                {showPostmortem && (
                  <td className="min-w-40 px-3 py-2">
                    <Link href={`/postmortems/${a.postmortem.id}`} className="text-link hover:underline">
                      {a.postmortem.title}
                    </Link>
                    <span className="block font-mono text-xs text-muted">{a.postmortem.incidentRef}</span>
                  </td>
                )}
                <td className="px-3 py-2">{CATEGORY_LABELS[a.category]}</td>
                <td className="px-3 py-2">
                  <Badge tone={priorityTone[a.priority]}>{a.priority}</Badge>
                </td>
                <td className="px-3 py-2">{a.owner ?? <span className="text-muted">Unassigned</span>}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {a.dueDate ? (
                    <span className={a.overdue ? "font-medium text-danger" : undefined}>
                      {a.dueDate}
                      {a.overdue && <span className="ml-1 text-xs">(overdue)</span>}
                    </span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {canChangeStatus ? (
                    <>
                      <span className="hidden print:inline">{STATUS_LABELS[a.status]}</span>
                      <div className="print:hidden">
                        <ItemStatusForm itemId={a.id} postmortemId={a.postmortem.id} version={a.version} status={a.status} title={a.title} options={statusOptions} />
                      </div>
                    </>
                  ) : (
                    <Badge tone={statusTone[a.status]}>{STATUS_LABELS[a.status]}</Badge>
                  )}
                </td>
                {canDelete && (
                  <td className="px-3 py-2 print:hidden">
                    <PmForm action={deleteActionItemAction} label={`Delete ${a.title}`} confirm={`Delete the action item “${a.title}”?`} quiet>
                      <input type="hidden" name="postmortemId" value={a.postmortem.id} />
                      <input type="hidden" name="itemId" value={a.id} />
                      <Button type="submit" variant="ghost" className="px-2 py-1 text-danger" aria-label={`Delete “${a.title}”`}>
                        Delete
                      </Button>
                    </PmForm>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
