import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import type { ServiceChartInput } from "./schemas";

export type ServiceChartDto = { id: string; title: string; query: string; unit: string; legend: string; datasourceId: string | null; position: number };

const c = schema.serviceCharts;

async function serviceId(slug: string): Promise<string> {
  const [row] = await getDb().select({ id: schema.services.id }).from(schema.services).where(eq(schema.services.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", `No service with slug "${slug}".`, { service: [`No service with slug "${slug}".`] });
  return row.id;
}

export async function listServiceCharts(actor: Principal, slug: string): Promise<ServiceChartDto[]> {
  assertRole(actor, "viewer");
  const id = await serviceId(slug);
  return getDb()
    .select({ id: c.id, title: c.title, query: c.query, unit: c.unit, legend: c.legend, datasourceId: c.datasourceId, position: c.position })
    .from(c)
    .where(eq(c.serviceId, id))
    .orderBy(asc(c.position), asc(c.createdAt));
}

/** Pins a chart at the end of the service's dashboard. Responders and admins shape dashboards. */
export async function addServiceChart(actor: Principal, input: ServiceChartInput): Promise<ServiceChartDto> {
  assertRole(actor, "responder");
  const id = await serviceId(input.service);
  const [row] = await getDb()
    .insert(c)
    .values({
      serviceId: id,
      title: input.title,
      query: input.query,
      unit: input.unit,
      legend: input.legend,
      datasourceId: input.datasourceId ?? null,
      position: sql`coalesce((select max(${c.position}) + 1 from ${c} where ${c.serviceId} = ${id}), 0)`,
    })
    .returning();
  return { id: row.id, title: row.title, query: row.query, unit: row.unit, legend: row.legend, datasourceId: row.datasourceId, position: row.position };
}

export async function removeServiceChart(actor: Principal, chartId: string): Promise<void> {
  assertRole(actor, "responder");
  const deleted = await getDb().delete(c).where(eq(c.id, chartId)).returning({ id: c.id });
  if (!deleted.length) throw new AppError("not_found", "That chart is no longer pinned.");
}

/** Swaps a chart with its neighbour (direction -1 = earlier, 1 = later), in one transaction. */
export async function moveServiceChart(actor: Principal, chartId: string, direction: -1 | 1): Promise<void> {
  assertRole(actor, "responder");
  await getDb().transaction(async (tx) => {
    const [chart] = await tx.select().from(c).where(eq(c.id, chartId)).for("update");
    if (!chart) throw new AppError("not_found", "That chart is no longer pinned.");
    const siblings = await tx.select({ id: c.id, position: c.position }).from(c).where(eq(c.serviceId, chart.serviceId)).orderBy(asc(c.position), asc(c.createdAt)).for("update");
    const i = siblings.findIndex((s) => s.id === chartId);
    const j = i + direction;
    if (j < 0 || j >= siblings.length) return;
    const order = siblings.map((s) => s.id);
    [order[i], order[j]] = [order[j], order[i]];
    for (let k = 0; k < order.length; k++) await tx.update(c).set({ position: k }).where(and(eq(c.id, order[k]), eq(c.serviceId, chart.serviceId)));
  });
}
