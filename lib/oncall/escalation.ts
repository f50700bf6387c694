/**
 * Escalation policies: who is notified when, until someone acknowledges. Pure; the durable timers
 * that act on it live elsewhere and pass `now`.
 *
 * A policy is ordered steps; each notifies its targets (schedule layers, a schedule's final
 * on-call, users) and waits `delayMinutes` before the next step. After the last step (and its
 * delay) the whole chain starts again, `repeat` more times (so it runs 1 + repeat rounds, as
 * PagerDuty's "repeat N times"), then it is exhausted. Acknowledging or resolving stops it.
 */
import { onCallAt } from "./on-call-at";
import type { Override, Schedule } from "./types";
import { MIN_MS } from "./zone";

export type EscalationTarget =
  | { kind: "layer"; scheduleId: string; layerId: string }
  | { kind: "schedule"; scheduleId: string }
  | { kind: "user"; userId: string };
export type EscalationStep = { targets: EscalationTarget[]; delayMinutes: number };
export type EscalationPolicy = { steps: EscalationStep[]; repeat: number };

export const MAX_REPEAT = 9;

/** One notification of the plan: step `stepIndex` (0-based) of round `round` (0 = the first pass), due at `dueMs`. */
export type PlannedNotification = { index: number; round: number; stepIndex: number; dueMs: number; targets: EscalationTarget[] };

/** Throws a RangeError that says what is wrong with a policy. */
export function checkPolicy(policy: EscalationPolicy): void {
  if (!policy.steps.length) throw new RangeError("An escalation policy needs at least one step.");
  if (!Number.isInteger(policy.repeat) || policy.repeat < 0 || policy.repeat > MAX_REPEAT) throw new RangeError(`Repeat must be a whole number from 0 to ${MAX_REPEAT}.`);
  policy.steps.forEach((s, i) => {
    if (!s.targets.length) throw new RangeError(`Step ${i + 1} notifies nobody: give it a schedule layer or a user.`);
    if (!Number.isInteger(s.delayMinutes) || s.delayMinutes < 1) throw new RangeError(`Step ${i + 1}: the delay must be a whole number of minutes, at least 1.`);
  });
}

/** Every notification the policy would send for an incident opened at `openedAtMs`, if nobody acknowledged. */
export function escalationPlan(policy: EscalationPolicy, openedAtMs: number): PlannedNotification[] {
  checkPolicy(policy);
  const out: PlannedNotification[] = [];
  let due = openedAtMs;
  for (let round = 0; round <= policy.repeat; round++) {
    policy.steps.forEach((step, stepIndex) => {
      out.push({ index: out.length, round, stepIndex, dueMs: due, targets: step.targets });
      due += step.delayMinutes * MIN_MS;
    });
  }
  return out;
}

export type EscalationState = {
  policy: EscalationPolicy;
  openedAtMs: number;
  acknowledgedAtMs?: number | null;
  resolvedAtMs?: number | null;
  /** How many notifications of the plan were already sent (they are sent in order). */
  sent: number;
};

export type EscalationDecision =
  | { kind: "stopped"; reason: "acknowledged" | "resolved"; atMs: number }
  /** Send these now (more than one when timers ran late: every step that fell due is owed). */
  | { kind: "notify"; due: PlannedNotification[]; nextDueMs: number | null }
  | { kind: "wait"; next: PlannedNotification }
  | { kind: "exhausted"; lastDueMs: number };

/** What to do at `nowMs`: stop, send what is due, wait for the next step, or nothing left. */
export function nextEscalation(state: EscalationState, nowMs: number): EscalationDecision {
  const stop = [
    { reason: "acknowledged" as const, atMs: state.acknowledgedAtMs },
    { reason: "resolved" as const, atMs: state.resolvedAtMs },
  ].filter((s): s is { reason: "acknowledged" | "resolved"; atMs: number } => typeof s.atMs === "number" && s.atMs <= nowMs);
  if (stop.length) return { kind: "stopped", ...stop.sort((a, b) => a.atMs - b.atMs)[0] };
  const plan = escalationPlan(state.policy, state.openedAtMs);
  const due = plan.slice(state.sent).filter((p) => p.dueMs <= nowMs);
  const following = plan[state.sent + due.length];
  if (due.length) return { kind: "notify", due, nextDueMs: following?.dueMs ?? null };
  if (following) return { kind: "wait", next: following };
  return { kind: "exhausted", lastDueMs: plan.at(-1)!.dueMs };
}

/** Who a layer or schedule target names at an instant; null when the schedule or layer is unknown. */
export type OnCallLookup = (target: Exclude<EscalationTarget, { kind: "user" }>, atMs: number) => string[] | null;

export type StepRecipients = {
  userIds: string[];
  /** Targets that resolved to nobody (nobody on call there), or to an unknown schedule or layer. */
  empty: { target: EscalationTarget; reason: "nobody-on-call" | "unknown" }[];
  /** True when the whole step reaches nobody: an alert in itself. */
  nobodyOnCall: boolean;
};

/** The people a step notifies at `atMs` (deduplicated, in target order). */
export function stepRecipients(step: Pick<EscalationStep, "targets">, atMs: number, lookup: OnCallLookup): StepRecipients {
  const userIds: string[] = [];
  const empty: StepRecipients["empty"] = [];
  for (const target of step.targets) {
    const people = target.kind === "user" ? [target.userId] : lookup(target, atMs);
    if (people === null) empty.push({ target, reason: "unknown" });
    else if (!people.length) empty.push({ target, reason: "nobody-on-call" });
    for (const u of people ?? []) if (!userIds.includes(u)) userIds.push(u);
  }
  return { userIds, empty, nobodyOnCall: userIds.length === 0 };
}

/** A lookup over schedules and their overrides, using onCallAt (layer: that layer's people; schedule: the final people). */
export function scheduleLookup(schedules: ReadonlyMap<string, { schedule: Schedule; overrides: readonly Override[] }>): OnCallLookup {
  return (target, atMs) => {
    const entry = schedules.get(target.scheduleId);
    if (!entry) return null;
    const now = onCallAt(entry.schedule, entry.overrides, atMs);
    if (target.kind === "schedule") return now.final.userIds;
    return now.layers.find((l) => l.layerId === target.layerId)?.userIds ?? null;
  };
}

/** The planned notifications that would reach nobody at their due time ("nobody on call" alerts, ahead of time). */
export function unreachableSteps(plan: readonly PlannedNotification[], lookup: OnCallLookup): (PlannedNotification & StepRecipients)[] {
  return plan.map((p) => ({ ...p, ...stepRecipients(p, p.dueMs, lookup) })).filter((p) => p.nobodyOnCall);
}
