import { describe, expect, it } from "vitest";
import { runbookFormToInput } from "./form";

describe("runbook form", () => {
  it("reads steps and contacts from parallel fields in the order shown", () => {
    const form = new FormData();
    for (const [k, v] of [
      ["slug", " db-pool "],
      ["title", "DB pool"],
      ["scenario", "Pool exhausted"],
      ["alertNames", "DatabasePoolExhausted, PostgresTooManyConnections"],
      ["severityHint", "SEV1"],
      ["stepTitle", "Check pool"],
      ["stepDetail", "Grafana"],
      ["stepTitle", ""],
      ["stepDetail", ""],
      ["contactName", "DBA on call"],
      ["contactHow", "#dba"],
    ]) form.append(k, v);
    expect(runbookFormToInput(form)).toEqual({
      slug: "db-pool",
      title: "DB pool",
      scenario: "Pool exhausted",
      alertNames: ["DatabasePoolExhausted", "PostgresTooManyConnections"],
      severityHint: "SEV1",
      steps: [
        { title: "Check pool", detail: "Grafana" },
        { title: "", detail: "" },
      ],
      contacts: [{ name: "DBA on call", how: "#dba" }],
    });
    const empty = new FormData();
    empty.set("severityHint", "");
    expect(runbookFormToInput(empty)).toMatchObject({ severityHint: null, steps: [], contacts: [], alertNames: [] });
  });
});
