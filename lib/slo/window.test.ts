import { describe, expect, it } from "vitest";
import { resolveWindow } from "./window";

const H = 3_600_000;
const DAY = 24 * H;

describe("SLO windows", () => {
  it("rolling windows end now", () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(resolveWindow({ kind: "rolling", days: 30 }, now)).toEqual({ startMs: now - 30 * DAY, endMs: now, lengthMs: 30 * DAY, elapsedMs: 30 * DAY });
  });

  it("a calendar month across the spring DST change is an hour short (Europe/London, March 2026)", () => {
    const now = Date.UTC(2026, 2, 30, 12); // after the 29 March change
    const w = resolveWindow({ kind: "calendar", unit: "month", timeZone: "Europe/London" }, now);
    expect(w.startMs).toBe(Date.UTC(2026, 2, 1, 0)); // GMT
    expect(w.endMs).toBe(Date.UTC(2026, 2, 31, 23)); // 1 April 00:00 BST
    expect(w.lengthMs).toBe(31 * DAY - H);
    expect(w.elapsedMs).toBe(now - Date.UTC(2026, 2, 1));
  });

  it("a calendar month across the autumn change is an hour long (America/Chicago, November 2026)", () => {
    const w = resolveWindow({ kind: "calendar", unit: "month", timeZone: "America/Chicago" }, Date.UTC(2026, 10, 23, 12));
    expect(w.startMs).toBe(Date.UTC(2026, 10, 1, 5)); // 00:00 CDT
    expect(w.endMs).toBe(Date.UTC(2026, 11, 1, 6)); // 00:00 CST
    expect(w.lengthMs).toBe(30 * DAY + H);
  });

  it("quarters start on the quarter's first day in the zone, including the last moments of a period", () => {
    const w = resolveWindow({ kind: "calendar", unit: "quarter", timeZone: "Asia/Tokyo" }, Date.UTC(2026, 8, 30, 14, 59, 59)); // 23:59:59 JST, 30 Sep
    expect(w.startMs).toBe(Date.UTC(2026, 5, 30, 15)); // 1 July 00:00 JST
    expect(w.endMs).toBe(Date.UTC(2026, 8, 30, 15)); // 1 October 00:00 JST
    const next = resolveWindow({ kind: "calendar", unit: "quarter", timeZone: "Asia/Tokyo" }, Date.UTC(2026, 8, 30, 15));
    expect(next.startMs).toBe(Date.UTC(2026, 8, 30, 15));
    expect(next.elapsedMs).toBe(0);
  });

  it("refuses an unknown time zone", () => {
    expect(() => resolveWindow({ kind: "calendar", unit: "month", timeZone: "Mars/Olympus" }, 0)).toThrow(/time zone/);
  });
});
