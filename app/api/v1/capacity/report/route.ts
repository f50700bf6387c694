import { apiRoute } from "@/lib/api/handler";
import { validationError } from "@/lib/errors";
import { keelDatabaseReport } from "@/lib/capacity/keel-database";
import { keelDatabaseMarkdown } from "@/lib/capacity/keel-database-text";
import { listCapacityResources } from "@/lib/capacity/queries";
import { capacityReportMarkdown } from "@/lib/capacity/report";
import { forecastResources } from "@/lib/capacity/resource-forecast";
import { horizonSchema } from "@/lib/capacity/schemas";

/** The capacity report of every resource, and Keel's own database, as Markdown. */
export const GET = apiRoute(async (req, principal) => {
  const horizon = horizonSchema.safeParse(new URL(req.url).searchParams.get("horizon") ?? undefined);
  if (!horizon.success) throw validationError(horizon.error);
  const now = Date.now();
  const [entries, database] = await Promise.all([
    listCapacityResources(principal).then((resources) => forecastResources(principal, resources, { horizonMs: horizon.data })),
    keelDatabaseReport(principal, now),
  ]);
  const text = capacityReportMarkdown(entries, { now, horizonMs: horizon.data, appendix: keelDatabaseMarkdown(database) });
  const day = new Date(now).toISOString().slice(0, 10);
  return new Response(text, {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="keel-capacity-report-${day}.md"`, "Cache-Control": "private, no-store" },
  });
});
