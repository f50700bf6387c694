import { describe, expect, it } from "vitest";
import { applyCreateInput, createPostmortemSchema } from "./create-input";
import { emptyDocument, postmortemDocumentSchema } from "./document";
import { DEFAULT_TEMPLATE } from "./template";
import { mergeTemplate } from "./template-merge";

const schema = createPostmortemSchema(DEFAULT_TEMPLATE);
const errors = (input: unknown, s = schema) => {
  const r = s.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("createPostmortemSchema", () => {
  it("takes just an incident", () => {
    expect(schema.parse({ incidentId: " INC-42 " })).toEqual({ incidentId: "INC-42", actionItems: [], sections: {}, title: undefined, impact: undefined, fiveWhys: undefined, links: undefined });
  });

  it("takes section fields at the top level, parts as objects, and action items", () => {
    const out = schema.parse({
      incidentId: "INC-42",
      title: "Checkout errors",
      summary: "Checkout failed.",
      whatWentWell: "Fast rollback.",
      resolution: { immediateFix: "Rolled back." },
      fiveWhys: { whys: ["Why?"] },
      impact: { supportTickets: 3 },
      links: [{ label: "PR", url: "https://git.example.com/pr/1" }],
      actionItems: [{ title: "Add a retry budget", category: "prevent", priority: "P1" }],
    });
    expect(out.sections).toEqual({ summary: "Checkout failed.", whatWentWell: "Fast rollback.", "resolution.immediateFix": "Rolled back." });
    expect(out.actionItems).toEqual([{ title: "Add a retry budget", category: "prevent", priority: "P1", status: "open" }]);
    expect(out.fiveWhys).toEqual({ whys: ["Why?"] });
  });

  it("refuses unknown fields, structured sections sent as text, and bad action items, with paths", () => {
    expect(
      errors({
        incidentId: "",
        nonsense: "x",
        timeline: "typed",
        resolution: { other: "x" },
        actionItems: [{ title: "", category: "prevent", priority: "P1" }],
      }),
    ).toEqual({
      incidentId: "incidentId is required: the incident's id or INC-number.",
      "resolution": 'Unrecognized key: "other"',
      "actionItems.0.title": "Title is required.",
      "": 'Unrecognized keys: "nonsense", "timeline"',
    });
    expect(errors({})).toEqual({ incidentId: "incidentId is required: the incident's id or INC-number." });
  });

  it("follows the organisation's template: custom sections are accepted by key", () => {
    const s = createPostmortemSchema(mergeTemplate(DEFAULT_TEMPLATE, { custom: [{ key: "custom-comms", heading: "Comms" }] }));
    expect(s.parse({ incidentId: "1", "custom-comms": "Told customers at 14:30." }).sections).toEqual({ "custom-comms": "Told customers at 14:30." });
    expect(errors({ incidentId: "1", "custom-comms": "x" })).toEqual({ "": 'Unrecognized key: "custom-comms"' });
  });
});

describe("applyCreateInput", () => {
  it("lays the sent fields over the prefilled document and keeps the rest", () => {
    const prefilled = {
      ...emptyDocument("From the incident"),
      sections: { summary: "From the incident", detection: "Detected by an alert." },
      impact: { ...emptyDocument("x").impact, usersAffected: 100, durationMinutes: 72 },
      links: [{ label: "Grafana", url: "https://grafana.example.com" }],
    };
    const input = schema.parse({
      incidentId: "INC-1",
      title: "Better title",
      summary: "Written by the API caller.",
      impact: { usersAffected: 150 },
      fiveWhys: { rootCause: "No retry budget." },
      links: [
        { label: "Same", url: "https://grafana.example.com" },
        { label: "PR", url: "https://git.example.com/pr/1" },
      ],
    });
    const out = applyCreateInput(prefilled, input);
    expect(out.title).toBe("Better title");
    expect(out.sections).toEqual({ summary: "Written by the API caller.", detection: "Detected by an alert." });
    expect(out.impact).toMatchObject({ usersAffected: 150, durationMinutes: 72 });
    expect(out.fiveWhys).toEqual({ whys: [], rootCause: "No retry budget." });
    expect(out.links.map((l) => l.url)).toEqual(["https://grafana.example.com", "https://git.example.com/pr/1"]);
    expect(postmortemDocumentSchema.safeParse(out).success).toBe(true);
    expect(applyCreateInput(prefilled, schema.parse({ incidentId: "1" }))).toEqual(prefilled);
  });
});
