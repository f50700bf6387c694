import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE, SECTION_KINDS, sectionOfKind, templateSchema, textKeys, visibleSections, type PostmortemTemplate, type TemplateSection } from "./template";

// The seeds' sections written out by hand, in order, with SLO impact and action items placed where exports show them.
const EXPECTED = [
  ["summary", "Summary", "markdown", true],
  ["impact", "Impact", "impact", true],
  ["sloImpact", "SLO impact", "slo_impact", false],
  ["timeline", "Timeline", "timeline", true],
  ["rootCause", "Root cause", "five_whys", true],
  ["trigger", "Trigger", "markdown", false],
  ["detection", "Detection", "markdown", false],
  ["resolution", "Resolution", "markdown", true],
  ["whatWentWell", "What went well", "markdown", false],
  ["whatWentWrong", "What went wrong", "markdown", false],
  ["whereWeGotLucky", "Where we got lucky", "markdown", false],
  ["lessonsLearned", "Lessons learned", "markdown", false],
  ["actionItems", "Action items", "action_items", true],
  ["supportingInformation", "Supporting information", "links", false],
] as const;

const sec = (over: Partial<TemplateSection>): TemplateSection => ({ key: "x", heading: "X", kind: "markdown", hint: "", required: false, hidden: false, custom: false, ...over });
const issues = (t: unknown) => {
  const r = templateSchema.safeParse(t);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the default template", () => {
  it("has the seeds' sections in order, with their kinds and which are required", () => {
    expect(DEFAULT_TEMPLATE.sections.map((s) => [s.key, s.heading, s.kind, s.required])).toEqual(EXPECTED);
  });

  it("is a valid template: every section visible, built in, with a hint", () => {
    expect(issues(DEFAULT_TEMPLATE)).toEqual([]);
    for (const s of DEFAULT_TEMPLATE.sections) {
      expect(s.hidden).toBe(false);
      expect(s.custom).toBe(false);
      expect(s.hint.length).toBeGreaterThan(10);
    }
    expect(visibleSections(DEFAULT_TEMPLATE)).toHaveLength(EXPECTED.length);
  });

  it("splits resolution into immediate fix and workaround, stored under dotted keys", () => {
    const resolution = DEFAULT_TEMPLATE.sections.find((s) => s.key === "resolution")!;
    expect(resolution.parts?.map((p) => p.heading)).toEqual(["Immediate fix", "Workaround"]);
    expect(textKeys(resolution)).toEqual(["resolution.immediateFix", "resolution.workaround"]);
    expect(textKeys(DEFAULT_TEMPLATE.sections[0])).toEqual(["summary"]);
  });

  it("has one section of each structured kind", () => {
    for (const kind of SECTION_KINDS.filter((k) => k !== "markdown")) {
      expect(DEFAULT_TEMPLATE.sections.filter((s) => s.kind === kind)).toHaveLength(1);
      expect(sectionOfKind(DEFAULT_TEMPLATE, kind)?.kind).toBe(kind);
    }
  });
});

describe("templateSchema", () => {
  const ok: PostmortemTemplate = { sections: [sec({ key: "a" }), sec({ key: "b", kind: "timeline" })] };

  it("accepts a small valid template", () => {
    expect(issues(ok)).toEqual([]);
  });

  it.each([
    ["no sections", { sections: [] }, "sections: A template needs at least one section."],
    ["a duplicate key", { sections: [sec({ key: "a" }), sec({ key: "a" })] }, 'sections.1.key: Section key "a" is used twice.'],
    ["two timelines", { sections: [sec({ key: "a", kind: "timeline" }), sec({ key: "b", kind: "timeline" })] }, "sections.1.kind: Only one timeline section is allowed."],
    ["a hidden required section", { sections: [sec({ required: true, hidden: true, heading: "Summary" })] }, 'sections.0.hidden: "Summary" is required and cannot be hidden.'],
    ["a structured custom section", { sections: [sec({ custom: true, kind: "links" })] }, "sections.0.kind: Custom sections are markdown text."],
    ["parts on a structured section", { sections: [sec({ kind: "impact", parts: [{ key: "p", heading: "P", hint: "" }] })] }, "sections.0.parts: Only markdown sections have parts."],
    ["duplicate parts", { sections: [sec({ parts: [{ key: "p", heading: "P", hint: "" }, { key: "p", heading: "Q", hint: "" }] })] }, "sections.0.parts: Part keys must be unique."],
    ["a bad key", { sections: [sec({ key: "Bad key" })] }, "sections.0.key: A section key starts with a lower-case letter and has at most 64 letters, digits or dashes."],
    ["an empty heading", { sections: [sec({ heading: "  " })] }, "sections.0.heading: A heading is required."],
    ["an unknown kind", { sections: [sec({ kind: "poem" as never })] }, "sections.0.kind: A section kind is one of markdown, impact, slo_impact, timeline, five_whys, action_items, links."],
  ])("refuses %s", (_name, template, message) => {
    expect(issues(template)).toContain(message);
  });
});
