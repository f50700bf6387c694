/**
 * Which sections of a document are written. Publishing needs every required section written,
 * except action items (an incident may honestly need none; reviewers judge) and SLO impact
 * (computed by Keel, not written).
 */
import type { Impact, PostmortemDocument } from "./document";
import { textKeys, type PostmortemTemplate, type TemplateSection } from "./template";

const filled = (s: string | undefined) => !!s && s.trim() !== "";

/** Whether any impact figure is filled in. */
export function impactHasFigures(i: Impact): boolean {
  return [i.usersAffected, i.trafficPercent, i.durationMinutes, i.supportTickets].some((v) => v !== null) || filled(i.revenueImpact) || i.services.length > 0;
}

/** Whether a section has anything in it: its text, or its structured data. */
export function hasContent(doc: PostmortemDocument, section: TemplateSection, counts: { actionItems?: number; sloImpactRows?: number } = {}): boolean {
  // Text: a markdown section's (or its parts'), or the free text under a structured section's key.
  if (textKeys(section).some((k) => filled(doc.sections[k]))) return true;
  switch (section.kind) {
    case "markdown":
      return false;
    case "impact":
      return impactHasFigures(doc.impact);
    case "timeline":
      return doc.timeline.length > 0;
    case "five_whys":
      return doc.fiveWhys.whys.some(filled) || filled(doc.fiveWhys.rootCause);
    case "links":
      return doc.links.length > 0;
    case "action_items":
      return (counts.actionItems ?? 0) > 0;
    case "slo_impact":
      return (counts.sloImpactRows ?? 0) > 0;
  }
}

/** Headings of required, visible sections still empty (action items and SLO impact are not checked). */
export function unwrittenRequired(doc: PostmortemDocument, template: PostmortemTemplate): string[] {
  return template.sections
    .filter((s) => s.required && !s.hidden && s.kind !== "action_items" && s.kind !== "slo_impact")
    .filter((s) => !hasContent(doc, s))
    .map((s) => s.heading);
}
