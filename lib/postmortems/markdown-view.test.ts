import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView, safeUrl } from "@/components/postmortems/markdown-view";

const html = (source: string, headingOffset?: number) => renderToStaticMarkup(createElement(MarkdownView, { source, headingOffset }));

/** Every tag name and attribute name the markup contains. */
function tagsAndAttributes(markup: string): { tags: Set<string>; attrs: Set<string> } {
  const tags = new Set<string>();
  const attrs = new Set<string>();
  for (const m of markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(m[1].toLowerCase());
    for (const a of m[2].matchAll(/\s([^\s=/>]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) attrs.add(a[1].toLowerCase());
  }
  return { tags, attrs };
}

const SAFE_ATTRS = new Set(["class", "href", "rel", "src", "alt", "loading", "referrerpolicy", "scope", "style", "start", "type", "checked", "disabled", "readonly", "id", "aria-describedby", "aria-label", "data-footnotes", "data-footnote-ref", "data-footnote-backref", "dir"]);

describe("MarkdownView neutralises hostile Markdown", () => {
  it("shows a <script> as text and never emits a script element", () => {
    const out = html('Before\n\n<script>alert("x")</script>\n\nAfter <script src="https://evil.example/x.js"></script>');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("&lt;script&gt;");
    expect(tagsAndAttributes(out).tags.has("script")).toBe(false);
  });

  it("shows <img onerror> and other raw HTML as text: no event handlers, no iframes, no styles from the author", () => {
    const out = html(
      [
        '<img src=x onerror="alert(1)">',
        '<iframe src="https://evil.example"></iframe>',
        '<a href="javascript:alert(1)">raw link</a>',
        '<div style="position:fixed" onclick="steal()">overlay</div>',
        "<svg onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
      ].join("\n\n"),
    );
    const { tags, attrs } = tagsAndAttributes(out);
    for (const t of ["img", "iframe", "svg", "details", "div"]) expect(tags.has(t), t).toBe(t === "div"); // our own wrapper div only
    for (const a of attrs) expect(a.startsWith("on"), a).toBe(false);
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).not.toMatch(/href="javascript:/i);
    expect(out.match(/<div/g)).toHaveLength(1);
  });

  it("drops javascript:, data:, vbscript: and obfuscated hrefs from Markdown links and images, keeping their text", () => {
    const out = html(
      [
        "[click](javascript:alert(1))",
        "[upper](JAVASCRIPT:alert(1))",
        "[spaced]( javascript:alert(1))",
        "[entity](jav&#x61;script:alert(1))",
        "[tab](java\tscript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "[vb](vbscript:msgbox(1))",
        "[rel](/incidents/4)",
        "<javascript:alert(1)>",
        "![pic](javascript:alert(1))",
        "![data pic](data:image/svg+xml,<svg onload=alert(1)>)",
      ].join("\n\n"),
    );
    // What is left of them is inert text: no attribute carries a URL other than http(s)/mailto.
    expect(out).not.toMatch(/\s(?:href|src)="(?!https?:|mailto:)/i);
    expect(out).not.toMatch(/\s(?:href|src)="[^"]*(?:javascript|vbscript|data):/i);
    for (const text of ["click", "upper", "spaced", "entity", "data", "vb", "rel"]) expect(out).toContain(`<span>${text}</span>`);
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("[image: pic]");
    const { attrs } = tagsAndAttributes(out);
    for (const a of attrs) expect(SAFE_ATTRS.has(a), a).toBe(true);
  });

  it("keeps http(s) and mailto links, with rel noopener noreferrer nofollow", () => {
    const out = html("[Grafana](https://grafana.example.com/d/abc?x=1&y=2) and [mail](mailto:sre@example.com) and https://autolink.example.com");
    expect(out).toContain('<a href="https://grafana.example.com/d/abc?x=1&amp;y=2" rel="noopener noreferrer nofollow"');
    expect(out).toContain('<a href="mailto:sre@example.com" rel="noopener noreferrer nofollow"');
    expect(out).toContain('<a href="https://autolink.example.com" rel="noopener noreferrer nofollow"');
    expect(out.match(/<a /g)).toHaveLength(3);
    expect(out.match(/rel="noopener noreferrer nofollow"/g)).toHaveLength(3);
  });

  it("renders https images without sending a referrer", () => {
    const out = html("![graph](https://grafana.example.com/render.png)");
    expect(out).toMatch(/<img src="https:\/\/grafana\.example\.com\/render\.png" alt="graph" loading="lazy" referrerPolicy="no-referrer"/);
  });

  it("renders GFM: tables, task lists, strikethrough", () => {
    const out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~");
    expect(out).toMatch(/<table[^>]*>/);
    expect(out.match(/<td/g)).toHaveLength(2);
    const boxes = out.match(/<input[^>]*>/g)!;
    expect(boxes).toHaveLength(2);
    for (const b of boxes) expect(b).toMatch(/type="checkbox".*disabled=""/);
    expect(boxes.map((b) => b.includes('checked=""'))).toEqual([true, false]);
    expect(out).toContain("<del>gone</del>");
  });

  it("pushes the author's headings down (h1 → h3 by default; capped at h6)", () => {
    const out = html("# One\n\n## Two\n\n###### Six");
    expect(out).toMatch(/<h3[^>]*>One<\/h3>/);
    expect(out).toMatch(/<h4[^>]*>Two<\/h4>/);
    expect(out).toMatch(/<h6[^>]*>Six<\/h6>/);
    expect(out).not.toMatch(/<h[12]/);
    expect(html("# One", 0)).toMatch(/<h1[^>]*>One<\/h1>/);
  });

  it("uses the app's colour tokens", () => {
    const out = html("> quoted\n\n`code` [l](https://e.com)");
    expect(out).toContain("border-line");
    expect(out).toContain("text-muted");
    expect(out).toContain("text-link");
    expect(out).toContain("bg-raised");
    expect(out).toContain("text-fg");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://e.com/x", "https://e.com/x"],
    ["  http://e.com  ", "http://e.com"],
    ["mailto:a@e.com", "mailto:a@e.com"],
    ["javascript:alert(1)", undefined],
    ["java\nscript:alert(1)", undefined],
    ["/relative", undefined],
    ["#anchor", undefined],
    ["data:text/html,x", undefined],
    ["https://e.com/\u0000", undefined],
  ])("%j → %j", (url, out) => {
    expect(safeUrl(url)).toBe(out);
  });
});
