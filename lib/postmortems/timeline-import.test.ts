import { describe, expect, it } from "vitest";
import { LIMITS } from "./document";
import { importRowId, importableEntries, isImportable, linkFromEntry, rowFromEntry, rowText, type IncidentEntry } from "./timeline-import";

const e = (over: Partial<IncidentEntry>): IncidentEntry => ({ id: 1, at: "2025-03-01T14:00:00+01:00", kind: "note", body: "text", ...over });

describe("timeline import", () => {
  it("imports the kinds that tell the story and not the bookkeeping", () => {
    const yes = ["status", "severity", "note", "action", "alert_firing", "alert_resolved", "status_update"] as const;
    const no = ["role", "edit", "link", "timestamp_edit"] as const;
    for (const kind of yes) expect(isImportable(e({ kind })), kind).toBe(true);
    for (const kind of no) expect(isImportable(e({ kind })), kind).toBe(false);
  });

  it("maps an entry to an unedited row with a stable id and the time in UTC", () => {
    expect(rowFromEntry(e({ id: 12, kind: "action", body: "  Rolled back  " }))).toEqual({
      id: "inc-12",
      at: "2025-03-01T13:00:00.000Z",
      text: "Rolled back",
      kind: "action",
      source: "incident",
      incidentEntryId: 12,
      edited: false,
    });
    expect(importRowId(5)).toBe("inc-5");
    expect(rowFromEntry(e({ id: 3 }), "custom-id").id).toBe("custom-id");
  });

  it("labels empty entries by kind and cuts long ones to the row limit", () => {
    expect(rowText(e({ kind: "status", body: " " }))).toBe("Status changed");
    expect(rowText(e({ kind: "status_update", body: "" }))).toBe("Status page updated");
    expect(rowText(e({ kind: "note", body: "" }))).toBe("");
    const long = rowText(e({ body: "x".repeat(LIMITS.rowChars * 2) }));
    expect(long).toHaveLength(LIMITS.rowChars);
    expect(long.endsWith("…")).toBe(true);
  });

  it("orders importable entries by time, then by id", () => {
    const list = [e({ id: 3, at: "2025-03-01T14:00:00Z" }), e({ id: 1, at: "2025-03-01T15:00:00Z" }), e({ id: 2, at: "2025-03-01T14:00:00Z" }), e({ id: 4, kind: "role" })];
    expect(importableEntries(list).map((x) => x.id)).toEqual([2, 3, 1]);
  });

  it("turns link entries with an http(s) URL into links, and nothing else", () => {
    expect(linkFromEntry(e({ kind: "link", body: " Grafana ", data: { url: " https://grafana.example.com/d/x " } }))).toEqual({ label: "Grafana", url: "https://grafana.example.com/d/x" });
    expect(linkFromEntry(e({ kind: "link", data: { url: "javascript:alert(1)" } }))).toBeNull();
    expect(linkFromEntry(e({ kind: "link", data: { url: 42 } }))).toBeNull();
    expect(linkFromEntry(e({ kind: "link" }))).toBeNull();
    expect(linkFromEntry(e({ kind: "note", data: { url: "https://e.com" } }))).toBeNull();
  });
});
