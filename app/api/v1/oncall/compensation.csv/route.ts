import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { compensationCsv } from "@/lib/oncall/compensation";
import { parsePeriod, periodParams } from "@/lib/oncall/health-period";
import { compensationReport } from "@/lib/oncall/health-store";

/** The compensation report as CSV (admin): `from`/`to` as on the health page, optional `team` (slug). */
export const GET = apiRoute(async (req, principal) => {
  const q = new URL(req.url).searchParams;
  const parsed = parsePeriod({ from: q.get("from"), to: q.get("to") }, Date.now());
  if (!parsed.ok) throw new AppError("bad_request", "Some fields need attention.", parsed.fields);
  const report = await compensationReport(principal, { period: parsed.period, team: q.get("team") || undefined });
  const { from, to } = periodParams(parsed.period);
  const names = Object.fromEntries(report.rows.map((r) => [r.userId, r.name || r.email]));
  return new Response(compensationCsv(report.rows, names), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="oncall-compensation-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`, "Cache-Control": "no-store" },
  });
});
