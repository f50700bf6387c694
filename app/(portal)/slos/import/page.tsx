import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/slo/import-form";

export const metadata: Metadata = { title: "Import SLOs" };

export default async function ImportSlosPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader title="Import SLOs" description="OpenSLO v1 (several documents in one file: Service, DataSource, SLO, SLI) or a Sloth prometheus/v1 spec." />
      <Card title="File">
        <ImportForm />
      </Card>
    </>
  );
}
