import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE, templateSchema, type PostmortemTemplate, type TemplateSection } from "./template";
import { customSectionKey, mergeTemplate, templateEditsSchemaFor, type TemplateEdits } from "./template-merge";

const keys = (t: PostmortemTemplate) => t.sections.map((s) => s.key);
const byKey = (t: PostmortemTemplate, k: string) => t.sections.find((s) => s.key === k)!;
const baseKeys = keys(DEFAULT_TEMPLATE);
const errors = (edits: unknown, base = DEFAULT_TEMPLATE) => {
  const r = templateEditsSchemaFor(base).safeParse(edits);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("mergeTemplate", () => {
  it("returns the default unchanged without edits", () => {
    expect(mergeTemplate(DEFAULT_TEMPLATE, undefined)).toEqual(DEFAULT_TEMPLATE);
    expect(mergeTemplate(DEFAULT_TEMPLATE, {})).toEqual(DEFAULT_TEMPLATE);
  });

  it("renames headings and hints of sections and their parts, leaving the rest as they were", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, {
      sections: {
        summary: { heading: "TL;DR", hint: "One paragraph." },
        resolution: { parts: { workaround: { heading: "Mitigation in place" } } },
      },
    });
    expect(byKey(t, "summary")).toMatchObject({ heading: "TL;DR", hint: "One paragraph.", kind: "markdown", required: true });
    expect(byKey(t, "resolution").parts).toEqual([
      { key: "immediateFix", heading: "Immediate fix", hint: DEFAULT_TEMPLATE.sections[7].parts![0].hint },
      { key: "workaround", heading: "Mitigation in place", hint: DEFAULT_TEMPLATE.sections[7].parts![1].hint },
    ]);
    expect(byKey(t, "trigger")).toEqual(byKey(DEFAULT_TEMPLATE, "trigger"));
    expect(keys(t)).toEqual(baseKeys);
  });

  it("hides optional sections but never a required one", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, { sections: { whereWeGotLucky: { hidden: true }, summary: { hidden: true }, actionItems: { hidden: true } } });
    expect(byKey(t, "whereWeGotLucky").hidden).toBe(true);
    expect(byKey(t, "summary").hidden).toBe(false);
    expect(byKey(t, "actionItems").hidden).toBe(false);
    expect(keys(t)).toEqual(baseKeys); // hidden sections stay in the template
  });

  it("adds custom markdown sections at the end unless placed", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, {
      custom: [
        { key: "custom-comms", heading: "Customer communication", hint: "What we told customers." },
        { key: "custom-cost", heading: "Cost", required: true, hidden: true },
      ],
    });
    expect(keys(t)).toEqual([...baseKeys, "custom-comms", "custom-cost"]);
    expect(byKey(t, "custom-comms")).toEqual({ key: "custom-comms", heading: "Customer communication", kind: "markdown", hint: "What we told customers.", required: false, hidden: false, custom: true });
    // Required custom sections cannot be hidden either.
    expect(byKey(t, "custom-cost")).toMatchObject({ required: true, hidden: false, hint: "" });
  });

  it("reorders; sections the order leaves out stay after their default predecessor", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, {
      custom: [{ key: "custom-comms", heading: "Comms" }],
      order: ["summary", "rootCause", "custom-comms", "timeline", "impact"],
    });
    // Placed: summary, rootCause, custom-comms, timeline, impact. Then each missing one after the
    // nearest default predecessor already placed: sloImpact after impact; trigger after rootCause
    // (then detection after trigger, resolution after detection, …); actionItems after lessonsLearned.
    expect(keys(t)).toEqual([
      "summary",
      "rootCause",
      "trigger",
      "detection",
      "resolution",
      "whatWentWell",
      "whatWentWrong",
      "whereWeGotLucky",
      "lessonsLearned",
      "actionItems",
      "supportingInformation",
      "custom-comms",
      "timeline",
      "impact",
      "sloImpact",
    ]);
  });

  it("places a section added to the default later next to its neighbour, not at the end", () => {
    const older: PostmortemTemplate = { sections: DEFAULT_TEMPLATE.sections.filter((s) => s.key !== "trigger") };
    const edits: TemplateEdits = { order: keys(older).reverse() };
    const before = mergeTemplate(older, edits);
    expect(keys(before)).toEqual([...keys(older)].reverse());
    // Keel ships "trigger" (after rootCause in the default); the stored order never mentioned it.
    const after = mergeTemplate(DEFAULT_TEMPLATE, edits);
    const k = keys(after);
    expect(k.indexOf("trigger")).toBe(k.indexOf("rootCause") + 1);
    expect(k.filter((x) => x !== "trigger")).toEqual(keys(before));
  });

  it("ignores what no longer applies: unknown keys, duplicates, reserved keys, malformed edits", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, {
      order: ["nope", "summary", "summary"],
      sections: { nope: { heading: "Ghost" }, summary: { parts: { ghost: { heading: "G" } } } },
      custom: [
        { key: "summary", heading: "Clash" },
        { key: "custom-a", heading: "A" },
        { key: "custom-a", heading: "A again" },
        { key: "title", heading: "Reserved" },
      ],
    });
    expect(keys(t)).toEqual([...baseKeys, "custom-a"]);
    expect(byKey(t, "summary").heading).toBe("Summary");
    expect(byKey(t, "custom-a").heading).toBe("A");
    expect(mergeTemplate(DEFAULT_TEMPLATE, { order: "summary" } as never)).toEqual(DEFAULT_TEMPLATE);
    expect(mergeTemplate(DEFAULT_TEMPLATE, "garbage" as never)).toEqual(DEFAULT_TEMPLATE);
  });

  it("keeps the valid pieces of stored edits when one piece is no longer valid", () => {
    const t = mergeTemplate(DEFAULT_TEMPLATE, {
      order: ["timeline", "rootCause", "impact", 42 as never],
      sections: { summary: { heading: "TL;DR" }, trigger: { hint: "x".repeat(501) } },
      custom: [{ key: "custom-ok", heading: "Fine" }, { key: "custom-bad", heading: "" }],
    });
    expect(keys(t).indexOf("timeline")).toBeLessThan(keys(t).indexOf("impact"));
    expect(keys(t).filter((k) => k !== "custom-ok")).toEqual(keys(mergeTemplate(DEFAULT_TEMPLATE, { order: ["timeline", "rootCause", "impact"] })));
    expect(byKey(t, "summary").heading).toBe("TL;DR");
    expect(byKey(t, "trigger").hint).toBe(byKey(DEFAULT_TEMPLATE, "trigger").hint);
    expect(keys(t)).toContain("custom-ok");
    expect(keys(t)).not.toContain("custom-bad");
  });

  it("always produces a valid template with every default section once and required ones visible (random edits)", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pickKey = (pool: string[]) => pool[Math.floor(rnd() * pool.length)];
    for (let run = 0; run < 300; run++) {
      const custom = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => ({ key: rnd() < 0.2 ? pickKey(baseKeys) : `custom-${i}`, heading: `C${i}`, required: rnd() < 0.3, hidden: rnd() < 0.5 }));
      const pool = [...baseKeys, ...custom.map((c) => c.key), "ghost"];
      const edits: TemplateEdits = {
        order: Array.from({ length: Math.floor(rnd() * 10) }, () => pickKey(pool)),
        sections: Object.fromEntries(Array.from({ length: Math.floor(rnd() * 6) }, () => [pickKey(pool), { hidden: rnd() < 0.6, heading: rnd() < 0.3 ? "Renamed" : undefined }])),
        custom,
      };
      const t = mergeTemplate(DEFAULT_TEMPLATE, edits);
      expect(templateSchema.safeParse(t).success).toBe(true);
      for (const k of baseKeys) expect(keys(t).filter((x) => x === k)).toHaveLength(1);
      for (const s of t.sections as TemplateSection[]) if (s.required) expect(s.hidden).toBe(false);
      expect(new Set(keys(t)).size).toBe(t.sections.length);
    }
  });
});

describe("templateEditsSchemaFor (the settings form)", () => {
  it("accepts sensible edits", () => {
    expect(
      errors({
        order: ["summary", "custom-comms"],
        sections: { whereWeGotLucky: { hidden: true }, summary: { heading: "TL;DR" }, "custom-comms": { hint: "x" }, resolution: { parts: { workaround: { heading: "W" } } } },
        custom: [{ key: "custom-comms", heading: "Comms" }],
      }),
    ).toEqual({});
  });

  it("refuses hiding required sections, unknown sections and parts, clashing and reserved keys, repeated order entries", () => {
    expect(
      errors({
        order: ["summary", "ghost", "summary"],
        sections: { summary: { hidden: true }, ghost: { heading: "G" }, resolution: { parts: { nope: { heading: "N" } } } },
        custom: [
          { key: "impact", heading: "Clash" },
          { key: "custom-x", heading: "X" },
          { key: "custom-x", heading: "X2" },
          { key: "title", heading: "T" },
          { key: "custom-r", heading: "R", required: true, hidden: true },
        ],
      }),
    ).toEqual({
      "custom.0.key": '"impact" is a built-in section; pick another key.',
      "custom.2.key": 'Custom section key "custom-x" is used twice.',
      "custom.3.key": '"title" is reserved; pick another key.',
      "custom.4.hidden": '"R" is required and cannot be hidden.',
      "sections.summary.hidden": '"Summary" is required and cannot be hidden.',
      "sections.ghost": 'There is no section "ghost".',
      "sections.resolution.parts.nope": 'Section "resolution" has no part "nope".',
      "order.1": 'There is no section "ghost" to place.',
      "order.2": 'Section "summary" appears twice in the order.',
    });
  });

  it("refuses oversized or malformed fields with clear messages", () => {
    expect(errors({ sections: { summary: { heading: "" } } })).toEqual({ "sections.summary.heading": "A heading is required." });
    expect(errors({ sections: { summary: { hint: "x".repeat(501) } } })).toEqual({ "sections.summary.hint": "A hint is at most 500 characters." });
    expect(errors({ custom: Array.from({ length: 21 }, (_, i) => ({ key: `custom-${i}`, heading: "H" })) })).toEqual({ custom: "At most 20 custom sections." });
    expect(Object.keys(errors({ extra: true }))).toEqual([""]);
  });
});

describe("customSectionKey", () => {
  it("slugs the heading and stays unique", () => {
    expect(customSectionKey("Customer communication", [])).toBe("custom-customer-communication");
    expect(customSectionKey("Café & Crème!", [])).toBe("custom-cafe-creme");
    expect(customSectionKey("!!!", [])).toBe("custom-section");
    expect(customSectionKey("Cost", ["custom-cost", "custom-cost-2"])).toBe("custom-cost-3");
    const long = customSectionKey("a".repeat(100), []);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(/^[a-z][a-zA-Z0-9-]{0,63}$/.test(long)).toBe(true);
  });
});
