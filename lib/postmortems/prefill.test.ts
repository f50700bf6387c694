import { describe, expect, it } from "vitest";
import { LIMITS, postmortemDocumentSchema } from "./document";
import { prefillFromIncident, resyncLinks, type IncidentForPostmortem } from "./prefill";
import { IMPORTED_KINDS, type IncidentEntry } from "./timeline-import";

const incident: IncidentForPostmortem = {
  ref: "INC-42",
  title: "Checkout errors after the 2.14 deploy",
  summary: "  Checkout returned 500s for a subset of users.  ",
  severity: "SEV2",
  status: "resolved",
  detectedBy: "alert",
  services: [
    { slug: "checkout", name: "Checkout" },
    { slug: "payments", name: "" },
  ],
  commander: { id: "u1", name: "Alice", email: "alice@example.com" },
  impact: { usersAffected: 1200, revenue: 12000, supportTickets: 14 },
  timestamps: { started: "2025-03-01T13:58:00.000Z", detected: "2025-03-01T14:05:00.000Z", resolved: "2025-03-01T15:10:00.000Z" },
};

const e = (id: number, at: string, kind: IncidentEntry["kind"], body: string, data?: Record<string, unknown>): IncidentEntry => ({ id, at, kind, body, ...(data ? { data } : {}) });

const entries: IncidentEntry[] = [
  e(1, "2025-03-01T14:05:00Z", "status", "Incident declared"),
  e(2, "2025-03-01T14:05:30Z", "alert_firing", "CheckoutErrors firing"),
  e(3, "2025-03-01T14:06:00Z", "role", "Incident commander: Alice"),
  e(4, "2025-03-01T14:07:00Z", "severity", "Severity SEV3 → SEV2"),
  e(5, "2025-03-01T14:09:00Z", "note", "Error rate 12 % since the deploy"),
  e(6, "2025-03-01T14:10:00Z", "link", "Grafana: checkout errors", { url: "https://grafana.example.com/d/abc" }),
  e(7, "2025-03-01T14:12:00Z", "action", "Rolled back to 2.13.4"),
  e(8, "2025-03-01T14:13:00Z", "edit", "Summary updated"),
  e(9, "2025-03-01T14:20:00Z", "status_update", "We are recovering."),
  e(10, "2025-03-01T14:30:00Z", "alert_resolved", ""),
  e(11, "2025-03-01T14:31:00Z", "timestamp_edit", "Started corrected to 13:58"),
  e(12, "2025-03-01T15:10:00Z", "status", "Status monitoring → resolved"),
  // Written later about something earlier: sorted by time, not by id.
  e(13, "2025-03-01T14:08:00Z", "note", "Deploy 2.14 finished at 13:57"),
  e(14, "2025-03-01T14:40:00Z", "link", "Not a web link", { url: "javascript:alert(1)" }),
];
const now = Date.parse("2025-03-02T09:00:00Z");

describe("prefillFromIncident", () => {
  const p = prefillFromIncident(incident, entries, now);

  it("takes the header facts from the incident", () => {
    expect(p.meta).toEqual({
      incidentRef: "INC-42",
      severity: "SEV2",
      date: "2025-03-01",
      startedAt: "2025-03-01T13:58:00.000Z",
      detectedAt: "2025-03-01T14:05:00.000Z",
      resolvedAt: "2025-03-01T15:10:00.000Z",
      durationMinutes: 72, // 13:58 → 15:10
      ongoing: false,
      commander: { id: "u1", name: "Alice" },
      services: [
        { slug: "checkout", name: "Checkout" },
        { slug: "payments", name: "" },
      ],
    });
  });

  it("fills title, summary, detection and impact", () => {
    const d = p.document;
    expect(d.title).toBe("Checkout errors after the 2.14 deploy");
    expect(d.sections.summary).toBe("Checkout returned 500s for a subset of users.");
    expect(d.sections.detection).toBe("Detected by an alert at 2025-03-01 14:05 UTC, 7 min after it started (2025-03-01 13:58 UTC).");
    expect(d.impact).toEqual({ usersAffected: 1200, trafficPercent: null, services: ["Checkout", "payments"], durationMinutes: 72, revenueImpact: "12000", supportTickets: 14 });
    expect(d.fiveWhys).toEqual({ whys: [], rootCause: "" });
    expect(d.timelineDismissed).toEqual([]);
  });

  it("imports status, severity, notes, actions, alerts and status updates in time order; not roles, edits or time corrections", () => {
    expect(p.document.timeline.map((r) => r.incidentEntryId)).toEqual([1, 2, 4, 13, 5, 7, 9, 10, 12]);
    expect(p.document.timeline.every((r) => r.source === "incident" && !r.edited && r.id === `inc-${r.incidentEntryId}`)).toBe(true);
    expect(p.document.timeline.find((r) => r.incidentEntryId === 7)).toEqual({
      id: "inc-7",
      at: "2025-03-01T14:12:00.000Z",
      text: "Rolled back to 2.13.4",
      kind: "action",
      source: "incident",
      incidentEntryId: 7,
      edited: false,
    });
    // An entry with no text gets a label, so the row says what happened.
    expect(p.document.timeline.find((r) => r.incidentEntryId === 10)?.text).toBe("Alert resolved");
    expect(new Set(IMPORTED_KINDS)).toEqual(new Set(["status", "severity", "note", "action", "alert_firing", "alert_resolved", "status_update"]));
    expect(p.skipped).toBe(0);
  });

  it("turns link entries with web URLs into supporting links", () => {
    expect(p.document.links).toEqual([{ label: "Grafana: checkout errors", url: "https://grafana.example.com/d/abc" }]);
  });

  it("produces a document the save schema accepts", () => {
    expect(postmortemDocumentSchema.safeParse(p.document).success).toBe(true);
  });

  it("measures an unresolved incident up to now and says it is ongoing; no detection line without detectedBy", () => {
    const open = prefillFromIncident({ ...incident, detectedBy: undefined, status: "monitoring", timestamps: { ...incident.timestamps, resolved: null } }, [], new Date("2025-03-01T16:00:00Z"));
    expect(open.meta).toMatchObject({ resolvedAt: null, durationMinutes: 122, ongoing: true });
    expect(open.document.impact.durationMinutes).toBe(122);
    expect(open.document.sections.detection).toBeUndefined();
    expect(open.document.timeline).toEqual([]);
  });

  it("says when detection was immediate, names customers and users, and leaves empty figures empty", () => {
    const at = "2025-03-01T13:58:00.000Z";
    const base = { ...incident, summary: "", impact: {}, commander: null, timestamps: { started: at, detected: at, resolved: null } };
    const c = prefillFromIncident({ ...base, detectedBy: "customer" }, [], now);
    expect(c.document.sections.detection).toBe("Reported by a customer at 2025-03-01 13:58 UTC, as it started.");
    expect(c.document.sections.summary).toBeUndefined();
    expect(c.document.impact).toMatchObject({ usersAffected: null, trafficPercent: null, revenueImpact: "", supportTickets: null });
    expect(c.meta.commander).toBeNull();
    expect(prefillFromIncident({ ...base, detectedBy: "user" }, [], now).document.sections.detection).toMatch(/^Reported by a person on the team at /);
  });

  it("uses the commander's email when the name is empty, and cuts over-long text to the limits", () => {
    const long = prefillFromIncident(
      { ...incident, commander: { id: "u2", name: "", email: "bob@example.com" }, title: "t".repeat(300) },
      [e(1, "2025-03-01T14:00:00Z", "note", "n".repeat(LIMITS.rowChars + 500))],
      now,
    );
    expect(long.meta.commander).toEqual({ id: "u2", name: "bob@example.com" });
    expect(long.document.title).toHaveLength(LIMITS.title);
    expect(long.document.timeline[0].text).toHaveLength(LIMITS.rowChars);
    expect(long.document.timeline[0].text.endsWith("…")).toBe(true);
    expect(postmortemDocumentSchema.safeParse(long.document).success).toBe(true);
  });

  it("stops at the row limit and counts what it left out", () => {
    const many = Array.from({ length: LIMITS.timelineRows + 25 }, (_, i) => e(i + 1, new Date(Date.parse("2025-03-01T14:00:00Z") + i * 1000).toISOString(), "alert_firing", `a${i}`));
    const r = prefillFromIncident(incident, many, now);
    expect(r.document.timeline).toHaveLength(LIMITS.timelineRows);
    expect(r.skipped).toBe(25);
    // The earliest ones are kept.
    expect(r.document.timeline.at(-1)!.incidentEntryId).toBe(LIMITS.timelineRows);
  });
});

describe("resyncLinks", () => {
  it("adds link entries whose URL is not listed yet, keeping the author's links first and unchanged", () => {
    const mine = [{ label: "My label", url: "https://grafana.example.com/d/abc" }];
    const more = [...entries, e(20, "2025-03-01T15:00:00Z", "link", "PR", { url: "https://git.example.com/pr/1" }), e(21, "2025-03-01T15:01:00Z", "link", "PR again", { url: "https://git.example.com/pr/1" })];
    expect(resyncLinks(mine, more)).toEqual([mine[0], { label: "PR", url: "https://git.example.com/pr/1" }]);
  });

  it("stops at the link limit", () => {
    const full = Array.from({ length: LIMITS.links }, (_, i) => ({ label: `${i}`, url: `https://e.com/${i}` }));
    expect(resyncLinks(full, entries)).toEqual(full);
  });
});
