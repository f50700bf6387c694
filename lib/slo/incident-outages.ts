import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { Outage } from "./incident-sli";

const i = schema.incidents;
const is = schema.incidentServices;

/**
 * The impact periods of incidents that overlap [fromMs, toMs), for several (service, lowest
 * severity) pairs in one query, keyed `${serviceId}:${minSeverity}` (SEV1 = 1 is the highest; "at or
 * above SEV2" is minSeverity 2). An impact runs from the incident's start until it was mitigated (or
 * resolved, when it never was); an open one runs until now.
 */
export async function outagesFor(keys: { serviceId: string; minSeverity: number }[], fromMs: number, toMs: number): Promise<Map<string, Outage[]>> {
  const out = new Map<string, Outage[]>(keys.map((k) => [`${k.serviceId}:${k.minSeverity}`, []]));
  const ids = [...new Set(keys.map((k) => k.serviceId))];
  if (!ids.length) return out;
  const end = sql<Date | null>`coalesce(${i.mitigatedAt}, ${i.resolvedAt})`;
  const rows = await getDb()
    .select({ serviceId: is.serviceId, severity: i.severity, startedAt: i.startedAt, end })
    .from(i)
    .innerJoin(is, eq(is.incidentId, i.id))
    .where(and(inArray(is.serviceId, ids), lt(i.startedAt, new Date(toMs)), or(isNull(end), sql`${end} > ${new Date(fromMs).toISOString()}::timestamptz`)));
  for (const k of keys) {
    out.set(
      `${k.serviceId}:${k.minSeverity}`,
      rows.filter((r) => r.serviceId === k.serviceId && r.severity <= k.minSeverity).map((r) => ({ startMs: r.startedAt.getTime(), endMs: r.end ? new Date(r.end).getTime() : null })),
    );
  }
  return out;
}
