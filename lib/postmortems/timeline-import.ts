/**
 * Which incident timeline entries become postmortem timeline rows, and how.
 *
 * Imported: status moves (declared, acknowledged, mitigated, resolved, relapses), severity
 * changes, notes and actions people wrote, alerts firing and resolving, and status-page updates:
 * together they tell what happened and what was done. Left out: role changes, field edits and
 * timestamp corrections (bookkeeping about the incident record, not events of the incident).
 * Link entries become supporting-information links instead of rows.
 */
import { LIMITS, isHttpUrl, type RowKind, type SupportingLink, type TimelineRow } from "./document";

export const IMPORTED_KINDS: readonly RowKind[] = ["status", "severity", "note", "action", "alert_firing", "alert_resolved", "status_update"];

/** An incident timeline entry as the incident API returns it (TimelineEntryDto fits). */
export type IncidentEntry = { id: number; at: string; kind: RowKind; body: string; data?: Record<string, unknown> };

const FALLBACK: Partial<Record<RowKind, string>> = {
  status: "Status changed",
  severity: "Severity changed",
  alert_firing: "Alert firing",
  alert_resolved: "Alert resolved",
  status_update: "Status page updated",
};

export function isImportable(entry: IncidentEntry): boolean {
  return IMPORTED_KINDS.includes(entry.kind);
}

/** The id an imported row gets: stable, so re-syncs find it again. */
export function importRowId(entryId: number): string {
  return `inc-${entryId}`;
}

/** The text a row shows for an entry: its body (cut to the row limit), or a label for an empty one. */
export function rowText(entry: IncidentEntry): string {
  const body = entry.body.trim() || FALLBACK[entry.kind] || "";
  return body.length > LIMITS.rowChars ? `${body.slice(0, LIMITS.rowChars - 1)}…` : body;
}

/** The unedited row for an entry. */
export function rowFromEntry(entry: IncidentEntry, id = importRowId(entry.id)): TimelineRow {
  const ms = Date.parse(entry.at);
  return { id, at: Number.isNaN(ms) ? entry.at : new Date(ms).toISOString(), text: rowText(entry), kind: entry.kind, source: "incident", incidentEntryId: entry.id, edited: false };
}

/** Importable entries in time order (ties by entry id, i.e. by when they were written). */
export function importableEntries(entries: readonly IncidentEntry[]): IncidentEntry[] {
  return entries.filter(isImportable).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
}

/** A link entry as a supporting link (null when it carries no http(s) URL). */
export function linkFromEntry(entry: IncidentEntry): SupportingLink | null {
  if (entry.kind !== "link") return null;
  const url = typeof entry.data?.url === "string" ? entry.data.url.trim() : "";
  if (!isHttpUrl(url) || url.length > LIMITS.url) return null;
  return { label: entry.body.trim().slice(0, LIMITS.linkLabel), url };
}
