import type { ReactNode } from "react";
import { impactHasFigures } from "@/lib/postmortems/completeness";
import type { PostmortemDocument } from "@/lib/postmortems/document";
import type { SloImpactSnapshot } from "@/lib/postmortems/slo-impact";
import type { TemplateSection } from "@/lib/postmortems/template";
import { MarkdownView } from "./markdown-view";
import { ImpactTable } from "./impact-table";
import { TimelineTable } from "./timeline-table";
import { FiveWhysView } from "./five-whys-view";
import { LinksList } from "./links-list";
import { SloImpactTable } from "./slo-impact-table";

const NotWritten = () => <p className="text-sm text-muted italic">Not written yet.</p>;

function Prose({ text }: { text: string | undefined }) {
  return text?.trim() ? <MarkdownView source={text} /> : null;
}

/**
 * One template section of the read view, by kind: authors' Markdown (sanitized by MarkdownView),
 * the structured parts as tables and lists, and any notes written under a structured section.
 */
export function SectionView({
  section,
  doc,
  sloImpact,
  actionItems,
}: {
  section: TemplateSection;
  doc: PostmortemDocument;
  sloImpact: SloImpactSnapshot | null;
  /** The action items table and its forms, drawn by the page. */
  actionItems: ReactNode;
}) {
  const notes = doc.sections[section.key];
  switch (section.kind) {
    case "markdown":
      if (section.parts?.length) {
        return (
          <div className="space-y-3">
            {section.parts.map((p) => {
              const text = doc.sections[`${section.key}.${p.key}`];
              return (
                <div key={p.key}>
                  <h3 className="text-sm font-semibold">{p.heading}</h3>
                  {text?.trim() ? <MarkdownView source={text} headingOffset={3} /> : <NotWritten />}
                </div>
              );
            })}
          </div>
        );
      }
      return notes?.trim() ? <MarkdownView source={notes} /> : <NotWritten />;
    case "impact":
      return impactHasFigures(doc.impact) || notes?.trim() ? (
        <div className="space-y-2">
          {impactHasFigures(doc.impact) && <ImpactTable impact={doc.impact} />}
          <Prose text={notes} />
        </div>
      ) : (
        <NotWritten />
      );
    case "slo_impact":
      return (
        <div className="space-y-2">
          <SloImpactTable snapshot={sloImpact} />
          <Prose text={notes} />
        </div>
      );
    case "timeline":
      return doc.timeline.length || notes?.trim() ? (
        <div className="space-y-2">
          {doc.timeline.length > 0 && <TimelineTable rows={doc.timeline} />}
          <Prose text={notes} />
        </div>
      ) : (
        <NotWritten />
      );
    case "five_whys":
      return doc.fiveWhys.whys.some((w) => w.trim()) || doc.fiveWhys.rootCause.trim() || notes?.trim() ? (
        <div className="space-y-2">
          <FiveWhysView fiveWhys={doc.fiveWhys} />
          <Prose text={notes} />
        </div>
      ) : (
        <NotWritten />
      );
    case "action_items":
      return (
        <div className="space-y-2">
          {actionItems}
          <Prose text={notes} />
        </div>
      );
    case "links":
      return doc.links.length || notes?.trim() ? (
        <div className="space-y-2">
          {doc.links.length > 0 && <LinksList links={doc.links} />}
          <Prose text={notes} />
        </div>
      ) : (
        <NotWritten />
      );
  }
}
