import { describe, expect, it } from "vitest";
import { formatZonedTime, formatZonedWindow, toLocalInput } from "./maintenance-time";

describe("maintenance times in the reader's zone", () => {
  const start = Date.parse("2026-07-01T13:00:00Z");
  it("shows the wall clock of the zone (Paris is UTC+2 in summer, New York UTC−4)", () => {
    expect(formatZonedWindow(start, start + 2.5 * 3_600_000, "UTC")).toBe("Wed 1 Jul 2026, 13:00 – 15:30 UTC");
    expect(formatZonedWindow(start, start + 2 * 3_600_000, "Europe/Paris")).toMatch(/^Wed 1 Jul 2026, 15:00 – 17:00 \S+$/);
    expect(formatZonedWindow(start, start + 12 * 3_600_000, "America/New_York")).toMatch(/^Wed 1 Jul 2026, 09:00 – 21:00 \S+$/);
    expect(formatZonedWindow(start, start + 12 * 3_600_000, "Asia/Tokyo")).toMatch(/^Wed 1 Jul 2026, 22:00 – Thu 2 Jul 2026, 10:00 \S+$/);
    expect(formatZonedTime(start, "Asia/Kolkata")).toMatch(/^Wed 1 Jul 2026, 18:30 \S+$/);
  });

  it("fills datetime-local inputs with the instant's wall clock in the zone", () => {
    expect(toLocalInput(start, "UTC")).toBe("2026-07-01T13:00");
    expect(toLocalInput(start, "Europe/Paris")).toBe("2026-07-01T15:00");
    expect(toLocalInput(Date.parse("2026-01-15T07:00:00Z"), "America/New_York")).toBe("2026-01-15T02:00");
  });
});
