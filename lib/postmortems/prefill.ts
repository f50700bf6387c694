/**
 * A new postmortem prefilled from its incident, and re-syncing its timeline later without losing
 * what the author wrote. Pure: the caller loads the incident and its timeline entries.
 */
import type { IncidentImpact } from "@/db/schema";
import type { Status } from "@/lib/incidents/lifecycle";
import type { Severity } from "@/lib/incidents/severity";
import { LIMITS, emptyDocument, type PostmortemDocument, type SupportingLink, type TimelineRow } from "./document";
import { importRowId, importableEntries, linkFromEntry, rowFromEntry, type IncidentEntry } from "./timeline-import";
import { sortRows } from "./timeline-rows";
import { minutesBetween, minutesText, utcDay, utcMinute } from "./time-text";

/** What prefill needs of an incident (IncidentDto fits). */
export type IncidentForPostmortem = {
  ref: string;
  title: string;
  summary?: string;
  severity: Severity;
  status: Status;
  detectedBy?: "alert" | "user" | "customer";
  services: { slug: string; name: string }[];
  commander: { id: string; name: string; email: string } | null;
  impact: IncidentImpact;
  timestamps: { started: string; detected: string; resolved: string | null };
};

/** The incident facts a postmortem shows in its header. */
export type PostmortemMeta = {
  incidentRef: string;
  severity: Severity;
  /** The UTC day the incident started: "2025-03-01". */
  date: string;
  startedAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  /** Start to resolution, or to `now` while unresolved (then `ongoing`). */
  durationMinutes: number;
  ongoing: boolean;
  commander: { id: string; name: string } | null;
  services: { slug: string; name: string }[];
};

export type PostmortemPrefill = {
  meta: PostmortemMeta;
  document: PostmortemDocument;
  /** Importable entries left out because the timeline reached its row limit. */
  skipped: number;
};

const DETECTED_BY = { alert: "Detected by an alert", user: "Reported by a person on the team", customer: "Reported by a customer" } as const;

function detectionText(incident: IncidentForPostmortem): string {
  if (!incident.detectedBy) return "";
  const started = Date.parse(incident.timestamps.started);
  const detected = Date.parse(incident.timestamps.detected);
  const lag = minutesBetween(started, detected);
  const when = lag < 1 ? "as it started" : `${minutesText(lag)} after it started (${utcMinute(started)})`;
  return `${DETECTED_BY[incident.detectedBy]} at ${utcMinute(detected)}, ${when}.`;
}

/**
 * The postmortem for an incident: header facts, impact figures, the summary and a detection line
 * from the incident, its timeline rows (see timeline-import.ts for which entries) and its links.
 */
export function prefillFromIncident(incident: IncidentForPostmortem, timeline: readonly IncidentEntry[], now: number | Date): PostmortemPrefill {
  const nowMs = typeof now === "number" ? now : now.getTime();
  const started = Date.parse(incident.timestamps.started);
  const resolved = incident.timestamps.resolved ? Date.parse(incident.timestamps.resolved) : null;
  const durationMinutes = minutesBetween(started, resolved ?? nowMs);
  const meta: PostmortemMeta = {
    incidentRef: incident.ref,
    severity: incident.severity,
    date: utcDay(started),
    startedAt: incident.timestamps.started,
    detectedAt: incident.timestamps.detected,
    resolvedAt: incident.timestamps.resolved,
    durationMinutes,
    ongoing: resolved === null,
    commander: incident.commander ? { id: incident.commander.id, name: incident.commander.name || incident.commander.email } : null,
    services: incident.services.map((s) => ({ slug: s.slug, name: s.name })),
  };

  const doc = emptyDocument(incident.title.slice(0, LIMITS.title));
  const summary = incident.summary?.trim() ?? "";
  if (summary) doc.sections.summary = summary.slice(0, LIMITS.sectionChars);
  const detection = detectionText(incident);
  if (detection) doc.sections.detection = detection;
  const i = incident.impact;
  doc.impact = {
    usersAffected: i.usersAffected ?? null,
    trafficPercent: i.trafficPercent ?? null,
    services: incident.services.map((s) => s.name || s.slug).slice(0, LIMITS.services),
    durationMinutes,
    revenueImpact: i.revenue !== undefined && i.revenue !== null ? String(i.revenue) : "",
    supportTickets: i.supportTickets ?? null,
  };
  const sync = resyncTimeline([], timeline);
  doc.timeline = sync.rows;
  doc.links = resyncLinks([], timeline);
  return { meta, document: doc, skipped: sync.skipped };
}

export type ResyncResult = {
  rows: TimelineRow[];
  /** New entries imported. */
  added: number;
  /** Unedited imported rows refreshed from a changed entry. */
  updated: number;
  /** Imported rows left alone because the author edited them while their entry changed. */
  keptEdited: number;
  /** New entries not imported because the timeline reached its row limit. */
  skipped: number;
};

/**
 * Brings the timeline up to date with the incident's entries:
 * - an importable entry with no row (and not dismissed by the author) becomes a new row;
 * - an unedited imported row takes its entry's current time, text and kind;
 * - rows the author added or edited are returned exactly as they were;
 * - a row whose entry is missing from `entries` is kept: entries are append-only, so a missing
 *   one most likely means the caller passed only part of the timeline, and a postmortem never
 *   loses a row because of that.
 * New rows are added in time order while the row limit allows; the rest are counted as skipped.
 */
export function resyncTimeline(rows: readonly TimelineRow[], entries: readonly IncidentEntry[], dismissed: readonly number[] = []): ResyncResult {
  const byEntry = new Map(rows.filter((r) => r.incidentEntryId !== undefined).map((r) => [r.incidentEntryId!, r]));
  const skip = new Set(dismissed);
  const ids = new Set(rows.map((r) => r.id));
  const fresh: TimelineRow[] = [];
  const replaced = new Map<string, TimelineRow>();
  let updated = 0;
  let keptEdited = 0;
  let skipped = 0;

  for (const entry of importableEntries(entries)) {
    const row = byEntry.get(entry.id);
    if (row) {
      const next = rowFromEntry(entry, row.id);
      const differs = next.at !== row.at || next.text !== row.text || next.kind !== row.kind;
      if (!differs) continue;
      if (row.edited || row.source !== "incident") keptEdited++;
      else {
        replaced.set(row.id, next);
        updated++;
      }
      continue;
    }
    if (skip.has(entry.id)) continue;
    if (rows.length + fresh.length >= LIMITS.timelineRows) {
      skipped++;
      continue;
    }
    const id = freeId(importRowId(entry.id), ids);
    ids.add(id);
    fresh.push(rowFromEntry(entry, id));
  }
  const kept = rows.map((r) => replaced.get(r.id) ?? r);
  return { rows: sortRows([...kept, ...fresh]), added: fresh.length, updated, keptEdited, skipped };
}

/** "inc-7", or "inc-7-2" when an added row already took "inc-7". */
function freeId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/** The links plus those of link entries not already listed (same URL), up to the link limit. */
export function resyncLinks(links: readonly SupportingLink[], entries: readonly IncidentEntry[]): SupportingLink[] {
  const out = [...links];
  const urls = new Set(links.map((l) => l.url));
  for (const e of [...entries].sort((a, b) => a.id - b.id)) {
    const link = linkFromEntry(e);
    if (!link || urls.has(link.url) || out.length >= LIMITS.links) continue;
    urls.add(link.url);
    out.push(link);
  }
  return out;
}
