import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/postmortems/markdown-view";
import type { ActionItem } from "./action-items";
import { emptyDocument, type PostmortemDocument } from "./document";
import { NOT_COMPUTED, NOT_WRITTEN, postmortemMarkdown, type ExportContext } from "./markdown-export";
import { DEFAULT_TEMPLATE } from "./template";
import { mergeTemplate } from "./template-merge";

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: "a1",
  title: "Add a retry budget",
  category: "prevent",
  priority: "P1",
  owner: "Bob",
  dueDate: "2025-03-14",
  status: "open",
  link: null,
  createdAt: "2025-03-02T10:00:00Z",
  closedAt: null,
  ...over,
});

const ctx: ExportContext = {
  incidentRef: "INC-42",
  severity: "SEV2",
  status: "in_review",
  startedAt: "2025-03-01T13:58:00Z",
  resolvedAt: "2025-03-01T15:10:00Z",
  durationMinutes: 72,
  commander: "Alice",
  services: ["checkout", "payments"],
  authors: ["Alice", "Carol"],
  dueAt: "2025-03-03T15:10:00Z",
  publishedAt: null,
  actionItems: [
    item({}),
    item({ id: "a2", title: "Alert on pool | saturation\nbefore errors", category: "detect", priority: "P0", owner: null, dueDate: null, status: "in_progress", link: "https://tracker.example.com/T-1|x" }),
  ],
  sloImpact: {
    computedAt: "2025-03-02T09:00:00Z",
    from: "2025-03-01T13:58:00Z",
    to: "2025-03-01T15:10:00Z",
    rows: [
      { sloId: "s1", name: "Checkout availability", service: "checkout", consumed: 1.04, stateBefore: "healthy", stateAfter: "exhausted", dataSource: "Prometheus (default)", problem: null },
      { sloId: "s2", name: "Checkout latency", service: "checkout", consumed: 0.0123, stateBefore: "warning", stateAfter: "warning", dataSource: "Prometheus (default)", problem: null },
      { sloId: "s3", name: "Payments", service: "payments", consumed: null, stateBefore: "unknown", stateAfter: "unknown", dataSource: "incident-based SLI", problem: "No data in the window" },
    ],
  },
};

const doc = (): PostmortemDocument => ({
  ...emptyDocument("Checkout errors after the *2.14* deploy"),
  sections: {
    summary: "Checkout failed for **12 %** of users.\n\n# A heading the author wrote",
    "resolution.immediateFix": "Rolled back to 2.13.4.",
    detection: "",
    whatWentWell: "<script>alert('x')</script> The rollback was quick.",
  },
  impact: { usersAffected: 1200, trafficPercent: 12.5, services: ["checkout"], durationMinutes: 72, revenueImpact: "about $12,000 | estimated", supportTickets: 14 },
  timeline: [
    { id: "inc-1", at: "2025-03-01T14:05:00.000Z", text: "Alert CheckoutErrors firing", kind: "alert_firing", source: "incident", incidentEntryId: 1, edited: false },
    { id: "inc-7", at: "2025-03-01T14:12:00.000Z", text: "Rolled back | to 2.13.4\nverified", kind: "action", source: "incident", incidentEntryId: 7, edited: true },
    { id: "m1", at: "2025-03-01T14:15:00.000Z", text: "Payments confirmed queue drained", kind: "note", source: "manual", edited: false },
  ],
  fiveWhys: { whys: ["Why did checkout fail? The DB pool was exhausted.", "", "Why was it exhausted?\nRetries multiplied connections."], rootCause: "Retries had no budget." },
  links: [{ label: "Grafana [checkout]", url: "https://grafana.example.com/d/abc" }],
});

/** "## Heading" → body (text up to the next "## "). */
function sections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = md.split(/^## /m).slice(1);
  for (const p of parts) {
    const nl = p.indexOf("\n");
    out.set(p.slice(0, nl), p.slice(nl).trim());
  }
  return out;
}
const render = (md: string) => renderToStaticMarkup(createElement(MarkdownView, { source: md, headingOffset: 0 }));

describe("postmortemMarkdown", () => {
  const md = postmortemMarkdown(doc(), DEFAULT_TEMPLATE, ctx);
  const s = sections(md);

  it("has every section heading of the template, in order, once", () => {
    expect([...md.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(DEFAULT_TEMPLATE.sections.map((x) => x.heading));
  });

  it("starts with the title and the metadata header, times in UTC", () => {
    expect(md.split("\n\n").slice(0, 2)).toEqual([
      "# Postmortem: Checkout errors after the \\*2.14\\* deploy",
      [
        "- **Incident:** INC-42",
        "- **Severity:** SEV2",
        "- **Status:** In review",
        "- **Started:** 2025-03-01 13:58 UTC",
        "- **Resolved:** 2025-03-01 15:10 UTC",
        "- **Duration:** 1 h 12 min",
        "- **Commander:** Alice",
        "- **Services:** checkout, payments",
        "- **Authors:** Alice, Carol",
        "- **Due:** 2025-03-03 15:10 UTC",
      ].join("\n"),
    ]);
    expect(md.endsWith("\n")).toBe(true);
  });

  it("writes the author's Markdown, with their headings below the section's", () => {
    expect(s.get("Summary")).toBe("Checkout failed for **12 %** of users.\n\n### A heading the author wrote");
  });

  it("says _Not written yet._ under empty sections and empty parts", () => {
    for (const h of ["Trigger", "Detection", "What went wrong", "Where we got lucky", "Lessons learned"]) expect(s.get(h)).toBe(NOT_WRITTEN);
    expect(s.get("Resolution")).toBe(`### Immediate fix\n\nRolled back to 2.13.4.\n\n### Workaround\n\n${NOT_WRITTEN}`);
  });

  it("writes the impact table", () => {
    expect(s.get("Impact")).toBe(
      [
        "| Measure | Value |",
        "| --- | --- |",
        "| Users affected | 1,200 |",
        "| Share of traffic | 12.5 % |",
        "| Services | checkout |",
        "| Duration | 1 h 12 min |",
        "| Revenue impact | about $12,000 \\| estimated |",
        "| Support tickets | 14 |",
      ].join("\n"),
    );
  });

  it("writes the SLO impact table with consumption, policy move and data source", () => {
    expect(s.get("SLO impact")).toBe(
      [
        "| SLO | Service | Budget consumed | Policy state | Data source |",
        "| --- | --- | --- | --- | --- |",
        "| Checkout availability | checkout | 104 % | Healthy → Exhausted | Prometheus \\(default\\) |",
        "| Checkout latency | checkout | 1.2 % | Warning (unchanged) | Prometheus \\(default\\) |",
        "| Payments | payments | not computed: No data in the window | Unknown (unchanged) | incident-based SLI |",
        "",
        "_Computed 2025-03-02 09:00 UTC over the incident window 2025-03-01 13:58 UTC to 2025-03-01 15:10 UTC._",
      ].join("\n"),
    );
  });

  it("writes the timeline table, marking edited and added rows, cells kept in their cells", () => {
    expect(s.get("Timeline")).toBe(
      [
        "| Time (UTC) | Kind | Event | Source |",
        "| --- | --- | --- | --- |",
        "| 2025-03-01 14:05 | Alert firing | Alert CheckoutErrors firing | Incident |",
        "| 2025-03-01 14:12 | Action taken | Rolled back \\| to 2.13.4 verified | Incident, edited |",
        "| 2025-03-01 14:15 | Note | Payments confirmed queue drained | Added |",
      ].join("\n"),
    );
  });

  it("writes the 5 whys as a numbered list (blank ones left out) and the root cause", () => {
    expect(s.get("Root cause")).toBe(
      ["### 5 Whys", "", "1. Why did checkout fail? The DB pool was exhausted.", "2. Why was it exhausted? Retries multiplied connections.", "", "**Root cause:**", "", "Retries had no budget."].join("\n"),
    );
  });

  it("writes the action items table with category, priority, owner, due, status and a safe link", () => {
    expect(s.get("Action items")).toBe(
      [
        "| Title | Category | Priority | Owner | Due | Status | Link |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| Add a retry budget | Prevent | P1 | Bob | 2025-03-14 | Open | — |",
        "| Alert on pool \\| saturation before errors | Detect | P0 | — | — | In progress | [link](<https://tracker.example.com/T-1%7Cx>) |",
      ].join("\n"),
    );
  });

  it("lists the supporting links", () => {
    expect(s.get("Supporting information")).toBe("- [Grafana \\[checkout\\]](<https://grafana.example.com/d/abc>)");
  });

  it("renders to HTML with intact tables and an inert <script>", () => {
    const html = render(md);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; The rollback was quick.");
    const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((t) => t[0]);
    expect(tables).toHaveLength(4); // impact, SLO impact, timeline, action items
    const widths = tables.map((t) => [...t.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) => (r[0].match(/<t[hd][\s>]/g) ?? []).length));
    expect(widths).toEqual([
      [2, 2, 2, 2, 2, 2, 2],
      [5, 5, 5, 5],
      [4, 4, 4, 4],
      [7, 7, 7],
    ]);
    expect(html).toContain('<a href="https://tracker.example.com/T-1%7Cx" rel="noopener noreferrer nofollow"');
  });

  it("an empty postmortem still has every heading, each saying it is not written (SLO impact: not computed)", () => {
    const empty = postmortemMarkdown(emptyDocument("Empty"), DEFAULT_TEMPLATE, { ...ctx, actionItems: [], sloImpact: null, authors: [], dueAt: null, commander: null, services: [], resolvedAt: null, durationMinutes: null, status: "draft" });
    const e = sections(empty);
    expect([...e.keys()]).toEqual(DEFAULT_TEMPLATE.sections.map((x) => x.heading));
    for (const [h, body] of e) expect(body, h).toBe(h === "SLO impact" ? NOT_COMPUTED : NOT_WRITTEN);
    expect(empty).toContain("- **Resolved:** not resolved yet\n- **Duration:** —\n- **Commander:** none\n- **Services:** none");
    expect(empty).not.toContain("**Authors:**");
    expect(empty).not.toContain("**Due:**");
  });

  it("says when the affected services have no SLOs, and adds a published time", () => {
    const out = postmortemMarkdown(emptyDocument("x"), DEFAULT_TEMPLATE, { ...ctx, status: "published", publishedAt: "2025-03-04T08:00:00Z", sloImpact: { ...ctx.sloImpact!, rows: [] } });
    expect(sections(out).get("SLO impact")).toBe("_The affected services have no SLOs._");
    expect(out).toContain("- **Status:** Published");
    expect(out).toContain("- **Published:** 2025-03-04 08:00 UTC");
  });

  it("follows the organisation's template: renamed, reordered, custom and hidden sections", () => {
    const template = mergeTemplate(DEFAULT_TEMPLATE, {
      order: ["summary", "custom-comms", ...DEFAULT_TEMPLATE.sections.slice(1).map((x) => x.key)],
      sections: { summary: { heading: "TL;DR" }, whereWeGotLucky: { hidden: true }, trigger: { hidden: true } },
      custom: [{ key: "custom-comms", heading: "Customer communication" }],
    });
    const d = doc();
    d.sections["custom-comms"] = "Status page updated 3 times.";
    d.sections.trigger = "The 2.14 deploy."; // hidden, but written before it was hidden: still exported
    const out = postmortemMarkdown(d, template, ctx);
    const heads = [...out.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(heads.slice(0, 3)).toEqual(["TL;DR", "Customer communication", "Impact"]);
    expect(heads).toContain("Trigger");
    expect(heads).not.toContain("Where we got lucky");
    expect(sections(out).get("Customer communication")).toBe("Status page updated 3 times.");
  });

  it("never drops text under keys the template no longer has", () => {
    const d = doc();
    d.sections["custom-old"] = "Written when the section existed.";
    d.sections["custom-blank"] = "  ";
    const out = postmortemMarkdown(d, DEFAULT_TEMPLATE, ctx);
    expect(out.trimEnd().endsWith("## Other notes\n\n### custom-old\n\nWritten when the section existed.")).toBe(true);
    expect(out).not.toContain("custom-blank");
  });

  it("adds the free text written under a structured section after its data", () => {
    const d = doc();
    d.sections.impact = "Mostly EU customers.";
    d.sections.timeline = "Times from the load balancer logs.";
    const out = sections(postmortemMarkdown(d, DEFAULT_TEMPLATE, ctx));
    expect(out.get("Impact")!.endsWith("| Support tickets | 14 |\n\nMostly EU customers.")).toBe(true);
    expect(out.get("Timeline")!.endsWith("| Added |\n\nTimes from the load balancer logs.")).toBe(true);
  });
});
