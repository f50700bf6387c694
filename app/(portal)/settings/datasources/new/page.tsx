import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { DatasourceForm } from "@/components/datasources/datasource-form";

export const metadata: Metadata = { title: "Add data source" };

export default async function NewDatasourcePage() {
  await requirePage("admin");
  return (
    <Card title="Add a data source">
      <DatasourceForm
        initial={{ name: "", kind: "prometheus", url: "", authType: "none", username: "", hasSecret: false, headers: [], timeoutSeconds: 30, scrapeIntervalSeconds: 60, isDefault: false }}
      />
    </Card>
  );
}
