import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { listServices, type ServiceDto } from "@/lib/services/queries";
import { getOrgPolicy, listPolicyOverrides } from "@/lib/slo/policy-store";
import { stateHistory } from "@/lib/slo/policy-history";
import { policyToFormValues, shareToPercent } from "@/lib/slo/policy-schemas";
import { removeServicePolicyAction } from "@/lib/slo/policy-actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { OrgPolicyForm, ServicePolicyForm } from "@/components/slo/policy-form";
import { PolicyHistory } from "@/components/slo/policy-history";

export const metadata: Metadata = { title: "Policy settings" };

async function allServices(actor: Principal): Promise<ServiceDto[]> {
  const out: ServiceDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listServices(actor, { limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The service's recent states and the time they were read (how long the current one has lasted). */
async function recentStates(serviceId: string) {
  return { entries: await stateHistory(serviceId, { limit: 20 }), now: Date.now() };
}

const pct = (share: number) => `${shareToPercent(share)} %`;

/** Admins edit the organisation's error-budget policy and per-service overrides. `?service=<slug>` selects one. */
export default async function PolicySettingsPage({ searchParams }: { searchParams: Promise<{ service?: string | string[] }> }) {
  const admin = await requirePage("admin");
  const wanted = [(await searchParams).service].flat()[0] ?? "";
  const [org, overrides, services] = await Promise.all([getOrgPolicy(), listPolicyOverrides(admin), allServices(admin)]);
  const selected = services.find((s) => s.slug === wanted);
  const history = selected ? await recentStates(selected.id) : null;
  const bySlug = new Map(overrides.map((o) => [o.service, o]));
  const choices = services.map((s) => {
    const o = bySlug.get(s.slug);
    return { slug: s.slug, name: s.name, override: o ? { values: policyToFormValues(o), version: o.version } : undefined };
  });
  const orgValues = policyToFormValues(org);

  return (
    <>
      <PageHeader
        title="Policy settings"
        description="What the remaining error budget means for a service, and what it asks of the team. A service's override replaces the organisation's policy for it."
        actions={
          <ButtonLink href="/policy" variant="secondary">
            Back to the policy
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card title="Organisation policy">
          <p className="mb-4 text-sm text-muted">
            {org.version === 0 ? "Keel's built-in default applies until you save." : `Version ${org.version}.`} Healthy above Warning, Warning down to Exhausted, Exhausted below.
          </p>
          <OrgPolicyForm initial={orgValues} version={org.version} />
        </Card>

        <Card title="Service overrides">
          {overrides.length === 0 ? (
            <EmptyState title="No overrides.">Every service follows the organisation&apos;s policy.</EmptyState>
          ) : (
            <Table caption="Service overrides" head={["Service", "Warning below", "Exhausted below", "Note", "Actions"]}>
              {overrides.map((o) => (
                <tr key={o.service}>
                  <td className="font-medium">{o.serviceName}</td>
                  <td>{pct(o.warningBelow)}</td>
                  <td>{pct(o.exhaustedBelow)}</td>
                  <td className="text-muted">{o.note || "—"}</td>
                  <td>
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/policy/settings?service=${encodeURIComponent(o.service)}#override`} className="text-link hover:underline" aria-label={`Edit the override for ${o.serviceName}`}>
                        Edit
                      </Link>
                      <ActionForm
                        action={removeServicePolicyAction}
                        hidden={{ service: o.service }}
                        label={`Remove override for ${o.serviceName}`}
                        variant="danger"
                        confirm={`Remove the override for ${o.serviceName}? It will follow the organisation's policy.`}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <h3 id="override" className="mt-6 mb-3 text-sm font-semibold">
            Add or change an override
          </h3>
          {services.length === 0 ? (
            <EmptyState title="No services yet.">Overrides belong to a service in the catalogue.</EmptyState>
          ) : (
            <ServicePolicyForm key={selected?.slug ?? ""} services={choices} organisation={{ ...orgValues, note: "" }} selected={selected?.slug} />
          )}
        </Card>

        {selected && history && (
          <Card title={`Policy states of ${selected.name}`}>
            <PolicyHistory entries={history.entries} now={history.now} serviceName={selected.name} />
          </Card>
        )}
      </div>
    </>
  );
}
