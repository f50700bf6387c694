import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getDatasource } from "@/lib/datasources/queries";
import { Card } from "@/components/ui/card";
import { DatasourceForm } from "@/components/datasources/datasource-form";

export const metadata: Metadata = { title: "Edit data source" };

export default async function EditDatasourcePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePage("admin");
  const { id } = await params;
  const d = await getDatasource(admin, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <Card title={`Edit ${d.name}`}>
      <DatasourceForm
        initial={{
          id: d.id,
          version: d.version,
          name: d.name,
          kind: d.kind,
          url: d.url,
          authType: d.auth.type,
          username: d.auth.type === "basic" ? d.auth.username : "",
          hasSecret: d.auth.type === "basic" ? d.auth.hasPassword : d.auth.type === "bearer" ? d.auth.hasToken : false,
          headers: d.headers,
          timeoutSeconds: d.timeoutSeconds,
          scrapeIntervalSeconds: d.scrapeIntervalSeconds,
          isDefault: d.isDefault,
        }}
      />
    </Card>
  );
}
