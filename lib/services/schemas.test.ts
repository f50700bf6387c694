import { describe, expect, it } from "vitest";
import { labelsToText, parseLabelsText, serviceFormToInput, serviceInputSchema } from "./schemas";

describe("service input", () => {
  it("parses key=value labels and round-trips them", () => {
    const r = parseLabelsText(" env = prod \n\nteam=core=x\r\n");
    expect(r).toEqual({ labels: { env: "prod", team: "core=x" } });
    expect(parseLabelsText(labelsToText({ a: "1", b: "2" }))).toEqual({ labels: { a: "1", b: "2" } });
    expect(parseLabelsText("ok=1\nbroken")).toEqual({ error: "Line 2: write labels as key=value." });
    expect(parseLabelsText("=x")).toHaveProperty("error");
  });

  it("coerces FormData explicitly: tier number, checkbox, empty links dropped", () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ name: "A", slug: "a-b", tier: "1", public: "on", runbook: "", repository: "https://git.example.com/a", labels: "x=y" })) f.set(k, v);
    const { input } = serviceFormToInput(f);
    const parsed = serviceInputSchema.parse(input);
    expect(parsed).toMatchObject({ tier: 1, public: true, team: null, links: { repository: "https://git.example.com/a" }, labels: { x: "y" } });
    expect(parsed.links.runbook).toBeUndefined();
  });

  it("rejects bad slugs, tiers, non-http links and bad label keys with field paths", () => {
    const r = serviceInputSchema.safeParse({ name: " ", slug: "Bad--slug", tier: 4, links: { runbook: "javascript:alert(1)" }, labels: { "1bad": "x" } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "slug", "tier", "links.runbook", "labels.1bad"]));
  });
});
