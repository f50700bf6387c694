import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { policyFormOptions } from "@/lib/oncall/escalation-store";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EscalationPolicyForm } from "@/components/oncall/escalation-policy-form";

export const metadata: Metadata = { title: "New escalation policy" };

export default async function NewEscalationPolicyPage() {
  const options = await policyFormOptions(await requirePage("admin"));
  return (
    <>
      <PageHeader title="New escalation policy" description="Page the primary first, the secondary if nobody acknowledges, then managers." />
      <Card>
        <EscalationPolicyForm options={options} />
      </Card>
    </>
  );
}
