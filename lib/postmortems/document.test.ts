import { describe, expect, it } from "vitest";
import { timelineKinds } from "@/db/schema";
import { LIMITS, ROW_KINDS, ROW_KIND_LABELS, emptyDocument, isHttpUrl, postmortemDocumentSchema, postmortemSaveSchema, type PostmortemDocument, type TimelineRow } from "./document";

const row = (over: Partial<TimelineRow> = {}): TimelineRow => ({ id: "r1", at: "2025-03-01T14:00:00Z", text: "Alert fired", kind: "note", source: "manual", edited: false, ...over });

const full = (): PostmortemDocument => ({
  title: "Checkout errors after the 2.14 deploy",
  sections: { summary: "Checkout failed for **12 %** of users.", "resolution.immediateFix": "Rolled back.", "custom-comms": "" },
  impact: { usersAffected: 1200, trafficPercent: 12.5, services: ["checkout"], durationMinutes: 72, revenueImpact: "about $12,000", supportTickets: 14 },
  timeline: [row(), row({ id: "inc-7", source: "incident", incidentEntryId: 7, kind: "alert_firing", edited: true })],
  timelineDismissed: [3],
  fiveWhys: { whys: ["Why did checkout fail?", "Why was the pool exhausted?"], rootCause: "No limit on retries." },
  links: [{ label: "Dashboard", url: "https://grafana.example.com/d/abc" }],
});

/** field path → messages */
function errors(doc: unknown): Record<string, string[]> {
  const r = postmortemDocumentSchema.safeParse(doc);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

describe("the postmortem document", () => {
  it("has the same row kinds as the incident timeline (db schema), each with a label", () => {
    expect([...ROW_KINDS]).toEqual([...timelineKinds]);
    for (const k of ROW_KINDS) expect(ROW_KIND_LABELS[k]).toMatch(/^[A-Z]/);
  });

  it("accepts an empty draft and a full document", () => {
    expect(errors(emptyDocument("Draft"))).toEqual({});
    expect(errors(full())).toEqual({});
    // Drafts may hold empty text anywhere: autosave must never refuse half-written work.
    const d = full();
    d.timeline[0].text = "";
    d.fiveWhys.whys.push("");
    expect(errors(d)).toEqual({});
  });

  it("trims the title and keeps the data otherwise as sent", () => {
    const d = { ...full(), title: "  Spaced  " };
    const r = postmortemDocumentSchema.parse(d);
    expect(r.title).toBe("Spaced");
    expect(r.timeline).toEqual(full().timeline);
  });

  it.each<[string, (d: PostmortemDocument) => void, string, string]>([
    ["an empty title", (d) => (d.title = "  "), "title", "Title is required."],
    ["a long title", (d) => (d.title = "x".repeat(201)), "title", "Title is at most 200 characters."],
    ["an unknown section key", (d) => (d.sections["Bad Key"] = "x"), "sections.Bad Key", '"Bad Key" is not a section key.'],
    ["a section over the limit", (d) => (d.sections.summary = "x".repeat(LIMITS.sectionChars + 1)), "sections.summary", "A section is at most 50,000 characters."],
    ["negative users", (d) => (d.impact.usersAffected = -1), "impact.usersAffected", "Users affected cannot be negative."],
    ["fractional tickets", (d) => (d.impact.supportTickets = 1.5), "impact.supportTickets", "Support tickets is a whole number."],
    ["traffic over 100 %", (d) => (d.impact.trafficPercent = 101), "impact.trafficPercent", "Traffic share is 0 to 100 %."],
    ["a string for a number", (d) => ((d.impact as Record<string, unknown>).durationMinutes = "72"), "impact.durationMinutes", "Duration is a number."],
    ["a row without a zone", (d) => (d.timeline[0].at = "2025-03-01 14:00"), "timeline.0.at", "Give the row's time as a date-time with a zone, e.g. 2025-03-01T14:05:00Z."],
    ["a row of an unknown kind", (d) => ((d.timeline[0] as Record<string, unknown>).kind = "gossip"), "timeline.0.kind", `A row kind is one of ${ROW_KINDS.join(", ")}.`],
    ["a long row", (d) => (d.timeline[0].text = "x".repeat(LIMITS.rowChars + 1)), "timeline.0.text", "A timeline row is at most 5,000 characters."],
    ["an imported row without its entry", (d) => delete d.timeline[1].incidentEntryId, "timeline.1.incidentEntryId", "An imported row names its incident entry; an added row does not."],
    ["an added row claiming an entry", (d) => (d.timeline[0].incidentEntryId = 9), "timeline.0.incidentEntryId", "An imported row names its incident entry; an added row does not."],
    ["two rows with one id", (d) => (d.timeline[1].id = "r1"), "timeline.1.id", 'Two timeline rows have the id "r1".'],
    ["one entry imported twice", (d) => d.timeline.push(row({ id: "x", source: "incident", incidentEntryId: 7 })), "timeline.2.incidentEntryId", "Incident entry 7 is imported twice."],
    ["too many rows", (d) => (d.timeline = Array.from({ length: LIMITS.timelineRows + 1 }, (_, i) => row({ id: `r${i}` }))), "timeline", "A timeline has at most 500 rows; keep the ones that tell the story and link the full log."],
    ["eleven whys", (d) => (d.fiveWhys.whys = Array.from({ length: 11 }, () => "why?")), "fiveWhys.whys", "At most 10 whys; if you need more, the question is probably too broad."],
    ["a javascript: link", (d) => (d.links[0].url = "javascript:alert(1)"), "links.0.url", "Give an http or https URL, e.g. https://grafana.example.com/d/abc."],
    ["a relative link", (d) => (d.links[0].url = "/incidents/4"), "links.0.url", "Give an http or https URL, e.g. https://grafana.example.com/d/abc."],
    ["an unknown field", (d) => ((d as Record<string, unknown>).extra = 1), "", 'Unrecognized key: "extra"'],
  ])("refuses %s with a clear message", (_name, mutate, path, message) => {
    const d = full();
    mutate(d);
    expect(errors(d)[path]).toContain(message);
  });

  it("refuses a document too large as a whole, saying how large", () => {
    const d = full();
    for (let i = 0; i < 25; i++) d.sections[`s${i}`] = "x".repeat(45_000);
    const e = errors(d)[""];
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^The postmortem is too large to save \(1,1\d\d,\d{3} characters of at most 1,000,000\); link long logs instead of pasting them\.$/);
  });

  it("save: needs the version the edit was based on", () => {
    expect(postmortemSaveSchema.safeParse({ version: 3, document: full() }).success).toBe(true);
    const r = postmortemSaveSchema.safeParse({ document: full() });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["version"], message: "The version the edit was based on is required." });
    expect(postmortemSaveSchema.safeParse({ version: 0, document: full() }).error!.issues[0].message).toBe("A version is a positive whole number.");
  });
});

describe("isHttpUrl", () => {
  it.each([
    ["https://grafana.example.com/d/abc?x=1#y", true],
    ["http://localhost:3000/incidents/1", true],
    ["HTTPS://EXAMPLE.COM", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["mailto:sre@example.com", false],
    ["//example.com", false],
    ["https://", false],
    ["https://exa mple.com", false],
    ["ftp://example.com", false],
  ])("%s → %s", (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
  });
});
