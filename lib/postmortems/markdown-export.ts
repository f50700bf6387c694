/**
 * A postmortem as one Markdown document (GFM): a metadata header, then every visible section of
 * the template in its order, each under its heading even when empty ("_Not written yet._").
 * Hidden sections that still hold text are exported too, and text under keys the template no
 * longer has goes under "Other notes": an export never drops what someone wrote.
 *
 * Authors' Markdown is kept (it is Markdown), with its headings pushed below the section's; values
 * that are not Markdown (names, titles, table data) are escaped; table cells cannot leak out of
 * their cell (pipes escaped, line breaks flattened); links are http(s)/mailto only. Times are UTC.
 */
import type { Severity } from "@/lib/incidents/severity";
import { CATEGORY_LABELS, STATUS_LABELS, type ActionItem } from "./action-items";
import { hasContent, impactHasFigures } from "./completeness";
import { ROW_KIND_LABELS, type PostmortemDocument } from "./document";
import { demoteHeadings, escapeCell, escapeInline, markdownLink, plainCell } from "./markdown-escape";
import { REVIEW_LABELS, type ReviewStatus } from "./review";
import type { SloImpactSnapshot } from "./slo-impact";
import { textKeys, type PostmortemTemplate, type TemplateSection } from "./template";
import { minutesText, utcMinute } from "./time-text";

export type ExportContext = {
  incidentRef: string;
  severity: Severity;
  status: ReviewStatus;
  startedAt: string;
  resolvedAt: string | null;
  durationMinutes: number | null;
  commander: string | null;
  services: readonly string[];
  authors?: readonly string[];
  dueAt?: string | null;
  publishedAt?: string | null;
  actionItems: readonly ActionItem[];
  /** null: not computed yet. */
  sloImpact: SloImpactSnapshot | null;
};

export const NOT_WRITTEN = "_Not written yet._";
export const NOT_COMPUTED = "_Not computed yet._";

const STATE_LABELS = { healthy: "Healthy", warning: "Warning", exhausted: "Exhausted", unknown: "Unknown" } as const;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

const count = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US"));
const pct = (share: number) => `${Number((share * 100).toFixed(1))} %`;

function header(doc: PostmortemDocument, ctx: ExportContext): string {
  const items: [string, string][] = [
    ["Incident", escapeInline(ctx.incidentRef)],
    ["Severity", ctx.severity],
    ["Status", REVIEW_LABELS[ctx.status]],
    ["Started", utcMinute(ctx.startedAt)],
    ["Resolved", ctx.resolvedAt ? utcMinute(ctx.resolvedAt) : "not resolved yet"],
    ["Duration", ctx.durationMinutes === null ? "—" : minutesText(ctx.durationMinutes)],
    ["Commander", ctx.commander ? escapeInline(ctx.commander) : "none"],
    ["Services", ctx.services.length ? ctx.services.map(escapeInline).join(", ") : "none"],
  ];
  if (ctx.authors?.length) items.push(["Authors", ctx.authors.map(escapeInline).join(", ")]);
  if (ctx.dueAt) items.push(["Due", utcMinute(ctx.dueAt)]);
  if (ctx.publishedAt) items.push(["Published", utcMinute(ctx.publishedAt)]);
  return [`# Postmortem: ${escapeInline(doc.title)}`, items.map(([k, v]) => `- **${k}:** ${v}`).join("\n")].join("\n\n");
}

/** The author's Markdown under a heading of `depth`, or null when blank. */
function prose(text: string | undefined, depth: number): string | null {
  return text && text.trim() ? demoteHeadings(text.trim(), depth) : null;
}

function impactBody(doc: PostmortemDocument): string {
  const i = doc.impact;
  return table(
    ["Measure", "Value"],
    [
      ["Users affected", count(i.usersAffected)],
      ["Share of traffic", i.trafficPercent === null ? "—" : `${i.trafficPercent} %`],
      ["Services", i.services.length ? plainCell(i.services.join(", ")) : "—"],
      ["Duration", i.durationMinutes === null ? "—" : minutesText(i.durationMinutes)],
      ["Revenue impact", escapeCell(i.revenueImpact)],
      ["Support tickets", count(i.supportTickets)],
    ],
  );
}

function sloImpactBody(s: SloImpactSnapshot | null): string {
  if (!s) return NOT_COMPUTED;
  if (!s.rows.length) return "_The affected services have no SLOs._";
  const rows = s.rows.map((r) => [
    plainCell(r.name),
    plainCell(r.service),
    r.consumed === null ? plainCell(`not computed${r.problem ? `: ${r.problem}` : ""}`) : pct(r.consumed),
    r.stateBefore === r.stateAfter ? `${STATE_LABELS[r.stateAfter]} (unchanged)` : `${STATE_LABELS[r.stateBefore]} → ${STATE_LABELS[r.stateAfter]}`,
    plainCell(r.dataSource),
  ]);
  const note = `_Computed ${utcMinute(s.computedAt)} over the incident window ${utcMinute(s.from)} to ${utcMinute(s.to)}._`;
  return [table(["SLO", "Service", "Budget consumed", "Policy state", "Data source"], rows), note].join("\n\n");
}

function timelineBody(doc: PostmortemDocument): string | null {
  if (!doc.timeline.length) return null;
  const source = (r: PostmortemDocument["timeline"][number]) => (r.source === "manual" ? "Added" : r.edited ? "Incident, edited" : "Incident");
  return table(
    ["Time (UTC)", "Kind", "Event", "Source"],
    doc.timeline.map((r) => [utcMinute(r.at).replace(" UTC", ""), ROW_KIND_LABELS[r.kind] ?? r.kind, escapeCell(r.text), source(r)]),
  );
}

function fiveWhysBody(doc: PostmortemDocument): string | null {
  const whys = doc.fiveWhys.whys.map((w) => w.replace(/\s+/g, " ").trim()).filter(Boolean);
  const root = prose(doc.fiveWhys.rootCause, 2);
  if (!whys.length && !root) return null;
  const parts: string[] = [];
  if (whys.length) parts.push(`### 5 Whys\n\n${whys.map((w, i) => `${i + 1}. ${w}`).join("\n")}`);
  parts.push(`**Root cause:**${root ? `\n\n${root}` : " not written yet."}`);
  return parts.join("\n\n");
}

function actionItemsBody(items: readonly ActionItem[]): string | null {
  if (!items.length) return null;
  return table(
    ["Title", "Category", "Priority", "Owner", "Due", "Status", "Link"],
    items.map((a) => [
      escapeCell(a.title),
      CATEGORY_LABELS[a.category],
      a.priority,
      a.owner ? plainCell(a.owner) : "—",
      a.dueDate ?? "—",
      STATUS_LABELS[a.status],
      a.link ? markdownLink("link", a.link) : "—",
    ]),
  );
}

function linksBody(doc: PostmortemDocument): string | null {
  return doc.links.length ? doc.links.map((l) => `- ${markdownLink(l.label, l.url)}`).join("\n") : null;
}

function sectionBody(doc: PostmortemDocument, s: TemplateSection, ctx: ExportContext): string {
  if (s.kind === "markdown" && s.parts?.length) {
    if (!hasContent(doc, s)) return NOT_WRITTEN;
    return s.parts.map((p) => `### ${escapeInline(p.heading)}\n\n${prose(doc.sections[`${s.key}.${p.key}`], 3) ?? NOT_WRITTEN}`).join("\n\n");
  }
  const narrative = prose(doc.sections[s.key], 2);
  let structured: string | null = null;
  switch (s.kind) {
    case "markdown":
      return narrative ?? NOT_WRITTEN;
    case "impact":
      structured = impactHasFigures(doc.impact) ? impactBody(doc) : null;
      break;
    case "slo_impact":
      // Computed: always says what it has (or that it is not computed), then any notes.
      return [sloImpactBody(ctx.sloImpact), narrative].filter(Boolean).join("\n\n");
    case "timeline":
      structured = timelineBody(doc);
      break;
    case "five_whys":
      structured = fiveWhysBody(doc);
      break;
    case "action_items":
      structured = actionItemsBody(ctx.actionItems);
      break;
    case "links":
      structured = linksBody(doc);
      break;
  }
  const body = [structured, narrative].filter(Boolean).join("\n\n");
  return body || NOT_WRITTEN;
}

/** Text under keys no template section claims (e.g. a custom section since removed). */
function orphans(doc: PostmortemDocument, template: PostmortemTemplate): [string, string][] {
  const claimed = new Set(template.sections.flatMap(textKeys));
  return Object.entries(doc.sections).filter(([k, v]) => !claimed.has(k) && v.trim() !== "");
}

export function postmortemMarkdown(doc: PostmortemDocument, template: PostmortemTemplate, ctx: ExportContext): string {
  const blocks = [header(doc, ctx)];
  for (const s of template.sections) {
    // A hidden section still appears when someone wrote in it (a computed SLO impact alone does not count).
    if (s.hidden && !hasContent(doc, s, { actionItems: ctx.actionItems.length })) continue;
    blocks.push(`## ${escapeInline(s.heading)}`, sectionBody(doc, s, ctx));
  }
  const extra = orphans(doc, template);
  if (extra.length) {
    blocks.push("## Other notes", ...extra.flatMap(([k, v]) => [`### ${escapeInline(k)}`, prose(v, 3)!]));
  }
  return `${blocks.join("\n\n")}\n`;
}
