import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { IncidentAlertDto } from "./dto";

const a = schema.incidentAlerts;

/** The alerts behind an alert-opened incident (none for a declared one), in the order they arrived. */
export async function alertsOf(incidentId: string): Promise<IncidentAlertDto[]> {
  const rows = await getDb()
    .select({ fingerprint: a.fingerprint, alertname: a.alertname, status: a.status, labels: a.labels, annotations: a.annotations, startsAt: a.startsAt, endsAt: a.endsAt, generatorUrl: a.generatorUrl })
    .from(a)
    .where(eq(a.incidentId, incidentId))
    .orderBy(asc(a.id));
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt?.toISOString() ?? null }));
}
