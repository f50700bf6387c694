import { describe, expect, it } from "vitest";
import { ackWithinTarget, durationStat, incidentMetrics, monthKey, monthLabel, monthsBetween, type MetricIncident } from "./metrics";

const MIN = 60_000;
const H = 60 * MIN;
const t = (iso: string) => Date.parse(iso);
const checkout = { slug: "checkout", name: "Checkout" };
const search = { slug: "search", name: "Search" };

/** Minutes after `start` for each milestone; null when not reached. */
function inc(severity: MetricIncident["severity"], start: string, detectMin: number, ackMin: number | null, resolveMin: number | null, services = [checkout]): MetricIncident {
  const s = t(start);
  return {
    severity,
    services,
    startedAt: s,
    detectedAt: s + detectMin * MIN,
    acknowledgedAt: ackMin === null ? null : s + ackMin * MIN,
    resolvedAt: resolveMin === null ? null : s + resolveMin * MIN,
  };
}

describe("durationStat", () => {
  it("is empty without values, the middle value for an odd count and the mean of the two middles for an even one", () => {
    expect(durationStat([])).toEqual({ count: 0, median: null, mean: null });
    expect(durationStat([7])).toEqual({ count: 1, median: 7, mean: 7 });
    expect(durationStat([9, 1, 5])).toEqual({ count: 3, median: 5, mean: 5 });
    expect(durationStat([10, 1, 4, 3])).toEqual({ count: 4, median: 3.5, mean: 4.5 });
    expect(durationStat([100, 1, 1, 1, 2])).toEqual({ count: 5, median: 1, mean: 21 });
  });
});

describe("months", () => {
  it("keys a time by its month in the time zone asked", () => {
    expect(monthKey(t("2025-03-31T23:30:00Z"))).toBe("2025-03");
    expect(monthKey(t("2025-03-31T23:30:00Z"), "Europe/Berlin")).toBe("2025-04");
    expect(monthKey(t("2025-01-01T02:00:00Z"), "America/New_York")).toBe("2024-12");
    expect(monthLabel("2025-03")).toBe("Mar 2025");
  });

  it("lists every month of a range across a year end", () => {
    expect(monthsBetween(t("2024-11-15T00:00:00Z"), t("2025-02-01T00:00:00Z"))).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsBetween(t("2025-05-02T00:00:00Z"), t("2025-05-30T00:00:00Z"))).toEqual(["2025-05"]);
  });
});

describe("acknowledged within the respond target", () => {
  const now = t("2025-03-10T12:00:00Z");
  it("counts from detection, with the target itself included", () => {
    // SEV1: 15 min. Detected at +5; acknowledged at +20 is exactly 15 min: met. At +21: missed.
    expect(ackWithinTarget(inc("SEV1", "2025-03-03T10:00:00Z", 5, 20, null), now)).toBe(true);
    expect(ackWithinTarget(inc("SEV1", "2025-03-03T10:00:00Z", 5, 21, null), now)).toBe(false);
    // SEV3: 2 h; 119 min after detection is met.
    expect(ackWithinTarget(inc("SEV3", "2025-03-03T10:00:00Z", 0, 119, null), now)).toBe(true);
  });

  it("counts an unacknowledged incident as missed once overdue, and leaves it out while it still has time", () => {
    expect(ackWithinTarget(inc("SEV2", "2025-03-10T11:00:00Z", 10, null, null), now)).toBe(false); // due 11:40
    expect(ackWithinTarget(inc("SEV2", "2025-03-10T11:40:00Z", 0, null, null), now)).toBe(null); // due 12:10
  });

  it("gives SEV4 the next business day: Friday to Monday", () => {
    // Detected Friday 2025-03-07 15:00; due Monday 2025-03-10 15:00.
    expect(ackWithinTarget(inc("SEV4", "2025-03-07T15:00:00Z", 0, 3 * 24 * 60, null), now)).toBe(true);
    expect(ackWithinTarget(inc("SEV4", "2025-03-07T15:00:00Z", 0, 3 * 24 * 60 + 1, null), now)).toBe(false);
    expect(ackWithinTarget(inc("SEV4", "2025-03-07T15:00:00Z", 0, null, null), now)).toBe(null);
  });
});

describe("incidentMetrics", () => {
  const now = t("2025-04-15T00:00:00Z");
  // By hand (minutes from start: detect, acknowledge, resolve):
  //  a SEV1 Mar  checkout         2, 10, 62    MTTD 2  MTTA 8   MTTR 62   ack 8 ≤ 15: met
  //  b SEV1 Mar  checkout+search  4, 30, 124   MTTD 4  MTTA 26  MTTR 124  ack 26 > 15: missed
  //  c SEV2 Mar  search           0, 20, —     MTTD 0  MTTA 20  —         ack 20 ≤ 30: met
  //  d SEV3 Feb  (none)           10, —, —     MTTD 10 —        —         2 h passed long ago: missed
  //  e SEV2 Apr  checkout         6, 46, 246   MTTD 6  MTTA 40  MTTR 246  ack 40 > 30: missed
  const list = [
    inc("SEV1", "2025-03-05T10:00:00Z", 2, 10, 62),
    inc("SEV1", "2025-03-20T08:00:00Z", 4, 30, 124, [checkout, search]),
    inc("SEV2", "2025-03-28T23:00:00Z", 0, 20, null, [search]),
    inc("SEV3", "2025-02-14T12:00:00Z", 10, null, null, []),
    inc("SEV2", "2025-04-01T00:00:00Z", 6, 46, 246),
  ];
  const m = incidentMetrics(list, now, { range: { from: t("2025-01-01T00:00:00Z"), to: t("2025-05-01T00:00:00Z") } });

  it("computes the overall medians, means and target share", () => {
    expect(m.overall).toEqual({
      key: "all",
      label: "All incidents",
      incidents: 5,
      mttd: { count: 5, median: 4 * MIN, mean: ((2 + 4 + 0 + 10 + 6) / 5) * MIN }, // sorted 0 2 4 6 10
      mtta: { count: 4, median: ((20 + 26) / 2) * MIN, mean: ((8 + 26 + 20 + 40) / 4) * MIN }, // sorted 8 20 26 40
      mttr: { count: 3, median: 124 * MIN, mean: ((62 + 124 + 246) / 3) * MIN },
      ackWithinTarget: { met: 2, counted: 5, share: 0.4 },
    });
  });

  it("lists every month of the range, empty ones too, by the month the incident started", () => {
    expect(m.byMonth.map((g) => [g.key, g.label, g.incidents])).toEqual([
      ["2025-01", "Jan 2025", 0],
      ["2025-02", "Feb 2025", 1],
      ["2025-03", "Mar 2025", 3],
      ["2025-04", "Apr 2025", 1],
    ]);
    const [jan, feb, mar, apr] = m.byMonth;
    expect(jan).toMatchObject({ mttd: { count: 0, median: null, mean: null }, ackWithinTarget: { met: 0, counted: 0, share: null } });
    expect(feb).toMatchObject({ mttd: { median: 10 * MIN }, mtta: { count: 0, median: null }, ackWithinTarget: { met: 0, counted: 1, share: 0 } });
    expect(mar).toMatchObject({
      mttd: { median: 2 * MIN, mean: 2 * MIN },
      mtta: { median: 20 * MIN, mean: ((8 + 26 + 20) / 3) * MIN },
      mttr: { count: 2, median: 93 * H / 60, mean: 93 * MIN },
      ackWithinTarget: { met: 2, counted: 3 },
    });
    expect(mar.ackWithinTarget.share).toBeCloseTo(2 / 3, 12);
    expect(apr).toMatchObject({ mtta: { median: 40 * MIN }, mttr: { median: 246 * MIN }, ackWithinTarget: { met: 0, counted: 1, share: 0 } });
  });

  it("lists every severity", () => {
    expect(m.bySeverity.map((g) => [g.key, g.incidents, g.mtta.median, g.mttr.median, g.ackWithinTarget.share])).toEqual([
      ["SEV1", 2, 17 * MIN, 93 * MIN, 0.5],
      ["SEV2", 2, 30 * MIN, 246 * MIN, 0.5],
      ["SEV3", 1, null, null, 0],
      ["SEV4", 0, null, null, null],
    ]);
  });

  it("counts an incident for each service it affected, by service name, with no service last", () => {
    expect(m.byService.map((g) => [g.key, g.label, g.incidents, g.mttd.mean, g.mtta.median])).toEqual([
      ["checkout", "Checkout", 3, 4 * MIN, 26 * MIN], // a, b, e: MTTD 2 4 6; MTTA 8 26 40
      ["search", "Search", 2, 2 * MIN, 23 * MIN], // b, c: MTTD 4 0; MTTA 26 20
      ["(none)", "No service", 1, 10 * MIN, null],
    ]);
  });

  it("leaves out of the target share an incident that still has time to be acknowledged", () => {
    const fresh = inc("SEV3", "2025-04-14T23:00:00Z", 0, null, null); // due 01:00, now 00:00
    const r = incidentMetrics([...list, fresh], now);
    expect(r.overall.incidents).toBe(6);
    expect(r.overall.ackWithinTarget).toEqual({ met: 2, counted: 5, share: 0.4 });
    // Without a range only months with incidents are listed.
    expect(r.byMonth.map((g) => g.key)).toEqual(["2025-02", "2025-03", "2025-04"]);
  });

  it("is empty but complete for no incidents", () => {
    const r = incidentMetrics([], now);
    expect(r.overall).toMatchObject({ incidents: 0, mtta: { count: 0, median: null }, ackWithinTarget: { share: null } });
    expect(r.byMonth).toEqual([]);
    expect(r.bySeverity.map((g) => g.incidents)).toEqual([0, 0, 0, 0]);
    expect(r.byService).toEqual([]);
  });

  it("agrees with a brute-force computation on random incidents", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sevs = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
    const random: MetricIncident[] = Array.from({ length: 200 }, () => {
      const start = t("2025-01-01T00:00:00Z") + Math.floor(rand() * 100 * 24 * 60) * MIN;
      const d = Math.floor(rand() * 30);
      const a = rand() < 0.8 ? d + Math.floor(rand() * 200) : null;
      const r = a !== null && rand() < 0.7 ? a + Math.floor(rand() * 600) : null;
      return inc(sevs[Math.floor(rand() * 4)], new Date(start).toISOString(), d, a, r, rand() < 0.5 ? [checkout] : [search]);
    });
    const r = incidentMetrics(random, now);
    const sorted = (v: number[]) => [...v].sort((x, y) => x - y);
    const med = (v: number[]) => {
      const s = sorted(v);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const acked = random.filter((i) => i.acknowledgedAt !== null);
    expect(r.overall.mtta.median).toBe(med(acked.map((i) => i.acknowledgedAt! - i.detectedAt)));
    expect(r.overall.mttr.count).toBe(random.filter((i) => i.resolvedAt !== null).length);
    expect(r.byMonth.reduce((n, g) => n + g.incidents, 0)).toBe(200);
    expect(r.bySeverity.reduce((n, g) => n + g.incidents, 0)).toBe(200);
    expect(r.byService.reduce((n, g) => n + g.incidents, 0)).toBe(200);
    for (const g of r.bySeverity) {
      const mine = random.filter((i) => i.severity === g.key);
      expect(g.mttd.mean).toBe(mine.length ? mine.reduce((s, i) => s + i.detectedAt - i.startedAt, 0) / mine.length : null);
    }
  });
});
