import { describe, expect, it } from "vitest";
import { atomFeed, xmlEscape, type FeedEntry } from "./feed";

const entry = (id: number, atIso: string, body: string, extra: Partial<FeedEntry> = {}): FeedEntry => ({ id, incidentNumber: 7, title: "Partial outage: Checkout API", status: "Investigating", body, atMs: Date.parse(atIso), ...extra });

/** A small well-formedness check: every tag closes in order and no raw `<` or `&` is left in text. */
function assertWellFormed(xml: string) {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const text = body.replace(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, (_m, close: string, name: string, _attrs: string, self: string) => {
    if (close) expect(stack.pop()).toBe(name);
    else if (!self) stack.push(name);
    return "";
  });
  expect(stack).toEqual([]);
  expect(text).not.toMatch(/[<>]/);
  expect(text.replace(/&(amp|lt|gt|quot|apos);/g, "")).not.toContain("&");
}

describe("the Atom feed", () => {
  it("escapes XML's special characters and drops characters XML cannot hold", () => {
    expect(xmlEscape(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(xmlEscape("bell\u0007 ok\ttab\nline")).toBe("bell ok\ttab\nline");
  });

  it("has the feed's id, title, updated, author and links, and one entry per update, newest first", () => {
    const xml = atomFeed({
      baseUrl: "https://status.example.com",
      title: "System status",
      nowMs: Date.parse("2025-06-01T12:00:00Z"),
      entries: [entry(10, "2025-05-30T10:00:00Z", "We are investigating."), entry(12, "2025-05-30T11:30:00Z", "Fixed. <script>alert(1)</script> & more", { status: "Resolved" })],
    });
    assertWellFormed(xml);
    expect(xml.startsWith(`<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">`)).toBe(true);
    expect(xml).toContain("<id>https://status.example.com/status</id>");
    expect(xml).toContain("<updated>2025-05-30T11:30:00.000Z</updated>");
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="https://status.example.com/status/feed.atom"/>`);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain("<id>https://status.example.com/status/incidents/7#update-12</id>");
    expect(entries[0]).toContain("<title>Partial outage: Checkout API — Resolved</title>");
    expect(entries[0]).toContain("<content type=\"text\">Fixed. &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</content>");
    expect(entries[1]).toContain("<updated>2025-05-30T10:00:00.000Z</updated>");
    expect(entries[1]).toContain(`<link rel="alternate" type="text/html" href="https://status.example.com/status/incidents/7#update-10"/>`);
  });

  it("is dated by now when there are no updates", () => {
    const xml = atomFeed({ baseUrl: "http://x", title: "S", nowMs: Date.parse("2025-06-01T12:00:00Z"), entries: [] });
    assertWellFormed(xml);
    expect(xml).toContain("<updated>2025-06-01T12:00:00.000Z</updated>");
    expect(xml).not.toContain("<entry>");
  });
});
