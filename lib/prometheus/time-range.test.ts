import { describe, expect, it } from "vitest";
import {
  DEFAULT_RANGE,
  RANGE_PRESETS,
  applyTimeRange,
  fromDatetimeLocalValue,
  isRelative,
  parseTimeRange,
  refetchIntervalFor,
  resolveTimeRange,
  serializeTimeRange,
  timeRangeKey,
  timeRangeLabel,
  toDatetimeLocalValue,
  validateCustomRange,
  type TimeRange,
} from "./time-range";

const NOW = Date.UTC(2024, 10, 13, 9, 30); // 2024-11-13T09:30:00Z

describe("parseTimeRange", () => {
  it("reads every preset from URLSearchParams", () => {
    for (const p of RANGE_PRESETS) {
      expect(parseTimeRange(new URLSearchParams(`range=${p}`))).toEqual({ kind: "preset", preset: p });
    }
  });

  it("reads a Next searchParams object, taking the first of repeated values", () => {
    expect(parseTimeRange({ range: "7d" })).toEqual({ kind: "preset", preset: "7d" });
    expect(parseTimeRange({ range: ["1h", "90d"] })).toEqual({ kind: "preset", preset: "1h" });
    expect(parseTimeRange({ query: "up" })).toEqual(DEFAULT_RANGE);
  });

  it("reads a custom range", () => {
    const r = parseTimeRange(new URLSearchParams("from=2024-11-12T14:00:00Z&to=2024-11-13T09:30:00Z"));
    expect(r).toEqual({ kind: "custom", from: 1731420000000, to: 1731490200000 });
  });

  it("accepts offsets and milliseconds in custom bounds", () => {
    const r = parseTimeRange({ from: "2024-11-12T15:00+01:00", to: "2024-11-12T16:00:00.500Z" });
    expect(r).toEqual({ kind: "custom", from: Date.UTC(2024, 10, 12, 14), to: Date.UTC(2024, 10, 12, 16, 0, 0, 500) });
  });

  it("prefers a valid preset over from/to", () => {
    expect(parseTimeRange({ range: "6h", from: "2024-11-12T14:00:00Z", to: "2024-11-13T09:30:00Z" })).toEqual({ kind: "preset", preset: "6h" });
  });

  it.each([
    ["nothing", {}],
    ["unknown preset", { range: "2h" }],
    ["preset with wrong case", { range: "24H" }],
    ["from only", { from: "2024-11-12T14:00:00Z" }],
    ["reversed", { from: "2024-11-13T09:30:00Z", to: "2024-11-12T14:00:00Z" }],
    ["equal bounds", { from: "2024-11-12T14:00:00Z", to: "2024-11-12T14:00:00Z" }],
    ["too short", { from: "2024-11-12T14:00:00Z", to: "2024-11-12T14:00:30Z" }],
    ["too long", { from: "2020-01-01T00:00:00Z", to: "2024-01-01T00:00:00Z" }],
    ["before 2000", { from: "1999-12-31T00:00:00Z", to: "2000-01-02T00:00:00Z" }],
    ["not ISO", { from: "1731420000", to: "1731490200" }],
    ["no zone", { from: "2024-11-12T14:00", to: "2024-11-13T09:30" }],
    ["garbage", { from: "yesterday", to: "<script>" }],
    ["impossible date", { from: "2024-13-45T99:99:00Z", to: "2024-11-13T09:30:00Z" }],
  ])("falls back to the default for %s", (_, params) => {
    expect(parseTimeRange(params)).toEqual(DEFAULT_RANGE);
  });

  it("handles null, undefined and odd objects without throwing", () => {
    expect(parseTimeRange(null)).toEqual(DEFAULT_RANGE);
    expect(parseTimeRange(undefined)).toEqual(DEFAULT_RANGE);
    expect(parseTimeRange({ get: () => null })).toEqual(DEFAULT_RANGE);
  });

  it("default is the last 24 hours", () => {
    expect(DEFAULT_RANGE).toEqual({ kind: "preset", preset: "24h" });
  });
});

describe("serialize / apply", () => {
  it("round-trips presets and custom ranges", () => {
    const ranges: TimeRange[] = [
      ...RANGE_PRESETS.map((preset) => ({ kind: "preset" as const, preset })),
      { kind: "custom", from: 1731420000000, to: 1731490200000 },
      { kind: "custom", from: 1731420000123, to: 1731490200000 },
    ];
    for (const r of ranges) expect(parseTimeRange(serializeTimeRange(r))).toEqual(r);
  });

  it("writes compact ISO strings", () => {
    expect(serializeTimeRange({ kind: "custom", from: 1731420000000, to: 1731490200000 })).toEqual({
      from: "2024-11-12T14:00:00Z",
      to: "2024-11-13T09:30:00Z",
    });
    expect(serializeTimeRange({ kind: "preset", preset: "30d" })).toEqual({ range: "30d" });
  });

  it("keeps other params and replaces the other representation", () => {
    const p = new URLSearchParams("query=up&from=2024-11-12T14:00:00Z&to=2024-11-13T09:30:00Z");
    applyTimeRange(p, { kind: "preset", preset: "1h" });
    expect(p.toString()).toBe("query=up&range=1h");
    applyTimeRange(p, { kind: "custom", from: 1731420000000, to: 1731490200000 });
    expect(p.get("range")).toBeNull();
    expect(p.get("query")).toBe("up");
    expect(p.get("from")).toBe("2024-11-12T14:00:00Z");
  });
});

describe("resolveTimeRange", () => {
  it("1h at a fixed now is exactly now-3600000..now and relative", () => {
    expect(resolveTimeRange({ kind: "preset", preset: "1h" }, NOW)).toEqual({ start: NOW - 3_600_000, end: NOW, relative: true });
  });

  it("90d spans 90 × 86400000 ms", () => {
    const r = resolveTimeRange({ kind: "preset", preset: "90d" }, NOW);
    expect(r.end - r.start).toBe(7_776_000_000);
  });

  it("custom ranges ignore now and are not relative", () => {
    const r: TimeRange = { kind: "custom", from: 1000, to: 2000 };
    expect(resolveTimeRange(r, NOW)).toEqual({ start: 1000, end: 2000, relative: false });
    expect(isRelative(r)).toBe(false);
  });
});

describe("labels and keys", () => {
  it("names presets", () => {
    expect(timeRangeLabel({ kind: "preset", preset: "24h" })).toBe("Last 24 hours");
    expect(timeRangeLabel({ kind: "preset", preset: "1h" })).toBe("Last 1 hour");
  });

  it("formats a custom range in the given zone", () => {
    const r: TimeRange = { kind: "custom", from: Date.UTC(2024, 10, 12, 14), to: Date.UTC(2024, 10, 13, 9, 30) };
    expect(timeRangeLabel(r, { timeZone: "UTC" })).toBe("12 Nov 14:00 – 13 Nov 09:30");
    expect(timeRangeLabel(r, { timeZone: "Europe/Berlin" })).toBe("12 Nov 15:00 – 13 Nov 10:30");
  });

  it("adds years when the bounds are in different years", () => {
    const r: TimeRange = { kind: "custom", from: Date.UTC(2023, 11, 31, 22), to: Date.UTC(2024, 0, 1, 2) };
    expect(timeRangeLabel(r, { timeZone: "UTC" })).toBe("31 Dec 2023 22:00 – 1 Jan 2024 02:00");
  });

  it("keys presets by name, so they do not change as time passes", () => {
    expect(timeRangeKey({ kind: "preset", preset: "24h" })).toBe("24h");
    expect(timeRangeKey({ kind: "custom", from: 1, to: 2 })).toBe("custom:1-2");
  });
});

describe("refetchIntervalFor", () => {
  it("gives shorter intervals to shorter relative ranges and none to custom", () => {
    expect(refetchIntervalFor({ kind: "preset", preset: "1h" })).toBe(30_000);
    expect(refetchIntervalFor({ kind: "preset", preset: "6h" })).toBe(60_000);
    expect(refetchIntervalFor({ kind: "preset", preset: "24h" })).toBe(60_000);
    expect(refetchIntervalFor({ kind: "preset", preset: "7d" })).toBe(300_000);
    expect(refetchIntervalFor({ kind: "preset", preset: "90d" })).toBe(300_000);
    expect(refetchIntervalFor({ kind: "custom", from: 1, to: 2 })).toBe(false);
  });
});

describe("validateCustomRange", () => {
  it("accepts a sane range and explains bad ones", () => {
    expect(validateCustomRange(NOW - 3_600_000, NOW)).toBeNull();
    expect(validateCustomRange(NOW, NOW - 1)).toMatch(/before/);
    expect(validateCustomRange(NaN, NOW)).toMatch(/both/);
    expect(validateCustomRange(NOW - 1000, NOW)).toMatch(/1 minute/);
    expect(validateCustomRange(NOW - 401 * 86_400_000, NOW)).toMatch(/400 days/);
  });
});

describe("datetime-local values", () => {
  it("round-trips through the local zone", () => {
    const ms = new Date(2024, 10, 12, 14, 5).getTime();
    expect(toDatetimeLocalValue(ms)).toBe("2024-11-12T14:05");
    expect(fromDatetimeLocalValue("2024-11-12T14:05")).toBe(ms);
    expect(fromDatetimeLocalValue("2024-11-12T14:05:30")).toBe(ms + 30_000);
  });

  it("rejects empty, malformed and rolled-over values", () => {
    expect(fromDatetimeLocalValue("")).toBeNull();
    expect(fromDatetimeLocalValue("2024-11-12")).toBeNull();
    expect(fromDatetimeLocalValue("2024-02-31T10:00")).toBeNull();
  });
});
