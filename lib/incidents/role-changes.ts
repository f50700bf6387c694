/** What an incident update means for its role holders' email (lib/notify/role-mail.ts). Pure. */
import type { RoleMailChange } from "@/lib/notify/role-mail";
import type { UpdatePlan } from "./changes";
import { severityOf } from "./severity";

type Before = { severity: number; status: string; commanderId: string | null; commsLeadId: string | null };

export function roleMailChange(before: Before, plan: Pick<UpdatePlan, "row" | "responders">): RoleMailChange {
  const assigned: RoleMailChange["assigned"] = [];
  if (plan.row.commanderId && plan.row.commanderId !== before.commanderId) assigned.push({ userId: plan.row.commanderId, role: "commander" });
  if (plan.row.commsLeadId && plan.row.commsLeadId !== before.commsLeadId) assigned.push({ userId: plan.row.commsLeadId, role: "commsLead" });
  for (const userId of plan.responders.add) assigned.push({ userId, role: "responder" });
  return {
    assigned,
    ...(plan.row.severity !== undefined && plan.row.severity !== before.severity ? { severity: { from: severityOf(before.severity), to: severityOf(plan.row.severity) } } : {}),
    ...(plan.row.status !== undefined && plan.row.status !== before.status ? { status: { from: before.status, to: plan.row.status } } : {}),
  };
}
