/**
 * Scheduled maintenance on the status page: its phase from the clock, the rules for its window and
 * which changes subscribers are told about. Pure; `nowMs` is always an argument.
 *
 * Phases: cancelled once cancelled (whenever that was); otherwise scheduled before its start, in
 * progress from its start until its end, completed from its end on. The window is half-open,
 * [start, end): at the end instant it is completed.
 */

export const MAINTENANCE_PHASES = ["scheduled", "in_progress", "completed", "cancelled"] as const;
export type MaintenancePhase = (typeof MAINTENANCE_PHASES)[number];

export const maintenancePhaseLabels: Record<MaintenancePhase, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

export type MaintenanceTimes = { startsMs: number; endsMs: number; cancelledMs: number | null };

export function maintenancePhase(m: MaintenanceTimes, nowMs: number): MaintenancePhase {
  if (m.cancelledMs !== null) return "cancelled";
  if (nowMs < m.startsMs) return "scheduled";
  if (nowMs < m.endsMs) return "in_progress";
  return "completed";
}

/** Scheduled and in-progress maintenance can be edited and cancelled; completed and cancelled ones are the record. */
export const isChangeable = (phase: MaintenancePhase) => phase === "scheduled" || phase === "in_progress";

/** A window lasts at most this long. */
export const MAX_WINDOW_MS = 31 * 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export type WindowErrors = { startsAt?: string[]; endsAt?: string[] };

/** What is wrong with a window, by field (empty: nothing). */
export function windowErrors(startsMs: number, endsMs: number): WindowErrors {
  const out: WindowErrors = {};
  if (startsMs < EARLIEST || startsMs >= LATEST) out.startsAt = ["The start is between the years 2000 and 2099."];
  if (endsMs < EARLIEST || endsMs >= LATEST) out.endsAt = ["The end is between the years 2000 and 2099."];
  else if (endsMs <= startsMs) out.endsAt = ["The end must be after the start."];
  else if (endsMs - startsMs > MAX_WINDOW_MS) out.endsAt = ["A maintenance window lasts at most 31 days."];
  return out;
}

/**
 * What is wrong with scheduling this window now. A new window (or a change to one not yet begun)
 * must end in the future: subscribers are told about work to come, not work done. A maintenance in
 * progress may be given an earlier end, even one already past, to record that it finished early.
 */
export function scheduleErrors(startsMs: number, endsMs: number, nowMs: number, before: MaintenancePhase | null = null): WindowErrors {
  const out = windowErrors(startsMs, endsMs);
  if (!out.endsAt && endsMs <= nowMs && before !== "in_progress") out.endsAt = ["This window has already ended; the end must be in the future."];
  return out;
}

/** The news a subscriber email carries. */
export type Announcement = "scheduled" | "rescheduled" | "updated" | "cancelled";

/**
 * The announcement an edit calls for: "rescheduled" when the window moved, "updated" when only the
 * affected components changed, none when only the text changed (or nothing did).
 */
export function announcementForEdit(before: { startsMs: number; endsMs: number; componentIds: readonly string[] }, after: { startsMs: number; endsMs: number; componentIds: readonly string[] }): Announcement | null {
  if (before.startsMs !== after.startsMs || before.endsMs !== after.endsMs) return "rescheduled";
  const a = new Set(before.componentIds);
  const b = new Set(after.componentIds);
  if (a.size !== b.size || [...a].some((id) => !b.has(id))) return "updated";
  return null;
}

/** The components under maintenance now: those of every maintenance in progress. */
export function componentsUnderMaintenance(maintenances: readonly (MaintenanceTimes & { componentIds: readonly string[] })[], nowMs: number): Set<string> {
  const out = new Set<string>();
  for (const m of maintenances) if (maintenancePhase(m, nowMs) === "in_progress") for (const id of m.componentIds) out.add(id);
  return out;
}
