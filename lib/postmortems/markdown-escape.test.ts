import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/postmortems/markdown-view";
import { demoteHeadings, escapeCell, escapeInline, linkDestination, markdownLink, plainCell } from "./markdown-escape";

const render = (md: string) => renderToStaticMarkup(createElement(MarkdownView, { source: md, headingOffset: 0 }));
/** The text content of each <td> of the rendered table, row by row. */
function cells(md: string): string[][] {
  const out = render(md);
  return [...out.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, "")));
}
const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

describe("escapeCell", () => {
  const nasty = [
    "a | b",
    "pipe at end |",
    "| pipe at start",
    "line one\nline two\r\nline three",
    "already \\| escaped",
    "double backslash \\\\| then pipe",
    "`code | with pipe`",
    "---",
    "| --- | --- |",
    "",
    "   ",
  ];

  it("keeps every value in its own cell of a two-column table, whatever it contains", () => {
    const md = ["| Key | Value |", "| --- | --- |", ...nasty.map((v, i) => `| k${i} | ${escapeCell(v)} |`)].join("\n");
    const rows = cells(md);
    expect(rows).toHaveLength(nasty.length);
    rows.forEach((r, i) => {
      expect(r, nasty[i]).toHaveLength(2);
      expect(r[0]).toBe(`k${i}`);
    });
    // Line breaks become spaces; pipes survive as text; empty cells show a dash.
    expect(decode(rows[0][1])).toBe("a | b");
    expect(decode(rows[3][1])).toBe("line one line two line three");
    expect(decode(rows[4][1])).toBe("already | escaped");
    expect(decode(rows[6][1])).toBe("code | with pipe");
    expect(rows[9][1]).toBe("—");
    expect(rows[10][1]).toBe("—");
  });

  it("keeps inline Markdown", () => {
    expect(escapeCell("**bold** and [x](https://e.com)")).toBe("**bold** and [x](https://e.com)");
  });
});

describe("escapeInline and plainCell", () => {
  it("makes Markdown and HTML literal", () => {
    const tricky = "*a* _b_ [c](javascript:x) <script>x</script> # h `d` | e & f ![i](i.png) see https://e.com/x";
    const out = render(escapeInline(tricky));
    expect(out).not.toMatch(/<(?:em|strong|code|script|img)\b/);
    // The only link is GFM's autolink of the bare https URL (which escaping cannot prevent); the javascript: one is text.
    expect(out.match(/<a\b[^>]*>/g)).toEqual([expect.stringContaining('href="https://e.com/x"')]);
    expect(decode(out.replace(/<[^>]+>/g, ""))).toBe(tricky);
  });

  it("does not let a value start a heading, list or numbered list, or span lines", () => {
    for (const v of ["# Title", "- item", "1. first", "= x", "a\nb"]) {
      const out = render(escapeInline(v));
      expect(out, v).toMatch(/^<div[^>]*><p[^>]*>[^<]*<\/p><\/div>$/);
    }
  });

  it("plainCell: literal text, a dash when empty", () => {
    expect(plainCell("  ")).toBe("—");
    expect(plainCell("a|b")).toBe("a\\|b");
  });
});

describe("links", () => {
  it("allows only http(s) and mailto destinations, encoding what would break out", () => {
    expect(linkDestination("https://e.com/a b|c>d")).toBe("<https://e.com/a%20b%7Cc%3Ed>");
    expect(linkDestination("mailto:sre@example.com")).toBe("<mailto:sre@example.com>");
    expect(linkDestination("javascript:alert(1)")).toBeNull();
    expect(linkDestination("/relative")).toBeNull();
    expect(linkDestination("https://")).toBeNull();
  });

  it("renders a link whose label and URL try to break the table", () => {
    const md = ["| a | b |", "| --- | --- |", `| ${markdownLink("evil | label]", "https://e.com/x|y (z)")} | after |`].join("\n");
    const out = render(md);
    expect(out).toMatch(/<a href="https:\/\/e\.com\/x%7Cy%20\(z\)" rel="noopener noreferrer nofollow"[^>]*>evil \| label\]<\/a>/);
    expect(cells(md)[0]).toHaveLength(2);
  });

  it("falls back to the label alone for a URL that is not allowed", () => {
    expect(markdownLink("click", "javascript:alert(1)")).toBe("click");
    expect(markdownLink("", "https://e.com")).toBe("[https://e.com](<https://e.com/>)");
  });
});

describe("demoteHeadings", () => {
  it("pushes ATX headings down, capped at six, leaving code fences alone", () => {
    const md = ["# One", "## Two", "#### Four", "#hashtag", "```", "# not a heading", "```", "~~~", "## nor this", "~~~", "   # indented"].join("\n");
    expect(demoteHeadings(md, 2).split("\n")).toEqual(["### One", "#### Two", "###### Four", "#hashtag", "```", "# not a heading", "```", "~~~", "## nor this", "~~~", "   ### indented"]);
  });

  it("turns setext headings into demoted ATX ones, but not thematic breaks or list-item dashes", () => {
    expect(demoteHeadings("Title\n=====\n\nSub\n---\n\n---\n\n- item\n---", 2)).toBe("### Title\n\n#### Sub\n\n---\n\n- item\n---");
  });

  it("renders no heading above the wanted level", () => {
    const out = render(demoteHeadings("# A\n\nB\n===\n\n## C", 2));
    expect(out).not.toMatch(/<h[12]/);
    expect(out.match(/<h3/g)).toHaveLength(2);
  });
});
