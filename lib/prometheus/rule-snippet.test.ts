import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { recordingRuleYaml } from "./rule-snippet";

describe("recording rule snippet", () => {
  it("round-trips any PromQL through a YAML parser", () => {
    for (const expr of ['sum(rate(http_requests_total{code=~"5.."}[5m]))', 'a{b="c\\\\d"} # comment', "line1\n  or line2", "x: y - z", "'quoted'"]) {
      const doc = parse(recordingRuleYaml("job:test:rate5m", expr));
      expect(doc).toEqual({ groups: [{ name: "keel-explore", rules: [{ record: "job:test:rate5m", expr }] }] });
    }
  });
  it("refuses invalid record names", () => {
    expect(() => recordingRuleYaml("bad name", "up")).toThrow();
  });
});
