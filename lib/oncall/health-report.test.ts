import { describe, expect, it } from "vitest";
import { SEVERITY_TABLE } from "@/lib/incidents/severity";
import { countedIncidents, healthPages, MAX_RESPONSE_MS, responseCompliance, responseWork, type IncidentFact } from "./health-report";
import { parsePeriod, periodParams } from "./health-period";

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2025, 2, 3, 0, 0);

// Alex is on call on "pay" for the first 12 hours, Sam for the next 12; Kim on "search" all day.
const bySchedule = new Map([
  ["pay", [{ userId: "alex", startMs: T0, endMs: T0 + 12 * H }, { userId: "sam", startMs: T0 + 12 * H, endMs: T0 + 24 * H }]],
  ["search", [{ userId: "kim", startMs: T0, endMs: T0 + 24 * H }]],
]);
const inc = (id: string, over: Partial<IncidentFact>): IncidentFact => ({ id, severity: "SEV2", startedMs: T0, detectedMs: T0, acknowledgedMs: null, endMs: null, scheduleIds: ["pay"], ...over });

describe("which incidents count for whom", () => {
  const incidents = [
    // Paged Alex at 02:00 and, on escalation, Sam at 02:15; it started on Alex's shift.
    inc("a", { startedMs: T0 + 2 * H, detectedMs: T0 + 2 * H, acknowledgedMs: T0 + 2 * H + 20 * MIN, endMs: T0 + 3 * H }),
    // Started on Sam's shift on a covering schedule; no escalation paged anyone.
    inc("b", { startedMs: T0 + 13 * H, detectedMs: T0 + 13 * H + 5 * MIN, acknowledgedMs: T0 + 14 * H, endMs: null }),
    // On a service no schedule covers: nobody, unless paged.
    inc("c", { startedMs: T0 + 5 * H, detectedMs: T0 + 5 * H, scheduleIds: [] }),
  ];
  const pages = [
    { timerId: "t1", incidentId: "a", atMs: T0 + 2 * H, userIds: ["alex"] },
    { timerId: "t2", incidentId: "a", atMs: T0 + 2 * H + 15 * MIN, userIds: ["sam"] },
    { timerId: "t3", incidentId: "c", atMs: T0 + 5 * H, userIds: ["kim"] },
  ];
  const counted = countedIncidents(pages, incidents, bySchedule);

  it("counts an incident once per person, at its first instant, paged or met on shift", () => {
    expect(counted).toEqual([
      { userId: "alex", incidentId: "a", firstMs: T0 + 2 * H, via: "paged" },
      { userId: "sam", incidentId: "a", firstMs: T0 + 2 * H + 15 * MIN, via: "paged" },
      { userId: "kim", incidentId: "c", firstMs: T0 + 5 * H, via: "paged" },
      { userId: "sam", incidentId: "b", firstMs: T0 + 13 * H, via: "shift" },
    ]);
  });

  it("pages are the escalation's, plus one at the start of an incident met on shift only", () => {
    expect(healthPages(pages, counted, incidents).map((p) => `${p.userId}@${(p.atMs - T0) / MIN}:${p.incidentId}`)).toEqual(["alex@120:a", "sam@135:a", "kim@300:c", "sam@780:b"]);
  });

  it("response runs from the first instant to mitigation, or the period's end, at most 12 hours", () => {
    const work = responseWork(counted, incidents, T0 + 48 * H);
    expect(work.map((w) => [w.userId, w.incidentId, (w.endMs - w.startMs) / MIN])).toEqual([
      ["alex", "a", 60],
      ["sam", "a", 45],
      // c never ended: capped.
      ["kim", "c", MAX_RESPONSE_MS / MIN],
      ["sam", "b", MAX_RESPONSE_MS / MIN],
    ]);
  });

  it("acknowledgement within the severity's respond target, per person and for the team", () => {
    // SEV2: 30 minutes from detection. a: 20 min (met). b: 55 min (missed). c: not acknowledged, detected at 05:00.
    const early = responseCompliance(counted, incidents, SEVERITY_TABLE, T0 + 5 * H + 10 * MIN);
    expect(early.people.get("alex")).toEqual({ met: 1, missed: 0, open: 0, rate: 1 });
    expect(early.people.get("sam")).toEqual({ met: 1, missed: 1, open: 0, rate: 0.5 });
    expect(early.people.get("kim")).toEqual({ met: 0, missed: 0, open: 1, rate: null });
    expect(early.team).toEqual({ met: 1, missed: 1, open: 1, rate: 0.5 });
    // Once c's 30 minutes have passed unacknowledged, it is missed.
    expect(responseCompliance(counted, incidents, SEVERITY_TABLE, T0 + 5 * H + 31 * MIN).team).toEqual({ met: 1, missed: 2, open: 0, rate: 1 / 3 });
  });
});

describe("the report's period", () => {
  const now = Date.UTC(2025, 2, 15, 13, 30);
  it("defaults to the 28 days up to the end of today; dates are whole UTC days with the end included", () => {
    expect(parsePeriod({}, now)).toEqual({ ok: true, period: { fromMs: Date.UTC(2025, 1, 16), toMs: Date.UTC(2025, 2, 16) } });
    const p = parsePeriod({ from: "2025-03-01", to: "2025-03-31" }, now);
    expect(p).toEqual({ ok: true, period: { fromMs: Date.UTC(2025, 2, 1), toMs: Date.UTC(2025, 3, 1) } });
    expect(p.ok && periodParams(p.period)).toEqual({ from: "2025-03-01", to: "2025-03-31" });
    expect(parsePeriod({ from: "2025-03-01T06:00:00+01:00", to: "2025-03-02T00:00:00Z" }, now)).toEqual({ ok: true, period: { fromMs: Date.UTC(2025, 2, 1, 5), toMs: Date.UTC(2025, 2, 2) } });
  });
  it("refuses bad dates, an end before the start and periods over a year", () => {
    expect(parsePeriod({ from: "2025-02-30" }, now)).toMatchObject({ ok: false, fields: { from: [expect.stringContaining("date")] } });
    expect(parsePeriod({ from: "2025-03-10", to: "2025-03-01" }, now)).toMatchObject({ ok: false, fields: { to: ["The end must be after the start."] } });
    expect(parsePeriod({ from: "2023-01-01", to: "2025-01-01" }, now)).toMatchObject({ ok: false, fields: { to: [expect.stringContaining("366 days")] } });
    expect(parsePeriod({ to: "tomorrow" }, now)).toMatchObject({ ok: false, fields: { to: [expect.any(String)] } });
  });
});
