import { describe, expect, it } from "vitest";
import { emptyDocument, postmortemDocumentSchema, type PostmortemDocument, type TimelineRow } from "./document";
import { buildDocument, draftFrom, editorErrorKey, editorReducer, fromUtcLocalInput, nextRowTime, splitTags, utcLocalInput, type EditorAction, type EditorState } from "./editor-state";

const imported = (id: number, at: string): TimelineRow => ({ id: `inc-${id}`, at, text: `entry ${id}`, kind: "status", source: "incident", incidentEntryId: id, edited: false });

function sample(): PostmortemDocument {
  const d = emptyDocument("Checkout answered 502");
  d.sections = { summary: "A third of checkouts failed.", "resolution.immediateFix": "Rolled back." };
  d.impact = { usersAffected: 1200, trafficPercent: 33.5, services: ["Checkout API", "Payments"], durationMinutes: 47, revenueImpact: "about $12,000", supportTickets: 14 };
  d.timeline = [imported(1, "2025-03-01T14:00:00.000Z"), imported(2, "2025-03-01T14:10:00.000Z")];
  d.fiveWhys = { whys: ["The pool ran out.", "Timeouts were too long."], rootCause: "No load test of the pool size." };
  d.links = [{ label: "Dashboard", url: "https://grafana.example.com/d/1" }];
  return d;
}

const apply = (s: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, s);

describe("editor state", () => {
  it("round-trips a saved document unchanged, and the result passes the save schema", () => {
    const doc = sample();
    const built = buildDocument(draftFrom(doc, ["db", "checkout"]));
    expect(built).toEqual({ ok: true, document: doc, tags: ["db", "checkout"] });
    expect(postmortemDocumentSchema.safeParse(built.ok && built.document).success).toBe(true);
  });

  it("keeps number boxes as typed and reports the ones that are not numbers, without losing them", () => {
    const s = apply(draftFrom(sample(), []), { type: "impact", field: "usersAffected", value: "12 000" }, { type: "impact", field: "supportTickets", value: "14a" });
    expect(s.impact.supportTickets).toBe("14a");
    const built = buildDocument(s);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.fieldErrors).toEqual({ "impact.supportTickets": ["Support tickets is a whole number, 0 or more."] });
      expect(built.message).toBe("Not saved yet: Support tickets is a whole number, 0 or more.");
    }
    const fixed = buildDocument(apply(s, { type: "impact", field: "supportTickets", value: "1,400" }));
    expect(fixed.ok && fixed.document.impact).toMatchObject({ usersAffected: 12000, supportTickets: 1400 });
  });

  it("reads the traffic share as a number from 0 to 100 and blanks as null", () => {
    const at = (v: string) => buildDocument(apply(draftFrom(sample(), []), { type: "impact", field: "trafficPercent", value: v }));
    expect(at("12,5").ok && (at("12,5") as { document: PostmortemDocument }).document.impact.trafficPercent).toBe(12.5);
    expect(at("100").ok).toBe(true);
    expect(at("100.1").ok).toBe(false);
    expect(at("-1").ok).toBe(false);
    const blank = at("  ");
    expect(blank.ok && blank.document.impact.trafficPercent).toBeNull();
  });

  it("requires a title", () => {
    const built = buildDocument(apply(draftFrom(sample(), []), { type: "title", value: "  " }));
    expect(built.ok === false && built.fieldErrors.title).toEqual(["Title is required."]);
  });

  it("splits services and tags, dropping blanks and duplicate tags", () => {
    const s = apply(draftFrom(sample(), []), { type: "impact", field: "services", value: " Checkout API, ,Search " }, { type: "tags", value: "DB, db  checkout,," });
    const built = buildDocument(s);
    expect(built.ok && built.document.impact.services).toEqual(["Checkout API", "Search"]);
    expect(built.ok && built.tags).toEqual(["db", "checkout"]);
    expect(splitTags("")).toEqual([]);
  });

  it("edits sections, dropping cleared ones from the saved document", () => {
    const s = apply(draftFrom(sample(), []), { type: "section", key: "summary", value: "" }, { type: "section", key: "custom-comms", value: "Sent at 14:20." });
    expect(s.sections.summary).toBe("");
    const built = buildDocument(s);
    expect(built.ok && built.document.sections).toEqual({ "resolution.immediateFix": "Rolled back.", "custom-comms": "Sent at 14:20." });
  });

  it("adds, edits and removes timeline rows; a removed imported row is dismissed so re-sync leaves it out", () => {
    let s = apply(draftFrom(sample(), []), { type: "row.add", id: "m-1", at: "2025-03-01T14:05:00.000Z", text: "Paged the DB team" });
    expect(s.timeline.map((r) => r.id)).toEqual(["inc-1", "m-1", "inc-2"]);
    s = apply(s, { type: "row.edit", id: "inc-2", patch: { text: "Resolved after rollback" } });
    expect(s.timeline.find((r) => r.id === "inc-2")).toMatchObject({ text: "Resolved after rollback", edited: true });
    s = apply(s, { type: "row.remove", id: "inc-1" }, { type: "row.remove", id: "m-1" });
    expect(s.timeline.map((r) => r.id)).toEqual(["inc-2"]);
    expect(s.timelineDismissed).toEqual([1]);
    const built = buildDocument(s);
    expect(built.ok && built.document.timelineDismissed).toEqual([1]);
    expect(apply(s, { type: "row.undismissAll" }).timelineDismissed).toEqual([]);
  });

  it("adds, edits and removes whys and sets the root cause", () => {
    const s = apply(draftFrom(sample(), []), { type: "why.add" }, { type: "why.set", index: 2, value: "Nobody owned the pool size." }, { type: "why.remove", index: 0 }, { type: "rootCause", value: "Capacity limits had no owner." });
    expect(s.whys).toEqual(["Timeouts were too long.", "Nobody owned the pool size."]);
    const built = buildDocument(s);
    expect(built.ok && built.document.fiveWhys).toEqual({ whys: ["Timeouts were too long.", "Nobody owned the pool size."], rootCause: "Capacity limits had no owner." });
  });

  it("does not send blank link rows, and maps the server's link errors back to the editor's rows", () => {
    const s = apply(draftFrom(sample(), []), { type: "link.add" }, { type: "link.add" }, { type: "link.set", index: 2, field: "label", value: "Ticket" }, { type: "link.set", index: 0, field: "url", value: " https://grafana.example.com/d/2 " });
    const built = buildDocument(s);
    expect(built.ok && built.document.links).toEqual([
      { label: "Dashboard", url: "https://grafana.example.com/d/2" },
      { label: "Ticket", url: "" },
    ]);
    expect(s.links).toHaveLength(3);
    expect(editorErrorKey("links.1.url", s)).toBe("links.2.url");
    expect(editorErrorKey("links.0", s)).toBe("links.0");
    expect(editorErrorKey("title", s)).toBe("title");
    expect(apply(s, { type: "link.remove", index: 1 }).links.map((l) => l.label)).toEqual(["Dashboard", "Ticket"]);
  });

  it("replaces everything only when asked to", () => {
    const other = draftFrom(emptyDocument("Theirs"), ["x"]);
    expect(apply(draftFrom(sample(), []), { type: "replace", state: other })).toBe(other);
  });

  it("converts UTC datetime-local values both ways", () => {
    expect(utcLocalInput("2025-03-01T14:05:30.000Z")).toBe("2025-03-01T14:05");
    expect(utcLocalInput("nope")).toBe("");
    expect(fromUtcLocalInput("2025-03-01T14:05")).toBe("2025-03-01T14:05:00.000Z");
    expect(fromUtcLocalInput("2025-03-01T14:05:07")).toBe("2025-03-01T14:05:07.000Z");
    expect(fromUtcLocalInput("")).toBeNull();
    expect(fromUtcLocalInput("2025-13-01T14:05")).toBeNull();
  });

  it("places a new row a minute after the last one", () => {
    expect(nextRowTime(sample().timeline, "2025-01-01T00:00:00.000Z")).toBe("2025-03-01T14:11:00.000Z");
    expect(nextRowTime([], "2025-01-01T00:00:00.000Z")).toBe("2025-01-01T00:00:00.000Z");
  });
});
