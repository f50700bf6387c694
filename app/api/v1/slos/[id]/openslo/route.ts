import { apiRoute } from "@/lib/api/handler";
import { getSlo } from "@/lib/slo/queries";
import { getDatasource } from "@/lib/datasources/queries";
import { toOpenSlo } from "@/lib/slo/openslo";

/** The SLO as OpenSLO v1 YAML (Service, DataSource and SLO documents). */
export const GET = apiRoute<{ id: string }>(async (_req, principal, { id }) => {
  const slo = await getSlo(principal, id);
  const ds = slo.datasourceId ? await getDatasource(principal, slo.datasourceId) : null;
  const yaml = toOpenSlo([{ definition: slo, datasource: ds ? { name: ds.name, url: ds.url } : undefined }]);
  return new Response(yaml, { headers: { "Content-Type": "application/yaml; charset=utf-8", "Content-Disposition": `attachment; filename="${slo.slug}.openslo.yaml"` } });
});
