/**
 * Editing the postmortem timeline: add, edit, remove and revert rows. Every function returns new
 * arrays (the input is never mutated) sorted by time, ties kept in their existing order.
 * Editing an imported row marks it `edited`, so a later re-sync never overwrites it; removing one
 * records its incident entry as dismissed, so a re-sync never brings it back.
 */
import type { PostmortemDocument, RowKind, TimelineRow } from "./document";

type Timeline = Pick<PostmortemDocument, "timeline" | "timelineDismissed">;

/** Rows by time (stable: equal times keep their order). Rows with an unreadable time go last. */
export function sortRows(rows: readonly TimelineRow[]): TimelineRow[] {
  const t = (r: TimelineRow) => {
    const ms = Date.parse(r.at);
    return Number.isNaN(ms) ? Infinity : ms;
  };
  return rows
    .map((r, i) => ({ r, i, t: t(r) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : a.t < b.t ? -1 : 1))
    .map((x) => x.r);
}

/** Adds a row the author wrote (source manual). `id` must be unique; a uuid is a good choice. */
export function addRow(rows: readonly TimelineRow[], row: { id: string; at: string; text: string; kind?: RowKind }): TimelineRow[] {
  if (rows.some((r) => r.id === row.id)) throw new Error(`A timeline row with id "${row.id}" already exists.`);
  return sortRows([...rows, { id: row.id, at: row.at, text: row.text, kind: row.kind ?? "note", source: "manual", edited: false }]);
}

export type RowPatch = Partial<Pick<TimelineRow, "at" | "text" | "kind">>;

/** Changes a row's time, text or kind. A change that changes nothing leaves the row (and its flag) as it was. */
export function editRow(rows: readonly TimelineRow[], id: string, patch: RowPatch): TimelineRow[] {
  return sortRows(
    rows.map((r) => {
      if (r.id !== id) return r;
      const next = { ...r, ...definedOf(patch) };
      const changed = next.at !== r.at || next.text !== r.text || next.kind !== r.kind;
      return changed ? { ...next, edited: true } : r;
    }),
  );
}

/** Removes a row; an imported one's entry is remembered as dismissed. */
export function removeRow(timeline: Timeline, id: string): Timeline {
  const row = timeline.timeline.find((r) => r.id === id);
  if (!row) return timeline;
  const dismissed = row.incidentEntryId !== undefined && !timeline.timelineDismissed.includes(row.incidentEntryId);
  return {
    timeline: timeline.timeline.filter((r) => r.id !== id),
    timelineDismissed: dismissed ? [...timeline.timelineDismissed, row.incidentEntryId!] : timeline.timelineDismissed,
  };
}

/**
 * Hands an edited imported row back to the incident: the next re-sync refreshes it from its entry.
 * Added rows have no entry and are returned unchanged.
 */
export function revertRow(rows: readonly TimelineRow[], id: string): TimelineRow[] {
  return rows.map((r) => (r.id === id && r.source === "incident" ? { ...r, edited: false } : r));
}

/** Lets re-sync import a dismissed entry again. */
export function undismissEntry(timeline: Timeline, entryId: number): Timeline {
  return { ...timeline, timelineDismissed: timeline.timelineDismissed.filter((id) => id !== entryId) };
}

function definedOf(p: RowPatch): RowPatch {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as RowPatch;
}
