import { apiRoute } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { listSlos } from "@/lib/slo/queries";
import { ruleFileYaml } from "@/lib/slo/rules";

export const dynamic = "force-dynamic";

/** A Prometheus rule file for every SLO (or ?service=<slug>): recordings, burn-rate and no-data alerts. */
export const GET = apiRoute(async (req, principal) => {
  const service = new URL(req.url).searchParams.get("service") ?? undefined;
  const slos = await listSlos(principal, { service });
  const keelUrl = (env().NEXTAUTH_URL ?? new URL(req.url).origin).replace(/\/+$/, "");
  const yaml = ruleFileYaml(slos.map((s) => ({ id: s.id, definition: s })), { keelUrl });
  return new Response(yaml, {
    headers: { "Content-Type": "application/yaml; charset=utf-8", "Content-Disposition": `attachment; filename="keel-slo-rules${service ? `-${service}` : ""}.yml"` },
  });
});
