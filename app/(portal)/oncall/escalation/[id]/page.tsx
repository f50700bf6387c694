import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { deletePolicyAction } from "@/lib/oncall/escalation-actions";
import { getPolicy, policyFormOptions } from "@/lib/oncall/escalation-store";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { EscalationPolicyForm } from "@/components/oncall/escalation-policy-form";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export const metadata: Metadata = { title: "Escalation policy" };

export default async function EscalationPolicyPage({ params, searchParams }: Params) {
  const user = await requirePage();
  const policy = await getPolicy(user, (await params).id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const admin = hasRole(user.role, "admin");
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageHeader
        title={policy.name}
        description={policy.services.length ? `Incidents on ${policy.services.map((s) => s.name).join(", ")} follow this policy.` : "No services follow this policy yet."}
        actions={admin && <ActionForm action={deletePolicyAction} hidden={{ id: policy.id }} label="Delete policy" variant="danger" confirm={`Delete ${policy.name}? Its services stop escalating.`} />}
      />
      {created && (
        <p role="status" className="mb-4 text-sm text-ok">
          Created {policy.name}.
        </p>
      )}
      {admin ? (
        <Card>
          <EscalationPolicyForm policy={policy} options={await policyFormOptions(user)} />
        </Card>
      ) : (
        <Card title="Steps">
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {policy.steps.map((s, i) => (
              <li key={i}>
                Page {s.targets.map((t) => t.label).join(", ")}; {i < policy.steps.length - 1 ? `after ${s.delayMinutes} min, the next step` : policy.repeat ? `after ${s.delayMinutes} min, repeat (${policy.repeat}×)` : "the last step"}.
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
