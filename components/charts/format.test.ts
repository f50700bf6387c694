import { describe, expect, it } from "vitest";
import { formatFullTimestamp, formatTimeTick, formatValue, timeTicks, zoneOffsetMinutes } from "./format";

describe("formatValue", () => {
  it("short: SI suffixes with up to 3 significant digits", () => {
    expect(formatValue(0)).toBe("0");
    expect(formatValue(12)).toBe("12");
    expect(formatValue(0.5)).toBe("0.5");
    expect(formatValue(1200)).toBe("1.2k");
    expect(formatValue(1234)).toBe("1.23k");
    expect(formatValue(3_400_000)).toBe("3.4M");
    expect(formatValue(-2_500_000_000)).toBe("-2.5G");
    expect(formatValue(999_999)).toBe("1M");
    expect(formatValue(0.00012)).toBe("1.2e-4");
  });

  it("percent: 0–100 scale, keeps nines", () => {
    expect(formatValue(50, "percent")).toBe("50%");
    expect(formatValue(12.345, "percent")).toBe("12.35%");
    expect(formatValue(99.95, "percent")).toBe("99.95%");
    expect(formatValue(99.9996, "percent")).toBe("99.9996%");
    
    expect(formatValue(100, "percent")).toBe("100%");
  });

  it("ratio: ×100 as percent", () => {
    expect(formatValue(0.25, "ratio")).toBe("25%");
    expect(formatValue(0.999, "ratio")).toBe("99.9%");
    expect(formatValue(1, "ratio")).toBe("100%");
  });

  it("seconds: µs / ms / s / min / h / d", () => {
    expect(formatValue(0, "seconds")).toBe("0 s");
    expect(formatValue(0.00025, "seconds")).toBe("250 µs");
    expect(formatValue(0.25, "seconds")).toBe("250 ms");
    expect(formatValue(1.5, "seconds")).toBe("1.5 s");
    expect(formatValue(90, "seconds")).toBe("1.5 min");
    expect(formatValue(7200, "seconds")).toBe("2 h");
    expect(formatValue(172800, "seconds")).toBe("2 d");
  });

  it("bytes: binary units", () => {
    expect(formatValue(512, "bytes")).toBe("512 B");
    expect(formatValue(1023, "bytes")).toBe("1023 B");
    expect(formatValue(1536, "bytes")).toBe("1.5 KiB");
    expect(formatValue(1024 * 1024, "bytes")).toBe("1 MiB");
    expect(formatValue(3.25 * 1024 ** 3, "bytes")).toBe("3.25 GiB");
  });

  it("reqps and custom units", () => {
    expect(formatValue(1234, "reqps")).toBe("1.23k req/s");
    expect(formatValue(3, "pods")).toBe("3 pods");
  });

  it("null, NaN and infinities render as a dash", () => {
    expect(formatValue(null)).toBe("–");
    expect(formatValue(NaN, "bytes")).toBe("–");
    expect(formatValue(Infinity, "percent")).toBe("–");
  });
});

describe("time formatting", () => {
  const t = Date.UTC(2024, 10, 12, 14, 5, 9);

  it("ticks: HH:mm for short spans, d MMM for long ones, seconds for tiny ones", () => {
    expect(formatTimeTick(t, 3_600_000, "UTC")).toBe("14:05");
    expect(formatTimeTick(t, 3_600_000, "Europe/Berlin")).toBe("15:05");
    expect(formatTimeTick(t, 7 * 86_400_000, "UTC")).toBe("12 Nov");
    expect(formatTimeTick(t, 5 * 60_000, "UTC")).toBe("14:05:09");
  });

  it("full timestamp includes the zone", () => {
    expect(formatFullTimestamp(t, "UTC")).toBe("Tue 12 Nov 2024, 14:05:09 UTC");
    expect(formatFullTimestamp(t, "Europe/Berlin")).toBe("Tue 12 Nov 2024, 15:05:09 CET");
  });

  it("zone offsets", () => {
    expect(zoneOffsetMinutes(t, "UTC")).toBe(0);
    expect(zoneOffsetMinutes(t, "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 1), "Europe/Berlin")).toBe(120);
    expect(zoneOffsetMinutes(t, "Asia/Kolkata")).toBe(330);
  });
});

describe("timeTicks", () => {
  it("1 hour → 10-minute ticks on the 10 minutes", () => {
    const start = Date.UTC(2024, 10, 12, 14, 3);
    const ticks = timeTicks(start, start + 3_600_000, 6, "UTC");
    expect(ticks.map((x) => new Date(x).toISOString().slice(11, 16))).toEqual(["14:10", "14:20", "14:30", "14:40", "14:50", "15:00"]);
  });

  it("7 days → ticks at local midnight", () => {
    const start = Date.UTC(2024, 10, 5, 9, 30);
    const ticks = timeTicks(start, start + 7 * 86_400_000, 7, "Europe/Berlin");
    expect(ticks).toHaveLength(7);
    for (const x of ticks) expect(formatTimeTick(x, 600_000, "Europe/Berlin")).toBe("00:00:00");
  });

  it("stays on local midnight across a DST change", () => {
    const start = Date.UTC(2024, 9, 24); // DST ends in Berlin on 27 Oct
    const ticks = timeTicks(start, start + 7 * 86_400_000, 8, "Europe/Berlin");
    for (const x of ticks) expect(formatTimeTick(x, 600_000, "Europe/Berlin")).toBe("00:00:00");
  });

  it("returns nothing for an empty span", () => {
    expect(timeTicks(5, 5)).toEqual([]);
  });
});
