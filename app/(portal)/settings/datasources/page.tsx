import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listDatasources } from "@/lib/datasources/queries";
import { deleteDatasourceAction } from "@/lib/datasources/actions";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { TestSavedButton } from "@/components/datasources/test-saved-button";

export const metadata: Metadata = { title: "Data sources" };

const authLabel = { none: "None", basic: "Basic", bearer: "Bearer token" } as const;

export default async function DatasourcesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const admin = await requirePage("admin");
  const [items, { saved }] = await Promise.all([listDatasources(admin), searchParams]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">
          Prometheus-compatible stores Keel queries for charts, SLOs and forecasts. The browser never talks to them; Keel&apos;s server does.
        </p>
        <ButtonLink href="/settings/datasources/new">Add data source</ButtonLink>
      </div>
      {saved && (
        <p role="status" className="text-sm text-ok">
          Data source saved.
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title="No data sources yet.">
          Add one here, or start Keel with <code>PROMETHEUS_URL</code> set. Until then, charts say there is no data source.
        </EmptyState>
      ) : (
        <Table caption="Data sources" head={["Name", "URL", "Auth", "Time-out", "", ""]}>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/settings/datasources/${d.id}`} className="font-medium text-link hover:underline">
                  {d.name}
                </Link>
                <div className="mt-1 flex flex-wrap gap-1">
                  <Badge>{d.kind}</Badge>
                  {d.isDefault && <Badge tone="accent">default</Badge>}
                  {d.fromEnv && <Badge>PROMETHEUS_URL</Badge>}
                </div>
              </td>
              <td className="font-mono text-xs break-all">{d.url}</td>
              <td>
                {authLabel[d.auth.type]}
                {d.headers.length > 0 && <div className="text-xs text-muted">+ {d.headers.join(", ")}</div>}
              </td>
              <td>{d.timeoutSeconds} s</td>
              <td>
                <TestSavedButton id={d.id} name={d.name} />
              </td>
              <td>
                <ActionForm action={deleteDatasourceAction} hidden={{ id: d.id }} label="Delete" variant="danger" confirm={`Delete data source ${d.name}? Charts using it stop working.`} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
