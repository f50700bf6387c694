import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertRole, type Principal } from "@/lib/auth/roles";
import type { EscalationTarget } from "./escalation";
import { labelTarget, loadDirectory } from "./escalation-targets";

/** An incident's escalation as the incident page shows it: each planned page, who it reached, what is next. */

export type EscalationPageDto = {
  id: string;
  step: number;
  round: number;
  dueAt: string;
  status: "pending" | "fired" | "cancelled";
  firedAt: string | null;
  targets: string[];
  notified: { id: string; name: string }[];
  problem: string | null;
};

export type EscalationRunDto = {
  policy: { id: string; name: string } | null;
  service: { slug: string; name: string } | null;
  steps: number;
  rounds: number;
  pages: EscalationPageDto[];
  /** The first pending page, if any. */
  next: EscalationPageDto | null;
};

export async function incidentEscalation(actor: Principal, incidentId: string): Promise<EscalationRunDto[]> {
  assertRole(actor, "viewer");
  const t = schema.escalationTimers;
  const rows = await getDb()
    .select({ timer: t, policyName: schema.escalationPolicies.name, serviceSlug: schema.services.slug, serviceName: schema.services.name })
    .from(t)
    .leftJoin(schema.escalationPolicies, eq(schema.escalationPolicies.id, t.policyId))
    .leftJoin(schema.services, eq(schema.services.id, t.serviceId))
    .where(eq(t.incidentId, incidentId))
    .orderBy(asc(t.dueAt), asc(t.round), asc(t.stepIndex));
  if (!rows.length) return [];
  const targetsOf = (r: (typeof rows)[number]) => r.timer.targets as unknown as EscalationTarget[];
  const dir = await loadDirectory([...new Set(rows.flatMap((r) => [...r.timer.notified, ...targetsOf(r).flatMap((x) => (x.kind === "user" ? [x.userId] : []))]))]);
  const runs = new Map<string, EscalationRunDto>();
  for (const r of rows) {
    const key = r.timer.policyId ?? "deleted";
    const run = runs.get(key) ?? {
      policy: r.timer.policyId && r.policyName ? { id: r.timer.policyId, name: r.policyName } : null,
      service: r.serviceSlug ? { slug: r.serviceSlug, name: r.serviceName ?? r.serviceSlug } : null,
      steps: 0,
      rounds: 0,
      pages: [],
      next: null,
    };
    runs.set(key, run);
    const page: EscalationPageDto = {
      id: r.timer.id,
      step: r.timer.stepIndex + 1,
      round: r.timer.round + 1,
      dueAt: r.timer.dueAt.toISOString(),
      status: r.timer.status,
      firedAt: r.timer.firedAt?.toISOString() ?? null,
      targets: targetsOf(r).map((x) => labelTarget(dir, x).label),
      notified: r.timer.notified.map((id) => ({ id, name: dir.users.find((u) => u.id === id)?.name || "A removed person" })),
      problem: r.timer.problem,
    };
    run.pages.push(page);
    run.steps = Math.max(run.steps, page.step);
    run.rounds = Math.max(run.rounds, page.round);
    if (!run.next && page.status === "pending") run.next = page;
  }
  return [...runs.values()];
}
