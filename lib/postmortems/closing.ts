import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { getPostmortemSettings } from "./settings-store";
import { maxConsumed, type SloImpactSnapshot } from "./slo-impact";

/**
 * What closing an incident needs to know of its postmortem: whether one is published, and whether
 * the last computed SLO impact makes one required (over the settings' budget share). Severity's
 * own requirement is the incident lifecycle's (Settings → Severities).
 */
export async function postmortemGate(incidentId: string): Promise<{ published: boolean; requiredByBudget: boolean }> {
  const [[row], settings] = await Promise.all([
    getDb().select({ status: schema.postmortems.status, sloImpact: schema.postmortems.sloImpact }).from(schema.postmortems).where(eq(schema.postmortems.incidentId, incidentId)),
    getPostmortemSettings(),
  ]);
  const share = row?.sloImpact ? maxConsumed((row.sloImpact as unknown as SloImpactSnapshot).rows ?? []) : null;
  return { published: row?.status === "published", requiredByBudget: share !== null && share > settings.requirement.budgetShareThreshold };
}
