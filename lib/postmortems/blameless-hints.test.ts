import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BlamelessHints } from "@/components/postmortems/blameless-hints";
import { RULE_BY_ID } from "./blameless-rules";

const html = (text: string, limit?: number) => renderToStaticMarkup(createElement(BlamelessHints, { text, id: "summary-hints", limit }));
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("BlamelessHints", () => {
  it("keeps an empty polite live region when nothing is flagged", () => {
    expect(html("The deploy failed to roll back.")).toBe('<div id="summary-hints" aria-live="polite" class="text-xs "></div>');
  });

  it("lists each flagged phrase with its suggestion inside the live region", () => {
    const out = html("Bob forgot the flag; human error.");
    expect(out).toMatch(/^<div id="summary-hints" aria-live="polite"/);
    expect(out).toContain("2 phrases may read as blame");
    expect(out.match(/<li /g)).toHaveLength(2);
    expect(out).toContain('data-rule="forgot"');
    expect(out).toContain("<q class=\"font-medium text-fg\">forgot</q>");
    expect(out).toContain(escape(RULE_BY_ID.forgot.suggestion));
    expect(out).toContain(escape(RULE_BY_ID["human-error"].suggestion));
    expect(out).toContain("a suggestion, not a rule");
  });

  it("shows at most `limit` hints and says how many more", () => {
    const out = html("careless. sloppy. negligent. obviously.", 2);
    expect(out.match(/<li /g)).toHaveLength(2);
    expect(out).toContain("4 phrases may read as blame");
    expect(out.replace(/<!-- -->/g, "")).toContain("and 2 more.");
  });

  it("escapes the author's text", () => {
    const out = html("<b>He</b> forgot");
    expect(out).not.toContain("<b>");
  });
});
