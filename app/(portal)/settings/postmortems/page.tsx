import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { getPostmortemSettings } from "@/lib/postmortems/settings-store";
import { DEFAULT_TEMPLATE } from "@/lib/postmortems/template";
import { Card } from "@/components/ui/card";
import { PostmortemSettingsForm } from "@/components/postmortems/postmortem-settings-form";

export const metadata: Metadata = { title: "Postmortem settings" };

/** Admins shape the organisation's postmortem template and the due, requirement and review rules. */
export default async function PostmortemSettingsPage() {
  await requirePage("admin");
  const settings = await getPostmortemSettings();
  const severities = settings.requirement.severities;
  return (
    <div className="space-y-4">
      <Card title="Postmortems">
        <p className="mb-4 text-sm text-muted">
          {severities.length ? `Every ${severities.join(" and ")} incident needs a postmortem` : "No severity needs a postmortem by itself"} (set per severity in{" "}
          <Link href="/settings/severities" className="text-link underline">
            Severities
          </Link>
          ), and so does any incident that consumed more than the budget share below. Such an incident cannot be closed before its postmortem is published.
        </p>
        <PostmortemSettingsForm
          base={DEFAULT_TEMPLATE}
          template={settings.template}
          values={{
            dueHours: settings.dueHours,
            budgetSharePercent: Number((settings.requirement.budgetShareThreshold * 100).toFixed(4)),
            approvalsRequired: settings.review.requiredApprovals,
          }}
          version={settings.version}
        />
      </Card>
    </div>
  );
}
