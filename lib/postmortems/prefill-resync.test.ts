import { describe, expect, it } from "vitest";
import { LIMITS, postmortemDocumentSchema, emptyDocument, type TimelineRow } from "./document";
import { resyncTimeline } from "./prefill";
import type { IncidentEntry } from "./timeline-import";
import { addRow, editRow, removeRow, revertRow } from "./timeline-rows";

const T0 = Date.parse("2025-03-01T14:00:00Z");
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const e = (id: number, min: number, body = `entry ${id}`, kind: IncidentEntry["kind"] = "note"): IncidentEntry => ({ id, at: at(min), kind, body });

describe("resyncTimeline", () => {
  const first = [e(1, 0, "Declared", "status"), e(2, 5, "Rolled back", "action"), e(3, 10)];

  it("imports everything into an empty timeline", () => {
    const r = resyncTimeline([], first);
    expect(r).toMatchObject({ added: 3, updated: 0, keptEdited: 0, skipped: 0 });
    expect(r.rows.map((x) => x.id)).toEqual(["inc-1", "inc-2", "inc-3"]);
  });

  it("changes nothing when nothing changed (idempotent)", () => {
    const once = resyncTimeline([], first).rows;
    const twice = resyncTimeline(once, first);
    expect(twice).toEqual({ rows: once, added: 0, updated: 0, keptEdited: 0, skipped: 0 });
  });

  it("adds new entries in time order among the existing rows", () => {
    const rows = resyncTimeline([], first).rows;
    const r = resyncTimeline(rows, [...first, e(4, 7, "Late note"), e(5, 20, "Resolved", "status")]);
    expect(r.added).toBe(2);
    expect(r.rows.map((x) => x.id)).toEqual(["inc-1", "inc-2", "inc-4", "inc-3", "inc-5"]);
  });

  it("refreshes an unedited imported row whose entry changed, keeping its id", () => {
    const rows = resyncTimeline([], first).rows;
    const changed = [first[0], { ...first[1], body: "Rolled back to 2.13.4", at: at(6) }, first[2]];
    const r = resyncTimeline(rows, changed);
    expect(r).toMatchObject({ added: 0, updated: 1, keptEdited: 0 });
    expect(r.rows[1]).toEqual({ id: "inc-2", at: at(6), text: "Rolled back to 2.13.4", kind: "action", source: "incident", incidentEntryId: 2, edited: false });
  });

  it("never overwrites a row the author edited, and counts it", () => {
    const rows = editRow(resyncTimeline([], first).rows, "inc-2", { text: "Rolled back (took 4 min: the pipeline was queued)" });
    const snapshot = structuredClone(rows);
    const changed = [first[0], { ...first[1], body: "Rolled back to 2.13.4" }, first[2]];
    const r = resyncTimeline(rows, changed);
    expect(r).toMatchObject({ added: 0, updated: 0, keptEdited: 1 });
    expect(r.rows).toEqual(snapshot);
    expect(rows).toEqual(snapshot); // input untouched
  });

  it("refreshes a row again once the author reverts it", () => {
    const rows = revertRow(editRow(resyncTimeline([], first).rows, "inc-2", { text: "mine" }), "inc-2");
    const r = resyncTimeline(rows, first);
    expect(r.updated).toBe(1);
    expect(r.rows[1].text).toBe("Rolled back");
  });

  it("keeps rows the author added, even one at the same time as a new entry", () => {
    let rows = resyncTimeline([], first).rows;
    rows = addRow(rows, { id: "m1", at: at(12), text: "Asked payments to check their queue", kind: "action" });
    const r = resyncTimeline(rows, [...first, e(4, 12, "Queue drained")]);
    expect(r.rows.map((x) => x.id)).toEqual(["inc-1", "inc-2", "inc-3", "m1", "inc-4"]);
    expect(r.rows[3]).toEqual(rows[3]);
  });

  it("does not bring back an imported row the author deleted", () => {
    const doc = { timeline: resyncTimeline([], first).rows, timelineDismissed: [] as number[] };
    const after = removeRow(doc, "inc-3");
    const r = resyncTimeline(after.timeline, [...first, e(4, 30)], after.timelineDismissed);
    expect(r.rows.map((x) => x.id)).toEqual(["inc-1", "inc-2", "inc-4"]);
    expect(r.added).toBe(1);
    // Without the dismissed list the entry would come back: the list is what protects the deletion.
    expect(resyncTimeline(after.timeline, first).added).toBe(1);
  });

  it("keeps imported rows whose entry is missing from the entries given (a partial page never deletes rows)", () => {
    const rows = resyncTimeline([], first).rows;
    const r = resyncTimeline(rows, [first[0]]);
    expect(r.rows).toEqual(rows);
    expect(r).toMatchObject({ added: 0, updated: 0 });
  });

  it("ignores entries of kinds not imported", () => {
    const r = resyncTimeline([], [e(1, 0, "Commander: Bob", "role"), e(2, 1, "Title changed", "edit"), e(3, 2, "fixed", "timestamp_edit"), e(4, 3, "link", "link")]);
    expect(r.rows).toEqual([]);
  });

  it("gives a new imported row another id when an added row already has inc-<id>", () => {
    const rows = addRow([], { id: "inc-1", at: at(0), text: "mine" });
    const r = resyncTimeline(rows, [e(1, 1, "theirs")]);
    expect(r.rows.map((x) => [x.id, x.source, x.text])).toEqual([
      ["inc-1", "manual", "mine"],
      ["inc-1-2", "incident", "theirs"],
    ]);
    expect(resyncTimeline(r.rows, [e(1, 1, "theirs")]).added).toBe(0);
  });

  it("fills up to the row limit and counts the rest as skipped", () => {
    const manual = Array.from({ length: LIMITS.timelineRows - 2 }, (_, i): TimelineRow => ({ id: `m${i}`, at: at(i), text: "x", kind: "note", source: "manual", edited: false }));
    const r = resyncTimeline(manual, [e(1, 1), e(2, 2), e(3, 3), e(4, 4)]);
    expect(r).toMatchObject({ added: 2, skipped: 2 });
    expect(r.rows).toHaveLength(LIMITS.timelineRows);
    expect(r.rows.filter((x) => x.source === "incident").map((x) => x.incidentEntryId)).toEqual([1, 2]);
  });
});

// ── Randomised: many editing sessions against a growing incident timeline ──────────────────────

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const KINDS: IncidentEntry["kind"][] = ["status", "note", "action", "alert_firing", "role", "edit", "status_update", "link"];
const IMPORTED = new Set(["status", "note", "action", "alert_firing", "status_update"]);

describe("resyncTimeline, randomised", () => {
  it("never loses or changes the author's rows, imports each entry once, and keeps unedited rows equal to their entry", () => {
    const seen = { added: 0, updated: 0, keptEdited: 0, dismissed: 0 };
    for (let run = 0; run < 200; run++) {
      const rnd = prng(run + 1);
      const int = (n: number) => Math.floor(rnd() * n);
      let entries: IncidentEntry[] = [];
      let nextEntry = 1;
      let nextManual = 1;
      let doc = { ...emptyDocument("x") };
      for (let step = 0; step < 12; step++) {
        // The incident moves on: new entries, and now and then an existing entry's text changes.
        for (let k = int(5); k > 0; k--) entries.push(e(nextEntry++, int(240), `body ${nextEntry} ${int(3)}`, KINDS[int(KINDS.length)]));
        if (entries.length && rnd() < 0.3) {
          const i = int(entries.length);
          entries = entries.map((x, j) => (j === i ? { ...x, body: `${x.body} (amended)` } : x));
        }
        // The author works: edits, adds, removes, reverts.
        for (let k = int(4); k > 0; k--) {
          const rows = doc.timeline;
          const pick = rows[int(rows.length)];
          const op = int(4);
          if (op === 0 && pick) doc = { ...doc, timeline: editRow(rows, pick.id, { text: `edited ${step}`, at: rnd() < 0.3 ? at(int(240)) : undefined }) };
          if (op === 1) doc = { ...doc, timeline: addRow(rows, { id: `m${nextManual++}`, at: at(int(240)), text: `added ${step}` }) };
          if (op === 2 && pick) doc = { ...doc, ...removeRow(doc, pick.id) };
          if (op === 3 && pick) doc = { ...doc, timeline: revertRow(rows, pick.id) };
        }

        const before = structuredClone(doc.timeline);
        const r = resyncTimeline(doc.timeline, entries, doc.timelineDismissed);
        const after = r.rows;

        const afterById = new Map(after.map((x) => [x.id, x]));
        // 1. Every row the author added or edited comes back exactly as it was.
        const authors = before.filter((x) => x.source === "manual" || x.edited);
        expect(authors.map((x) => afterById.get(x.id))).toEqual(authors);
        // 2. No row is lost: the rows are the old ones (some refreshed) plus the added ones.
        expect(after).toHaveLength(before.length + r.added);
        expect(before.every((x) => afterById.has(x.id))).toBe(true);
        // 3. Each importable, non-dismissed entry is imported exactly once; dismissed ones are not brought back.
        const perEntry = new Map<number, number>();
        for (const x of after) if (x.incidentEntryId !== undefined) perEntry.set(x.incidentEntryId, (perEntry.get(x.incidentEntryId) ?? 0) + 1);
        const hadRow = new Set(before.map((x) => x.incidentEntryId));
        const wrongCounts = entries
          .filter((x) => IMPORTED.has(x.kind))
          .filter((x) => (perEntry.get(x.id) ?? 0) !== (doc.timelineDismissed.includes(x.id) && !hadRow.has(x.id) ? 0 : 1));
        expect(wrongCounts).toEqual([]);
        // 4. Unedited imported rows say what their entry says now.
        const byEntry = new Map(entries.map((x) => [x.id, x]));
        const stale = after
          .filter((x) => x.source === "incident" && !x.edited)
          .filter((row) => {
            const entry = byEntry.get(row.incidentEntryId!)!;
            return row.at !== new Date(entry.at).toISOString() || row.text !== entry.body || row.kind !== entry.kind;
          });
        expect(stale).toEqual([]);
        // The input was not mutated.
        expect(doc.timeline).toEqual(before);
        seen.added += r.added;
        seen.updated += r.updated;
        seen.keptEdited += r.keptEdited;
        seen.dismissed += doc.timelineDismissed.length;
        // 5. Sorted by time; ids unique; the document stays valid; a second pass changes nothing.
        const times = after.map((x) => Date.parse(x.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(after.map((x) => x.id)).size).toBe(after.length);
        doc = { ...doc, timeline: after };
        expect(postmortemDocumentSchema.safeParse(doc).success).toBe(true);
        expect(resyncTimeline(after, entries, doc.timelineDismissed)).toEqual({ rows: after, added: 0, updated: 0, keptEdited: r.keptEdited, skipped: 0 });
      }
    }
    // The runs really exercised every path.
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(20);
  });
});
