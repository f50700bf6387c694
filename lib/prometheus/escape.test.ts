import { describe, expect, it } from "vitest";
import { labelMatcher, promString, regexLiteral, selector } from "./escape";

/** Reads a PromQL double-quoted literal back, as the PromQL lexer does (Go unquoting). */
function unquote(literal: string): { value: string; rest: string } {
  expect(literal[0]).toBe('"');
  let out = "";
  let i = 1;
  while (i < literal.length) {
    const ch = literal[i];
    if (ch === '"') return { value: out, rest: literal.slice(i + 1) };
    if (ch === "\\") {
      const n = literal[i + 1];
      const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", '"': '"' };
      if (n in simple) {
        out += simple[n];
        i += 2;
      } else if (n === "x") {
        out += String.fromCharCode(parseInt(literal.slice(i + 2, i + 4), 16));
        i += 4;
      } else throw new Error(`unknown escape \\${n}`);
      continue;
    }
    out += ch;
    i++;
  }
  throw new Error("unterminated literal");
}

describe("PromQL escaping", () => {
  it("round-trips any value and never ends the literal early", () => {
    const nasty = ['a"b', "a\\b", 'x"} or vector(1) #', "\\\"", "line\nbreak", "tab\there", "nul\u0000byte", "ünïcødé ✓", "", '"', "\\"];
    for (const v of nasty) {
      const lit = promString(v);
      const { value, rest } = unquote(lit);
      expect(value).toBe(v);
      expect(rest).toBe("");
    }
  });

  it("builds matchers and selectors, refusing label names that would need quoting", () => {
    expect(labelMatcher("service", 'pay"ments')).toBe('service="pay\\"ments"');
    expect(selector({ service: "a", code: "5.." })).toBe('{code="5..",service="a"}');
    expect(() => labelMatcher('service"} or up{x', "a")).toThrow(/label name/);
    expect(regexLiteral("a.b+c")).toBe("a\\.b\\+c");
    expect(new RegExp(`^${regexLiteral("(x)|[y]*")}$`).test("(x)|[y]*")).toBe(true);
  });
});
