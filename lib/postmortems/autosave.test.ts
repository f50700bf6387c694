import { describe, expect, it } from "vitest";
import { autosaveReducer, hasUnsaved, initialAutosave, isDirty, isSettled, nextStep, saveStatus, type AutosaveEvent, type AutosaveState } from "./autosave";

const run = (events: AutosaveEvent[], s = initialAutosave(3)) => events.reduce(autosaveReducer, s);
const clock = (iso: string) => iso.slice(11, 16);
const DELAY = 2_000;

describe("autosave", () => {
  it("does nothing until something is typed", () => {
    const s = initialAutosave(3);
    expect(nextStep(s, 10_000, DELAY)).toEqual({ kind: "idle" });
    expect(isDirty(s)).toBe(false);
    expect(saveStatus(s, clock)).toEqual({ tone: "muted", text: "No changes yet" });
  });

  it("debounces: saves two seconds after the last edit, each edit pushing it back", () => {
    let s = run([{ type: "edit", at: 1_000 }]);
    expect(nextStep(s, 1_500, DELAY)).toEqual({ kind: "wait", ms: 1_500 });
    s = autosaveReducer(s, { type: "edit", at: 2_500 });
    expect(nextStep(s, 3_000, DELAY)).toEqual({ kind: "wait", ms: 1_500 });
    expect(nextStep(s, 4_499, DELAY)).toEqual({ kind: "wait", ms: 1 });
    expect(nextStep(s, 4_500, DELAY)).toEqual({ kind: "save" });
    expect(saveStatus(s, clock).text).toBe("Unsaved changes");
  });

  it("saves at once when flushed (blur, Save button)", () => {
    const s = run([{ type: "edit", at: 1_000 }, { type: "flush" }]);
    expect(nextStep(s, 1_001, DELAY)).toEqual({ kind: "save" });
  });

  it("ignores a flush with nothing new to save, so the next edit still waits for the debounce", () => {
    let s = run([{ type: "flush" }]);
    expect(s.flushRequested).toBe(false);
    s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "flush" }]);
    expect(s.flushRequested).toBe(false);
    s = autosaveReducer(s, { type: "saved", version: 4, updatedAt: "2025-03-01T14:05:00.000Z" });
    s = autosaveReducer(s, { type: "edit", at: 10_000 });
    expect(nextStep(s, 10_001, DELAY)).toEqual({ kind: "wait", ms: 1_999 });
  });

  it("sends one save at a time and carries the version forward", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }]);
    expect(s.inFlight).toBe(1);
    expect(nextStep(s, 60_000, DELAY)).toEqual({ kind: "idle" });
    expect(saveStatus(s, clock)).toEqual({ tone: "busy", text: "Saving…" });
    expect(hasUnsaved(s)).toBe(true);
    s = autosaveReducer(s, { type: "saved", version: 4, updatedAt: "2025-03-01T14:05:09.000Z" });
    expect(s.version).toBe(4);
    expect(isDirty(s)).toBe(false);
    expect(hasUnsaved(s)).toBe(false);
    expect(saveStatus(s, clock)).toEqual({ tone: "ok", text: "Saved at 14:05" });
  });

  it("saves edits typed while a save was in flight with the next save", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "edit", at: 500 }, { type: "edit", at: 900 }]);
    s = autosaveReducer(s, { type: "saved", version: 4, updatedAt: "2025-03-01T14:05:00.000Z" });
    expect(s.savedEdits).toBe(1);
    expect(isDirty(s)).toBe(true);
    expect(nextStep(s, 1_000, DELAY)).toEqual({ kind: "wait", ms: 1_900 });
    expect(nextStep(s, 2_900, DELAY)).toEqual({ kind: "save" });
  });

  it("keeps a flush requested during a save and honours it after", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "edit", at: 100 }, { type: "flush" }]);
    expect(nextStep(s, 200, DELAY)).toEqual({ kind: "idle" });
    s = autosaveReducer(s, { type: "saved", version: 4, updatedAt: "2025-03-01T14:05:00.000Z" });
    expect(nextStep(s, 300, DELAY)).toEqual({ kind: "save" });
  });

  it("stops for good on a conflict, keeping the version it was based on", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }]);
    s = autosaveReducer(s, { type: "failed", problem: { message: "Rory saved this postmortem…" }, conflict: true });
    expect(s.conflict).toBe(true);
    expect(s.version).toBe(3);
    for (const e of [{ type: "edit", at: 10_000 }, { type: "flush" }] as AutosaveEvent[]) s = autosaveReducer(s, e);
    expect(nextStep(s, 60_000, DELAY)).toEqual({ kind: "idle" });
    expect(saveStatus(s, clock).tone).toBe("danger");
    expect(hasUnsaved(s)).toBe(true);
    // A later ordinary failure does not clear the conflict.
    s = autosaveReducer(s, { type: "failed", problem: { message: "network" } });
    expect(s.conflict).toBe(true);
  });

  it("does not retry a refused save until the text changes or the author saves again", () => {
    let s: AutosaveState = run([{ type: "edit", at: 0 }, { type: "start" }]);
    s = autosaveReducer(s, { type: "failed", problem: { message: "Give an http or https URL.", fieldErrors: { "links.0.url": ["Give an http or https URL."] } } });
    expect(nextStep(s, 60_000, DELAY)).toEqual({ kind: "idle" });
    expect(saveStatus(s, clock)).toEqual({ tone: "danger", text: "Give an http or https URL." });
    expect(nextStep(autosaveReducer(s, { type: "flush" }), 60_000, DELAY)).toEqual({ kind: "save" });
    s = autosaveReducer(s, { type: "edit", at: 61_000 });
    expect(nextStep(s, 62_000, DELAY)).toEqual({ kind: "wait", ms: 1_000 });
    // The problem stays on screen until the next save answers.
    expect(s.problem?.message).toBe("Give an http or https URL.");
  });

  it("retries a failed save when edits arrived while it was in flight", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "edit", at: 100 }]);
    s = autosaveReducer(s, { type: "failed", problem: { message: "The save failed on our side." } });
    expect(nextStep(s, 2_100, DELAY)).toEqual({ kind: "save" });
  });

  it("holds a save back without sending it, and clears the hold on the next edit", () => {
    let s = run([{ type: "edit", at: 0 }]);
    s = autosaveReducer(s, { type: "blocked", problem: { message: "Say why you are changing a published postmortem." } });
    expect(s.inFlight).toBeNull();
    expect(nextStep(s, 10_000, DELAY)).toEqual({ kind: "idle" });
    expect(saveStatus(s, clock).tone).toBe("warn");
    s = autosaveReducer(s, { type: "edit", at: 10_000 });
    expect(s.problem).toBeNull();
    expect(nextStep(s, 12_000, DELAY)).toEqual({ kind: "save" });
  });

  it("starts over from a loaded version, conflict and unsaved edits gone", () => {
    let s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "saved", version: 4, updatedAt: "2025-03-01T14:05:00.000Z" }, { type: "edit", at: 5 }, { type: "start" }]);
    s = autosaveReducer(s, { type: "failed", problem: { message: "conflict" }, conflict: true });
    s = autosaveReducer(s, { type: "loaded", version: 7 });
    expect(s).toEqual({ ...initialAutosave(7), savedAt: "2025-03-01T14:05:00.000Z" });
    expect(hasUnsaved(s)).toBe(false);
  });

  it("is settled when nothing more will happen without a new edit", () => {
    expect(isSettled(initialAutosave(1))).toBe(true);
    let s = run([{ type: "edit", at: 0 }]);
    expect(isSettled(s)).toBe(false);
    s = autosaveReducer(s, { type: "start" });
    expect(isSettled(s)).toBe(false);
    s = autosaveReducer(s, { type: "saved", version: 4, updatedAt: "x" });
    expect(isSettled(s)).toBe(true);
    s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "failed", problem: { message: "no" } }]);
    expect(isSettled(s)).toBe(true);
    expect(isSettled(autosaveReducer(s, { type: "flush" }))).toBe(false);
    s = run([{ type: "edit", at: 0 }, { type: "start" }, { type: "edit", at: 1 }, { type: "failed", problem: { message: "x" }, conflict: true }]);
    expect(isSettled(s)).toBe(true);
  });

  it("ignores a stray success with no save in flight", () => {
    const s = run([{ type: "edit", at: 0 }]);
    expect(autosaveReducer(s, { type: "saved", version: 9, updatedAt: "x" })).toBe(s);
  });
});
