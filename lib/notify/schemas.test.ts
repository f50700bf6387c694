import { describe, expect, it } from "vitest";
import { channelFormToInput, channelInputSchema } from "./schemas";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("the settings form as channel input", () => {
  it("reads a webhook for a service with the chosen events", () => {
    const input = channelInputSchema.parse(
      channelFormToInput(form([["kind", "webhook"], ["name", " Slack "], ["url", "https://hooks.example/x"], ["scope", "service:checkout"], ["events", "resolved"], ["events", "declared"], ["emails", "ignored@example.com"]])),
    );
    expect(input).toEqual({ kind: "webhook", name: "Slack", url: "https://hooks.example/x", service: "checkout", team: null, events: ["declared", "resolved"], enabled: true });
  });

  it("reads email recipients split on commas, spaces and lines, for a team", () => {
    const input = channelInputSchema.parse(channelFormToInput(form([["kind", "email"], ["name", "Ops"], ["emails", "a@x.io, b@x.io\nc@x.io;a@x.io"], ["scope", "team:payments"], ["events", "declared"]])));
    expect(input).toMatchObject({ kind: "email", emails: ["a@x.io", "b@x.io", "c@x.io"], service: null, team: "payments" });
    expect(input.url).toBeUndefined();
  });

  it("reports a form with no events or recipients field by field", () => {
    const result = channelInputSchema.safeParse(channelFormToInput(form([["kind", "email"], ["name", "Ops"], ["scope", "all"]])));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["emails", "events"]);
  });
});
