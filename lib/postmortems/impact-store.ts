import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { incidentSloImpact } from "@/lib/slo/incident-impact";
import { listSlos } from "@/lib/slo/queries";
import { policiesForServices } from "@/lib/slo/policy-store";
import { defaultPolicy } from "@/lib/slo/policy";
import { incidentOf, postmortemRow } from "./load";
import { policyMove, type SloImpactSnapshot } from "./slo-impact";

/**
 * Computes what the incident cost each SLO of its services (from Prometheus, or from Keel's
 * incidents for incident-based SLIs) and which policy state that left each in, and stores it
 * with the postmortem with the time and the data it came from (responder and up; not once
 * published: the published record keeps the figures it was reviewed with).
 */
export async function refreshSloImpact(actor: Principal, id: string, nowMs = Date.now()): Promise<SloImpactSnapshot> {
  assertRole(actor, "responder");
  const row = await postmortemRow(id);
  if (row.status === "published") throw new AppError("conflict", "A published postmortem keeps the SLO impact it was reviewed with.");
  const incident = await incidentOf(actor, row.incidentId);
  const impact = await incidentSloImpact(actor, incident, nowMs);
  const slos = new Map((await listSlos(actor)).map((s) => [s.id, s]));
  const policies = await policiesForServices([...new Set(impact.slos.map((s) => slos.get(s.sloId)?.serviceId).filter((x): x is string => !!x))]);
  const snapshot: SloImpactSnapshot = {
    computedAt: new Date(nowMs).toISOString(),
    from: impact.from,
    to: impact.to,
    rows: impact.slos.map((s) => {
      const policy = policies.get(slos.get(s.sloId)?.serviceId ?? "")?.policy ?? defaultPolicy;
      const move = policyMove(s.remaining, s.consumed, policy);
      return { sloId: s.sloId, name: s.name, service: s.service, consumed: s.consumed, stateBefore: move.before, stateAfter: move.after, dataSource: s.dataSource, problem: s.problem };
    }),
  };
  await getDb()
    .update(schema.postmortems)
    .set({ sloImpact: snapshot as unknown as Record<string, unknown> })
    .where(eq(schema.postmortems.id, row.id));
  return snapshot;
}
