import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { listCorrections, type CorrectionDto } from "@/lib/slo/correction-queries";
import { deleteCorrectionAction } from "@/lib/slo/correction-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { CorrectionForm } from "./correction-form";

/** "In progress until 04:00", "Sun 5 Jul 2026 02:00", in the correction's own zone. */
function nextText(c: CorrectionDto, nowMs: number): string {
  if (!c.next) return "None left";
  const start = Date.parse(c.next);
  const zone = c.timeZone === "UTC" ? "UTC" : c.timeZone;
  if (start <= nowMs) return `In progress until ${format(new TZDate(start + c.durationMinutes * 60_000, c.timeZone), "d MMM HH:mm")} ${zone}`;
  return `${format(new TZDate(start, c.timeZone), "EEE d MMM yyyy HH:mm")} ${zone}`;
}

async function correctionsNow(user: Principal, sloId: string) {
  const now = Date.now();
  return { now, corrections: await listCorrections(user, sloId, now) };
}

/** An SLO's maintenance windows and budget corrections, and (for admins) the form to add one. */
export async function SloCorrections({ user, sloId }: { user: Principal; sloId: string }) {
  const { now, corrections } = await correctionsNow(user, sloId);
  const canEdit = hasRole(user.role, "admin");
  return (
    <Card title="Maintenance windows and corrections">
      <p className="mb-3 text-sm text-muted">Events inside these periods count neither for the SLI nor against the error budget.</p>
      {corrections.length === 0 ? (
        <EmptyState title="No maintenance windows or corrections">{canEdit ? "Add one below when a planned change should not spend the budget." : null}</EmptyState>
      ) : (
        <Table caption="Maintenance windows and corrections of this SLO" head={["Reason", "When", "Next", ...(canEdit ? ["Actions"] : [])]}>
          {corrections.map((c) => (
            <tr key={c.id}>
              <td className="max-w-xs break-words">{c.reason}</td>
              <td>
                {c.description}
                {c.rrule && <span className="block font-mono text-xs text-muted">{c.rrule}</span>}
              </td>
              <td>{c.next ? <time dateTime={c.next}>{nextText(c, now)}</time> : nextText(c, now)}</td>
              {canEdit && (
                <td>
                  <ActionForm
                    action={deleteCorrectionAction}
                    hidden={{ sloId, correctionId: c.id }}
                    label="Delete"
                    variant="danger"
                    confirm={`Delete "${c.reason}"? Its events count again from now on.`}
                  />
                </td>
              )}
            </tr>
          ))}
        </Table>
      )}
      {canEdit && (
        <div className="mt-4 border-t border-line pt-4">
          <h3 className="mb-3 text-sm font-semibold">Add a maintenance window or correction</h3>
          <CorrectionForm sloId={sloId} />
        </div>
      )}
    </Card>
  );
}
