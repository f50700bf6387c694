import { describe, expect, it } from "vitest";
import { incidentChartWindow } from "./chart-window";

const H = 3_600_000;
const T = Date.parse("2025-03-01T10:00:00Z");

describe("the incident's chart window", () => {
  it("pads a resolved incident by a quarter of its length on each side", () => {
    expect(incidentChartWindow(T, T + 4 * H, T + 48 * H)).toEqual({ from: T - H, to: T + 5 * H, incident: { from: T, to: T + 4 * H } });
  });
  it("pads at least 30 minutes and at most 6 hours", () => {
    expect(incidentChartWindow(T, T + 10 * 60_000, T + 48 * H).from).toBe(T - 30 * 60_000);
    expect(incidentChartWindow(T, T + 72 * H, T + 96 * H).from).toBe(T - 6 * H);
  });
  it("ends at now while the incident is open, and never charts the future", () => {
    expect(incidentChartWindow(T, null, T + 2 * H)).toEqual({ from: T - 30 * 60_000, to: T + 2 * H, incident: { from: T, to: T + 2 * H } });
    expect(incidentChartWindow(T, T + 2 * H, T + 2 * H + 60_000).to).toBe(T + 2 * H + 60_000);
  });
});
