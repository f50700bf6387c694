/**
 * When the postmortem editor saves, as a pure state machine the editor's hook drives with events
 * and the clock.
 *
 * - Every change counts as an edit; a save goes out `delayMs` after the last edit (debounce), or at
 *   once when flushed (leaving a field, the Save button). One save at a time: edits made while one
 *   is in flight are saved by the next one.
 * - Each save carries the version the text was based on; a success moves it to the new version.
 * - A conflict (someone else saved first) stops autosaving for good: the author's text stays in
 *   the editor, unsaved, until they copy it or reload.
 * - Any other failure (a field to fix, a lost session, the network) waits for the next edit or an
 *   explicit save before trying again, so a refused save is not retried in a loop.
 * - `blocked` is a save the editor did not send (a field it knows is wrong, or a missing reason);
 *   it also waits for the next edit.
 */

export type SaveProblem = { message: string; fieldErrors?: Record<string, string[]> };

export type AutosaveState = {
  /** The server version the editor's text is based on. */
  version: number;
  /** Local changes so far, and how many of them the last successful save included. */
  edits: number;
  savedEdits: number;
  /** When the last edit happened (epoch ms), for the debounce. */
  lastEditAt: number | null;
  /** The edit count a save in flight carries, or null. */
  inFlight: number | null;
  /** Save at once when possible (blur, Save button), without waiting for the debounce. */
  flushRequested: boolean;
  /** ISO time of the last successful save in this session. */
  savedAt: string | null;
  problem: SaveProblem | null;
  /** The edit count at which the last save failed or was held back; no retry until it changes. */
  failedAt: number | null;
  /** Whether `problem` is a local hold (nothing was sent), not a server refusal. */
  blocked: boolean;
  conflict: boolean;
};

export type AutosaveEvent =
  | { type: "edit"; at: number }
  | { type: "flush" }
  | { type: "start" }
  | { type: "saved"; version: number; updatedAt: string }
  | { type: "failed"; problem: SaveProblem; conflict?: boolean }
  | { type: "blocked"; problem: SaveProblem }
  /** The editor loaded the stored document (after a re-sync, or discarding local edits): start over from it. */
  | { type: "loaded"; version: number };

export function initialAutosave(version: number): AutosaveState {
  return { version, edits: 0, savedEdits: 0, lastEditAt: null, inFlight: null, flushRequested: false, savedAt: null, problem: null, failedAt: null, blocked: false, conflict: false };
}

export const isDirty = (s: AutosaveState) => s.edits !== s.savedEdits;
/** Changes not yet saved, or a save still in flight: leaving now could lose text. */
export const hasUnsaved = (s: AutosaveState) => isDirty(s) || s.inFlight !== null;

export function autosaveReducer(s: AutosaveState, e: AutosaveEvent): AutosaveState {
  switch (e.type) {
    case "edit":
      // A local hold is about the text as it was; the next edit may have fixed it.
      return { ...s, edits: s.edits + 1, lastEditAt: e.at, ...(s.blocked ? { problem: null, blocked: false } : {}) };
    case "flush": {
      // Only edits not already on their way need a save; a flush with none changes nothing.
      const waiting = s.inFlight === null ? isDirty(s) : s.edits !== s.inFlight;
      return s.conflict || !waiting ? s : { ...s, flushRequested: true };
    }
    case "start":
      return { ...s, inFlight: s.edits, flushRequested: false };
    case "saved":
      if (s.inFlight === null) return s;
      return { ...s, version: e.version, savedEdits: s.inFlight, inFlight: null, savedAt: e.updatedAt, problem: null, failedAt: null, blocked: false };
    case "failed":
      return { ...s, inFlight: null, flushRequested: false, problem: e.problem, failedAt: s.inFlight ?? s.edits, blocked: false, conflict: s.conflict || !!e.conflict };
    case "blocked":
      return { ...s, flushRequested: false, problem: e.problem, failedAt: s.edits, blocked: true };
    case "loaded":
      return { ...initialAutosave(e.version), savedAt: s.savedAt };
  }
}

/**
 * Nothing more will happen without a new edit: no save in flight or requested, and the text is
 * saved, or refused (a conflict, or a failure on this very text). What "save, then …" waits for.
 */
export function isSettled(s: AutosaveState): boolean {
  if (s.inFlight !== null || s.flushRequested) return false;
  return !isDirty(s) || s.conflict || s.failedAt === s.edits;
}

export type NextStep = { kind: "idle" } | { kind: "wait"; ms: number } | { kind: "save" };

/** What to do now: nothing, wait `ms` and ask again, or save. */
export function nextStep(s: AutosaveState, now: number, delayMs: number): NextStep {
  if (s.conflict || s.inFlight !== null || !isDirty(s)) return { kind: "idle" };
  if (s.flushRequested) return { kind: "save" };
  // The last attempt failed (or was held back) on this very text: wait for a change or a flush.
  if (s.failedAt === s.edits) return { kind: "idle" };
  const due = (s.lastEditAt ?? now) + delayMs;
  return due <= now ? { kind: "save" } : { kind: "wait", ms: due - now };
}

export type SaveStatus = { tone: "muted" | "busy" | "ok" | "warn" | "danger"; text: string };

/** The line the editor shows (in an aria-live region); `clock` formats a time as hh:mm. */
export function saveStatus(s: AutosaveState, clock: (iso: string) => string): SaveStatus {
  if (s.conflict) return { tone: "danger", text: "Not saved: someone else saved first. Autosave is off; your text is kept below." };
  if (s.inFlight !== null) return { tone: "busy", text: "Saving…" };
  if (s.problem) return { tone: s.blocked ? "warn" : "danger", text: s.problem.message };
  if (isDirty(s)) return { tone: "muted", text: "Unsaved changes" };
  if (s.savedAt) return { tone: "ok", text: `Saved at ${clock(s.savedAt)}` };
  return { tone: "muted", text: "No changes yet" };
}
