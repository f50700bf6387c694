import { describe, expect, it } from "vitest";
import type { LabelMatcher } from "@/db/schema/integrations";
import { formatMatchers, parseMatchers } from "./matcher-text";

describe("label matchers as text", () => {
  it("reads exact values and regular expressions, with or without braces", () => {
    expect(parseMatchers('alertname="DiskFull", team=~"pay.*"')).toEqual({ ok: true, match: { alertname: "DiskFull", team: { regex: "pay.*" } } });
    expect(parseMatchers('{ severity = "page" }')).toEqual({ ok: true, match: { severity: "page" } });
    expect(parseMatchers("   ")).toEqual({ ok: true, match: {} });
  });

  it("unescapes quotes and backslashes inside values", () => {
    expect(parseMatchers('summary="say \\"hi\\"", path=~"C:\\\\.*"')).toEqual({ ok: true, match: { summary: 'say "hi"', path: { regex: "C:\\.*" } } });
  });

  it("explains what it could not read", () => {
    const r = parseMatchers('alertname="DiskFull" team="x"');
    expect(r.ok).toBe(false);
    expect(parseMatchers("alertname=DiskFull")).toMatchObject({ ok: false, error: expect.stringContaining('label="value"') });
    expect(parseMatchers('a="1", a="2"')).toEqual({ ok: false, error: "The label a is matched twice." });
    expect(parseMatchers('1abc="x"').ok).toBe(false);
  });

  it("writes alertname first, then the labels by name", () => {
    expect(formatMatchers({ team: { regex: "pay.*" }, env: "prod", alertname: "DiskFull" })).toBe('alertname="DiskFull", env="prod", team=~"pay.*"');
  });

  it("round-trips", () => {
    const cases: Record<string, LabelMatcher>[] = [{}, { a: "x" }, { a: 'q"uote', b: { regex: "back\\slash|x" } }, { alertname: "HighErrorRate", service: { regex: "checkout-.*" } }];
    for (const match of cases) {
      expect(parseMatchers(formatMatchers(match))).toEqual({ ok: true, match });
    }
  });
});
