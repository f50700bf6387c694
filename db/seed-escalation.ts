import { and, asc, eq, inArray } from "drizzle-orm";
import { escalationPlan, type EscalationStep } from "@/lib/oncall/escalation";
import { onCallAt } from "@/lib/oncall/on-call-at";
import type { Layer, LayerVersion, Override, Schedule } from "@/lib/oncall/types";
import { schema, type Db } from "./index";

/**
 * The demo's escalation chain, as in the seeds: the primary of "Payments on-call", the secondary
 * after 15 minutes, then the engineering manager, then the VP; repeated once. Attached to the
 * payments services. Uses the schedule the on-call seed creates (by name); when it is not there,
 * creates a two-layer weekly one (hand-off Monday 09:00). The engineering manager and the VP are
 * manager@keel.example and vp@keel.example when the on-call seed made them, else the demo admin and
 * the demo viewer (no people are added here). Past demo incidents on those services get the timers
 * they would have had: step 1 fired at detection to whoever was on call then, the rest cancelled
 * by the acknowledgement, so the on-call health page has pages to show (the incident's escalation
 * panel shows them; no timeline entries are added to the demo's stories). Seeded once (skipped when
 * the policy exists); imports only pure modules, so scripts can run it.
 */

export const DEMO_POLICY = "Payments";
export const DEMO_SCHEDULE = "Payments on-call";
const SERVICES = ["checkout-api", "payments-service", "billing"];
/** Who plays the engineering manager and the VP: the first of each list that exists. */
const chainPeople = { manager: ["manager@keel.example", "admin@keel.example"], vp: ["vp@keel.example", "viewer@keel.example"] };

async function demoSchedule(db: Db): Promise<Schedule> {
  const s = schema.schedules;
  const l = schema.scheduleLayers;
  let [row] = await db.select().from(s).where(eq(s.name, DEMO_SCHEDULE));
  if (!row) {
    const people = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users).where(inArray(schema.users.email, ["responder@keel.example", "admin@keel.example"]));
    const ids = ["responder@keel.example", "admin@keel.example"].map((e) => people.find((p) => p.email === e)?.id).filter((x): x is string => Boolean(x));
    const [team] = await db.select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, "payments"));
    [row] = await db.insert(s).values({ name: DEMO_SCHEDULE, timeZone: "Europe/London", teamId: team?.id ?? null, description: "Weekly, hand-off Monday 09:00." }).onConflictDoNothing().returning();
    row ??= (await db.select().from(s).where(eq(s.name, DEMO_SCHEDULE)))[0];
    const version = (participants: string[]): LayerVersion => ({ rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2024-01-01", participants } });
    const [a, b] = [ids, [...ids].reverse()];
    await db.insert(l).values([
      { scheduleId: row.id, name: "Primary", position: 0, versions: [version(a) as unknown as Record<string, unknown>] },
      { scheduleId: row.id, name: "Secondary", position: 1, versions: [version(b) as unknown as Record<string, unknown>] },
    ]);
  }
  const layers = await db.select().from(l).where(eq(l.scheduleId, row.id)).orderBy(asc(l.position));
  return { id: row.id, name: row.name, timeZone: row.timeZone, layers: layers.filter((x) => !x.removedAt).map((x): Layer => ({ id: x.id, name: x.name, versions: x.versions as unknown as LayerVersion[] })) };
}

export async function seedEscalation(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: schema.escalationPolicies.id }).from(schema.escalationPolicies).where(eq(schema.escalationPolicies.name, DEMO_POLICY));
  if (existing) return false;
  const schedule = await demoSchedule(db);
  const layer = (name: string, index: number) => schedule.layers.find((x) => x.name.toLowerCase() === name) ?? schedule.layers[Math.min(index, schedule.layers.length - 1)];
  const [primary, secondary] = [layer("primary", 0), layer("secondary", 1)];
  if (!primary) return false;
  const people = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users).where(inArray(schema.users.email, [...chainPeople.manager, ...chainPeople.vp]));
  const pick = (emails: string[]) => emails.map((e) => people.find((p) => p.email === e)?.id).find(Boolean);
  const [manager, vp] = [pick(chainPeople.manager), pick(chainPeople.vp)];
  if (!manager || !vp) return false;
  const steps: EscalationStep[] = [
    { targets: [{ kind: "layer", scheduleId: schedule.id, layerId: primary.id }], delayMinutes: 15 },
    { targets: [{ kind: "layer", scheduleId: schedule.id, layerId: secondary.id }], delayMinutes: 15 },
    { targets: [{ kind: "user", userId: manager }], delayMinutes: 30 },
    { targets: [{ kind: "user", userId: vp }], delayMinutes: 30 },
  ];
  const [policy] = await db
    .insert(schema.escalationPolicies)
    .values({ name: DEMO_POLICY, description: "Primary, then secondary after 15 minutes, then the engineering manager, then the VP.", steps, repeat: 1 })
    .returning({ id: schema.escalationPolicies.id });
  const services = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services).where(inArray(schema.services.slug, SERVICES));
  if (services.length) await db.insert(schema.serviceEscalationPolicies).values(services.map((s) => ({ serviceId: s.id, policyId: policy.id }))).onConflictDoNothing();

  // Past incidents on those services: what their escalation did.
  const i = schema.incidents;
  const past = await db
    .select({ id: i.id, detectedAt: i.detectedAt, acknowledgedAt: i.acknowledgedAt, serviceId: schema.incidentServices.serviceId })
    .from(i)
    .innerJoin(schema.incidentServices, eq(schema.incidentServices.incidentId, i.id))
    .where(inArray(schema.incidentServices.serviceId, services.map((s) => s.id)));
  const overrides: Override[] = [];
  for (const inc of past) {
    const [any] = await db.select({ id: schema.escalationTimers.id }).from(schema.escalationTimers).where(and(eq(schema.escalationTimers.incidentId, inc.id))).limit(1);
    if (any) continue;
    const opened = inc.detectedAt.getTime();
    const acked = inc.acknowledgedAt?.getTime() ?? Infinity;
    const rows = escalationPlan({ steps, repeat: 1 }, opened).map((n) => {
      const fired = n.dueMs < acked;
      const notified = fired ? (n.targets[0].kind === "user" ? [n.targets[0].userId] : (onCallAt(schedule, overrides, n.dueMs).layers.find((x) => n.targets[0].kind === "layer" && x.layerId === n.targets[0].layerId)?.userIds ?? [])) : [];
      return { incidentId: inc.id, policyId: policy.id, serviceId: inc.serviceId, stepIndex: n.stepIndex, round: n.round, targets: n.targets, dueAt: new Date(n.dueMs), status: fired ? ("fired" as const) : ("cancelled" as const), notified, firedAt: fired ? new Date(n.dueMs) : null, problem: fired && !notified.length ? "Nobody on call." : null };
    });
    await db.insert(schema.escalationTimers).values(rows).onConflictDoNothing();
  }
  return true;
}
