import { describe, expect, it } from "vitest";
import { hasContent, unwrittenRequired } from "./completeness";
import { emptyDocument, type PostmortemDocument } from "./document";
import { DEFAULT_TEMPLATE, type TemplateSection } from "./template";
import { mergeTemplate } from "./template-merge";

const section = (key: string): TemplateSection => DEFAULT_TEMPLATE.sections.find((s) => s.key === key)!;
const doc = (over: Partial<PostmortemDocument> = {}): PostmortemDocument => ({ ...emptyDocument("t"), ...over });

describe("hasContent", () => {
  it("markdown: any non-blank text; sections with parts: any part", () => {
    expect(hasContent(doc(), section("summary"))).toBe(false);
    expect(hasContent(doc({ sections: { summary: " \n " } }), section("summary"))).toBe(false);
    expect(hasContent(doc({ sections: { summary: "x" } }), section("summary"))).toBe(true);
    expect(hasContent(doc({ sections: { resolution: "x" } }), section("resolution"))).toBe(false); // text lives in parts
    expect(hasContent(doc({ sections: { "resolution.workaround": "x" } }), section("resolution"))).toBe(true);
  });

  it("structured sections: their data or free text under their key", () => {
    expect(hasContent(doc(), section("impact"))).toBe(false);
    expect(hasContent(doc({ impact: { ...emptyDocument("t").impact, supportTickets: 0 } }), section("impact"))).toBe(true);
    expect(hasContent(doc({ impact: { ...emptyDocument("t").impact, revenueImpact: "  " } }), section("impact"))).toBe(false);
    expect(hasContent(doc({ sections: { impact: "EU only" } }), section("impact"))).toBe(true);
    expect(hasContent(doc({ fiveWhys: { whys: ["", " "], rootCause: "" } }), section("rootCause"))).toBe(false);
    expect(hasContent(doc({ fiveWhys: { whys: ["why?"], rootCause: "" } }), section("rootCause"))).toBe(true);
    expect(hasContent(doc({ fiveWhys: { whys: [], rootCause: "x" } }), section("rootCause"))).toBe(true);
    expect(hasContent(doc({ links: [{ label: "", url: "https://e.com" }] }), section("supportingInformation"))).toBe(true);
    expect(hasContent(doc({ timeline: [{ id: "m", at: "2025-03-01T00:00:00Z", text: "", kind: "note", source: "manual", edited: false }] }), section("timeline"))).toBe(true);
    expect(hasContent(doc(), section("actionItems"), { actionItems: 2 })).toBe(true);
    expect(hasContent(doc(), section("actionItems"))).toBe(false);
    expect(hasContent(doc(), section("sloImpact"), { sloImpactRows: 1 })).toBe(true);
  });
});

describe("unwrittenRequired", () => {
  it("lists the empty required sections by heading, in template order, but not action items or SLO impact", () => {
    expect(unwrittenRequired(doc(), DEFAULT_TEMPLATE)).toEqual(["Summary", "Impact", "Timeline", "Root cause", "Resolution"]);
  });

  it("is empty once they are written", () => {
    const d = doc({
      sections: { summary: "s", "resolution.immediateFix": "rollback" },
      impact: { ...emptyDocument("t").impact, durationMinutes: 10 },
      timeline: [{ id: "m", at: "2025-03-01T00:00:00Z", text: "x", kind: "note", source: "manual", edited: false }],
      fiveWhys: { whys: [], rootCause: "No retry budget." },
    });
    expect(unwrittenRequired(d, DEFAULT_TEMPLATE)).toEqual([]);
  });

  it("uses the organisation's headings and required custom sections", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, { sections: { summary: { heading: "TL;DR" } }, custom: [{ key: "custom-cost", heading: "Cost", required: true }] });
    expect(unwrittenRequired(doc(), t)).toEqual(["TL;DR", "Impact", "Timeline", "Root cause", "Resolution", "Cost"]);
  });
});
