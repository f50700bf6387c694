/**
 * The incident status state machine.
 *
 *   triaging → investigating → identified → monitoring → resolved → closed
 *
 * Rules:
 * - Forward: from any open status (triaging..monitoring) to any later status up to resolved;
 *   skipping is allowed (investigating → resolved when the fix is immediate, triaging → resolved
 *   for a false alarm).
 * - Relapse: from monitoring or resolved back to investigating (the fix did not hold). No other
 *   backward move exists: a relapse always restarts the investigation.
 * - Closing: only from resolved, and only when `canClose` allows it (a required postmortem must be
 *   published). Closed is final.
 * - Staying in the same status is not a transition.
 *
 * Timestamps (set only when still empty, so a back-filled time is never overwritten):
 * - leaving triaging sets acknowledged;
 * - entering monitoring sets mitigated; entering resolved sets resolved and, when skipped,
 *   mitigated (a resolved incident is mitigated) and acknowledged likewise;
 * - entering closed sets closed;
 * - a relapse clears mitigated and resolved: the incident is neither any more, and the next
 *   mitigation and resolution are the ones that count. The timeline keeps the earlier times.
 */
import { SEVERITY_TABLE, type Severity, type SeverityTable } from "./severity";

export const STATUSES = ["triaging", "investigating", "identified", "monitoring", "resolved", "closed"] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses of an incident still being worked on. */
export const OPEN_STATUSES: readonly Status[] = ["triaging", "investigating", "identified", "monitoring"];

export type TimestampField = "acknowledged" | "mitigated" | "resolved" | "closed";
export type Stamps = Partial<Record<TimestampField, Date | null>>;

const order = (s: Status) => STATUSES.indexOf(s);

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** The statuses an incident in `from` may move to, in lifecycle order. */
export function allowedNext(from: Status): Status[] {
  return STATUSES.filter((to) => isAllowed(from, to));
}

function isAllowed(from: Status, to: Status): boolean {
  if (from === to || from === "closed") return false;
  if (to === "closed") return from === "resolved";
  if (order(to) > order(from)) return true;
  return to === "investigating" && (from === "monitoring" || from === "resolved");
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

/** Whether `from → to` is allowed, with a message naming the allowed next statuses when not. */
export function checkTransition(from: Status, to: Status): TransitionCheck {
  if (isAllowed(from, to)) return { ok: true };
  if (from === "closed") return { ok: false, message: "The incident is closed; a closed incident is final and its status cannot change." };
  if (from === to) return { ok: false, message: `The incident is already ${from}.` };
  const next = allowedNext(from);
  return { ok: false, message: `An incident cannot move from ${from} to ${to}. From ${from} it can move to: ${next.join(", ")}.` };
}

/** Whether a move goes back to investigating from monitoring or resolved. */
export function isRelapse(from: Status, to: Status): boolean {
  return to === "investigating" && (from === "monitoring" || from === "resolved");
}

/**
 * The timestamps an allowed transition sets (to `at`) or clears (to null), given the incident's
 * current ones. Fields left out stay as they are.
 */
export function transitionStamps(from: Status, to: Status, current: Stamps, at: Date): Stamps {
  const out: Stamps = {};
  if (isRelapse(from, to)) {
    if (current.mitigated) out.mitigated = null;
    if (current.resolved) out.resolved = null;
    return out;
  }
  const reached = (s: Status) => order(to) >= order(s);
  const stamp = (field: TimestampField) => {
    if (!current[field]) out[field] = at;
  };
  if (from === "triaging") stamp("acknowledged");
  if (reached("monitoring")) stamp("mitigated");
  if (reached("resolved")) stamp("resolved");
  if (to === "closed") stamp("closed");
  return out;
}

export type CloseCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an incident may be closed: it must be resolved, and when a postmortem is required it
 * must be published. Callers pass whether one is required (see `postmortemRequiredByDefault`)
 * and whether it is published.
 */
export function canClose(incident: { status: Status }, opts: { postmortemRequired: boolean; postmortemPublished: boolean }): CloseCheck {
  if (incident.status === "closed") return { ok: false, reason: "The incident is already closed." };
  if (incident.status !== "resolved") return { ok: false, reason: `Only a resolved incident can be closed; this one is ${incident.status}.` };
  if (opts.postmortemRequired && !opts.postmortemPublished) {
    return { ok: false, reason: "This incident needs a published postmortem before it can be closed." };
  }
  return { ok: true };
}

/** SEV1 and SEV2 incidents need a postmortem unless configured otherwise. */
export function postmortemRequiredByDefault(severity: Severity, table: SeverityTable = SEVERITY_TABLE): boolean {
  return table[severity].postmortemRequired;
}
