import "server-only";
import { and, asc, gte, lt, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import type { MetricIncident } from "./metrics";
import { severityOf } from "./severity";

const i = schema.incidents;
/**
 * The incident's services as a JSON array, by name. Written out with table names: Drizzle leaves
 * columns unqualified in a select list, where `id` would mean the services' own.
 */
const servicesJson = sql<{ slug: string; name: string }[]>`coalesce((select json_agg(json_build_object('slug', s.slug, 'name', s.name) order by s.name, s.slug) from incident_services x join services s on s.id = x.service_id where x.incident_id = "incidents"."id"), '[]'::json)`;
/** A year and a bit: the metrics page's longest range, with room for a month boundary. */
const MAX_RANGE_MS = 400 * 86_400_000;

/**
 * The times, severity and services of every incident that started in [from, to), for the
 * metrics (viewer and up). One query: the services come as a JSON array per incident.
 */
export async function loadMetricIncidents(actor: Principal, range: { from: number; to: number }): Promise<MetricIncident[]> {
  assertRole(actor, "viewer");
  if (!(range.from < range.to)) throw new AppError("bad_request", "The range must end after it starts.", { to: ["The range must end after it starts."] });
  if (range.to - range.from > MAX_RANGE_MS) throw new AppError("bad_request", "The range is at most 400 days.", { from: ["The range is at most 400 days."] });
  const rows = await getDb()
    .select({
      severity: i.severity,
      startedAt: i.startedAt,
      detectedAt: i.detectedAt,
      acknowledgedAt: i.acknowledgedAt,
      resolvedAt: i.resolvedAt,
      services: servicesJson,
    })
    .from(i)
    .where(and(gte(i.startedAt, new Date(range.from)), lt(i.startedAt, new Date(range.to))))
    .orderBy(asc(i.startedAt));
  return rows.map((r) => ({
    severity: severityOf(r.severity),
    services: typeof r.services === "string" ? (JSON.parse(r.services) as MetricIncident["services"]) : r.services,
    startedAt: r.startedAt.getTime(),
    detectedAt: r.detectedAt.getTime(),
    acknowledgedAt: r.acknowledgedAt?.getTime() ?? null,
    resolvedAt: r.resolvedAt?.getTime() ?? null,
  }));
}
