import { describe, expect, it } from "vitest";
import type { TimelineRow } from "./document";
import { addRow, editRow, removeRow, revertRow, sortRows, undismissEntry } from "./timeline-rows";

const imported = (id: number, at: string, text = `entry ${id}`): TimelineRow => ({ id: `inc-${id}`, at, text, kind: "note", source: "incident", incidentEntryId: id, edited: false });
const rows: TimelineRow[] = [imported(1, "2025-03-01T14:00:00.000Z"), imported(2, "2025-03-01T14:10:00.000Z")];
const frozen = structuredClone(rows);

describe("timeline rows", () => {
  it("sorts by time, keeping the order of equal times, unreadable times last", () => {
    const a = imported(1, "2025-03-01T14:00:00Z");
    const b = imported(2, "2025-03-01T13:00:00Z");
    const c = imported(3, "2025-03-01T14:00:00Z");
    const bad = imported(4, "not a time");
    expect(sortRows([bad, a, b, c]).map((r) => r.id)).toEqual(["inc-2", "inc-1", "inc-3", "inc-4"]);
    expect(sortRows([c, b, a]).map((r) => r.id)).toEqual(["inc-2", "inc-3", "inc-1"]);
  });

  it("adds a manual row in time order and refuses a duplicate id", () => {
    const out = addRow(rows, { id: "m1", at: "2025-03-01T14:05:00.000Z", text: "Paged the DB team" });
    expect(out.map((r) => r.id)).toEqual(["inc-1", "m1", "inc-2"]);
    expect(out[1]).toEqual({ id: "m1", at: "2025-03-01T14:05:00.000Z", text: "Paged the DB team", kind: "note", source: "manual", edited: false });
    expect(() => addRow(out, { id: "m1", at: "2025-03-01T15:00:00Z", text: "again" })).toThrow('A timeline row with id "m1" already exists.');
    expect(rows).toEqual(frozen);
  });

  it("marks an imported row edited only when something changes, and re-sorts when its time moves", () => {
    expect(editRow(rows, "inc-1", { text: "entry 1" })).toEqual(rows);
    expect(editRow(rows, "inc-1", { text: undefined })).toEqual(rows);
    const out = editRow(rows, "inc-1", { at: "2025-03-01T14:20:00.000Z", text: "Rolled back" });
    expect(out.map((r) => r.id)).toEqual(["inc-2", "inc-1"]);
    expect(out[1]).toMatchObject({ at: "2025-03-01T14:20:00.000Z", text: "Rolled back", edited: true, source: "incident", incidentEntryId: 1 });
    expect(editRow(rows, "inc-2", { kind: "action" })[1]).toMatchObject({ kind: "action", edited: true });
    expect(editRow(rows, "missing", { text: "x" })).toEqual(rows);
    expect(rows).toEqual(frozen);
  });

  it("removing an imported row dismisses its entry once; removing an added row dismisses nothing", () => {
    const withManual = addRow(rows, { id: "m1", at: "2025-03-01T14:05:00Z", text: "x" });
    const t1 = removeRow({ timeline: withManual, timelineDismissed: [] }, "inc-2");
    expect(t1.timeline.map((r) => r.id)).toEqual(["inc-1", "m1"]);
    expect(t1.timelineDismissed).toEqual([2]);
    const t2 = removeRow(t1, "m1");
    expect(t2).toEqual({ timeline: [withManual[0]], timelineDismissed: [2] });
    const same = { timeline: rows, timelineDismissed: [] };
    expect(removeRow(same, "missing")).toBe(same);
    // Dismissing an entry already dismissed does not list it twice.
    expect(removeRow({ timeline: rows, timelineDismissed: [1] }, "inc-1").timelineDismissed).toEqual([1]);
  });

  it("reverts an edited imported row so re-sync may refresh it; added rows stay as they are", () => {
    const edited = editRow(rows, "inc-1", { text: "mine" });
    expect(revertRow(edited, "inc-1")[0]).toMatchObject({ text: "mine", edited: false });
    const manual = addRow([], { id: "m", at: "2025-03-01T14:00:00Z", text: "x" });
    expect(revertRow(manual, "m")).toEqual(manual);
  });

  it("undismisses an entry", () => {
    expect(undismissEntry({ timeline: [], timelineDismissed: [1, 2, 3] }, 2)).toEqual({ timeline: [], timelineDismissed: [1, 3] });
  });
});
