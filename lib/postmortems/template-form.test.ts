import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE, templateSchema } from "./template";
import { customSectionKey, mergeTemplate, templateEditsSchemaFor } from "./template-merge";
import { editsFromRows, moveRow, rowsFromTemplate, templateErrorField, type TemplateRow } from "./template-form";

const rows = () => rowsFromTemplate(DEFAULT_TEMPLATE);
const keys = (r: readonly { key: string }[]) => r.map((x) => x.key);
const roundTrip = (r: TemplateRow[]) => rowsFromTemplate(mergeTemplate(DEFAULT_TEMPLATE, editsFromRows(DEFAULT_TEMPLATE, r)));

describe("template form", () => {
  it("stores nothing for the untouched default", () => {
    expect(editsFromRows(DEFAULT_TEMPLATE, rows())).toEqual({});
  });

  it("stores only what changed: a renamed heading, a new hint, a hidden optional section, a renamed part", () => {
    const r = rows().map((x) => {
      if (x.key === "summary") return { ...x, heading: "Executive summary" };
      if (x.key === "trigger") return { ...x, hint: "What set it off." };
      if (x.key === "whereWeGotLucky") return { ...x, hidden: true };
      if (x.key === "resolution") return { ...x, parts: x.parts.map((p) => (p.key === "workaround" ? { ...p, heading: "Temporary measures" } : p)) };
      return x;
    });
    const edits = editsFromRows(DEFAULT_TEMPLATE, r);
    expect(edits).toEqual({
      sections: {
        summary: { heading: "Executive summary" },
        trigger: { hint: "What set it off." },
        whereWeGotLucky: { hidden: true },
        resolution: { parts: { workaround: { heading: "Temporary measures" } } },
      },
    });
    expect(templateEditsSchemaFor(DEFAULT_TEMPLATE).safeParse(edits).success).toBe(true);
    expect(roundTrip(r)).toEqual(r);
  });

  it("stores the order only when it differs, and custom sections with theirs", () => {
    const comms: TemplateRow = { key: customSectionKey("Customer comms", keys(rows())), heading: "Customer comms", hint: "What we told customers.", kind: "markdown", required: false, hidden: false, custom: true, parts: [] };
    const appended = [...rows(), comms];
    expect(editsFromRows(DEFAULT_TEMPLATE, appended)).toEqual({ custom: [{ key: "custom-customer-comms", heading: "Customer comms", hint: "What we told customers.", required: false, hidden: false }] });
    expect(roundTrip(appended)).toEqual(appended);

    const moved = moveRow(appended, appended.length - 1, -(appended.length - 1));
    expect(keys(moved)[0]).toBe("custom-customer-comms");
    const edits = editsFromRows(DEFAULT_TEMPLATE, moved);
    expect(edits.order).toEqual(keys(moved));
    expect(templateEditsSchemaFor(DEFAULT_TEMPLATE).safeParse(edits).success).toBe(true);
    const merged = mergeTemplate(DEFAULT_TEMPLATE, edits);
    expect(templateSchema.safeParse(merged).success).toBe(true);
    expect(rowsFromTemplate(merged)).toEqual(moved);
  });

  it("never hides a required section, whatever the row says", () => {
    const r = rows().map((x) => (x.key === "summary" ? { ...x, hidden: true } : x));
    expect(editsFromRows(DEFAULT_TEMPLATE, r)).toEqual({});
  });

  it("moves rows within bounds", () => {
    expect(moveRow(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveRow(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveRow(["a", "b", "c"], 2, 5)).toEqual(["a", "b", "c"]);
    expect(moveRow(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
  });

  it("places validation errors on the row they concern", () => {
    const edits = { custom: [{ key: "custom-x", heading: "" }] };
    expect(templateErrorField("custom.0.heading", edits)).toBe("custom-x.heading");
    expect(templateErrorField("custom.0", edits)).toBe("custom-x.heading");
    expect(templateErrorField("custom.5.heading", edits)).toBe("template");
    expect(templateErrorField("sections.summary.hint", edits)).toBe("summary.hint");
    expect(templateErrorField("sections.resolution.parts.workaround.heading", edits)).toBe("resolution.parts.workaround.heading");
    expect(templateErrorField("order.2", edits)).toBe("template");
    expect(templateErrorField("_", edits)).toBe("template");
  });
});
