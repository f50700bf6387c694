/**
 * Scheduled maintenance in the status page's Atom feed: one entry per maintenance, its id fixed,
 * its `updated` moving when it is edited, starts, ends or is cancelled. Pure.
 */
import type { PublicMaintenance } from "./maintenance-dto";
import { maintenanceAnchor, type AtomEntry } from "./feed";
import { formatWindowUtc } from "./format";
import { maintenancePhaseLabels } from "./maintenance-state";

/** The last time the entry's news changed: an edit or cancellation, its start, its end. */
export function maintenanceUpdatedMs(m: PublicMaintenance, nowMs: number): number {
  if (m.cancelledMs !== null) return Math.max(m.updatedMs, m.cancelledMs);
  return Math.max(m.updatedMs, ...[m.startsMs, m.endsMs].filter((t) => t <= nowMs));
}

/** The public text of a maintenance: its description, window and affected components. */
export function maintenanceText(m: { description: string; startsMs: number; endsMs: number; componentNames: readonly string[] }): string[] {
  return [...(m.description ? [m.description, ""] : []), `Window: ${formatWindowUtc(m.startsMs, m.endsMs)}`, `Affected: ${m.componentNames.join(", ")}`];
}

export function maintenanceAtomEntry(baseUrl: string, m: PublicMaintenance, nowMs: number): AtomEntry {
  const status = maintenancePhaseLabels[m.phase];
  return {
    url: `${baseUrl}/status#${maintenanceAnchor(m.id)}`,
    title: `Scheduled maintenance: ${m.title} — ${status}`,
    updatedMs: maintenanceUpdatedMs(m, nowMs),
    publishedMs: m.createdMs,
    content: [`Status: ${status}`, ...maintenanceText({ ...m, componentNames: m.components.map((c) => c.name) })].join("\n"),
  };
}
