import { describe, it, expect } from "vitest";
import {
  DEMO_SERVICES,
  demoIncidentWindows,
  demoLayout,
  generateDemoHistory,
  GAUGES,
  LATENCY_BUCKETS,
  SERVICE_PROFILES,
  STATUS_CODES,
  valuesAt,
  windowTimes,
  type DemoHistory,
  type DemoService,
} from "./generator";

// A fixed instant, so the test is the same every day: a Wednesday, 2025-03-12 09:37 UTC.
const END = Date.UTC(2025, 2, 12, 9, 37) / 1000;
const DAYS = 14;
const h = generateDemoHistory({ end: END, days: DAYS, fineDays: DAYS });

const at = (t: number) => {
  const i = (t - h.start) / 60; // 1-minute samples throughout
  expect(Number.isInteger(i) && i >= 0 && i < h.timestamps.length, `sample at ${t}`).toBe(true);
  expect(h.timestamps[i]).toBe(t);
  return i;
};
const requests = (hist: DemoHistory, service: DemoService, code: string, i: number) =>
  hist.counters[demoLayout.requestSlot(service, code as "200")][i];
const total = (hist: DemoHistory, service: DemoService, i: number) => STATUS_CODES.reduce((s, c) => s + requests(hist, service, c, i), 0);
/** Requests (of `codes`) during (t0, t1], from the samples. */
const increase = (service: DemoService, t0: number, t1: number, codes: readonly string[] = STATUS_CODES) =>
  codes.reduce((s, c) => s + requests(h, service, c, at(t1)) - requests(h, service, c, at(t0)), 0);
const errorRatio = (service: DemoService, t0: number, t1: number) => increase(service, t0, t1, ["500", "503"]) / increase(service, t0, t1);
const gauge = (name: string, labels: Record<string, string>) => {
  const g = GAUGES.findIndex((x) => x.name === name && Object.entries(labels).every(([k, v]) => (x.labels as Record<string, string>)[k] === v));
  expect(g, name).toBeGreaterThanOrEqual(0);
  return h.gauges[g];
};
const HOUR = 3600;
const DAY = 86400;

describe("demo metric history", () => {
  it("covers the 12 seeded services with 4 codes each, and a histogram for all but postgres-primary", () => {
    const reqs = demoLayout.families.find((f) => f.name === "http_requests")!;
    expect(reqs.type).toBe("counter");
    expect(reqs.metrics.map((m) => m.labels)).toEqual(DEMO_SERVICES.flatMap((service) => STATUS_CODES.map((code) => ({ service, code }))));
    const hist = demoLayout.families.find((f) => f.name === "http_request_duration_seconds")!;
    expect(hist.metrics.map((m) => m.labels.service)).toEqual(DEMO_SERVICES.filter((s) => s !== "postgres-primary"));
    expect(hist.metrics[0].samples.map((s) => s.suffix + (s.extraLabels?.le ?? ""))).toEqual([
      ...LATENCY_BUCKETS.map((le) => `_bucket${le}`),
      "_count",
      "_sum",
    ]);
    expect(h.timestamps.length).toBe(DAYS * 1440 + 1);
    expect(h.end).toBe(END);
  });

  it("counters start at 0 and never decrease", () => {
    for (const values of h.counters) {
      expect(values[0]).toBe(0);
      for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) expect.fail(`counter fell at sample ${i}`);
      expect(values[values.length - 1]).toBeGreaterThan(0);
    }
  });

  it("histogram buckets are cumulative, +Inf equals _count, _count equals the requests, _sum is plausible", () => {
    for (const p of SERVICE_PROFILES.filter((x) => x.histogram)) {
      const first = demoLayout.histogramSlot(p.service);
      const buckets = LATENCY_BUCKETS.map((_, b) => h.counters[first + b]);
      const count = h.counters[first + LATENCY_BUCKETS.length];
      const sum = h.counters[first + LATENCY_BUCKETS.length + 1];
      for (let i = 0; i < h.timestamps.length; i += 7) {
        for (let b = 1; b < buckets.length; b++) if (buckets[b][i] < buckets[b - 1][i]) expect.fail(`${p.service} le=${LATENCY_BUCKETS[b]} < previous at ${i}`);
        if (buckets[buckets.length - 1][i] !== count[i]) expect.fail(`${p.service} +Inf != _count at ${i}`);
        if (count[i] !== total(h, p.service, i)) expect.fail(`${p.service} _count != requests at ${i}`);
      }
      // Mean latency over the history lies between a tenth and 5 times the median.
      const n = count.length - 1;
      const mean = sum[n] / count[n];
      expect(mean).toBeGreaterThan(p.latencyMedian / 10);
      expect(mean).toBeLessThan(p.latencyMedian * 5);
    }
  });

  it("has the same values for the same seed, and different ones for another seed", () => {
    const again = generateDemoHistory({ end: END, days: 2, fineDays: 2 });
    const twice = generateDemoHistory({ end: END, days: 2, fineDays: 2 });
    expect(again.counters).toEqual(twice.counters);
    expect(again.gauges).toEqual(twice.gauges);
    const other = generateDemoHistory({ end: END, days: 2, fineDays: 2, seed: 7 });
    expect(other.counters[0]).not.toEqual(again.counters[0]);
  });

  it("a coarser sampling shows the same values at the instants both have", () => {
    const coarse = generateDemoHistory({ end: END, days: DAYS, fineDays: 1, coarseStepMinutes: 5 });
    expect(coarse.timestamps.length).toBe((DAYS - 1) * 288 + 1440 + 1);
    for (let j = 0; j < coarse.timestamps.length; j += 97) {
      const i = at(coarse.timestamps[j]);
      for (let c = 0; c < h.counters.length; c++) if (coarse.counters[c][j] !== h.counters[c][i]) expect.fail(`slot ${c} differs at ${j}`);
      for (let g = 0; g < h.gauges.length; g++) if (coarse.gauges[g][j] !== h.gauges[g][i]) expect.fail(`gauge ${g} differs at ${j}`);
    }
  });

  it("continues after the history exactly as a longer history would, rising smoothly between minutes", () => {
    const short = generateDemoHistory({ end: END - 2 * HOUR, days: 1, fineDays: 1, anchor: END });
    const long = generateDemoHistory({ end: END, days: 1, fineDays: 1, anchor: END });
    const state = short.state.clone();
    let previous = valuesAt(state, short.end).counters;
    // At the history's end the live values are its last samples.
    previous.forEach((v, c) => expect(v).toBe(short.counters[c][short.counters[c].length - 1]));
    for (let t = short.end + 15; t <= END; t += 15) {
      const now = valuesAt(state, t);
      now.counters.forEach((v, c) => {
        if (v < previous[c]) expect.fail(`slot ${c} fell at ${t}`);
      });
      if (t % 60 === 0) {
        const j = (t - long.start) / 60;
        now.counters.forEach((v, c) => {
          if (Math.abs(v - long.counters[c][j] + long.counters[c][(short.end - long.start) / 60] - short.counters[c][short.counters[c].length - 1]) > 1e-6) {
            expect.fail(`slot ${c} at ${t}: live ${v} does not continue the history`);
          }
        });
        expect(Array.from(now.gauges)).toEqual(long.gauges.map((g) => g[j]));
      }
      previous = now.counters;
    }
    expect(() => valuesAt(state, short.end)).toThrow(/before/);
  });

  it("has a daily shape (afternoon busier than night) and quieter weekends", () => {
    // Weekdays in the history: the days before END (a Wednesday), skipping Saturday and Sunday.
    for (const p of SERVICE_PROFILES) {
      let afternoon = 0;
      let night = 0;
      for (let d = 1; d <= 10; d++) {
        const midnight = Math.floor(END / DAY) * DAY - d * DAY;
        const dow = new Date(midnight * 1000).getUTCDay();
        if (dow === 0 || dow === 6) continue;
        afternoon += increase(p.service, midnight + 14 * HOUR, midnight + 16 * HOUR);
        night += increase(p.service, midnight + 2 * HOUR, midnight + 4 * HOUR);
      }
      expect(afternoon / night, p.service).toBeGreaterThan(1.3);

      const sunday = Math.floor(END / DAY) * DAY - 3 * DAY; // 2025-03-09
      expect(new Date(sunday * 1000).getUTCDay()).toBe(0);
      const tuesday = sunday + 2 * DAY;
      const ratio = increase(p.service, sunday, sunday + DAY) / increase(p.service, tuesday, tuesday + DAY);
      expect(ratio, p.service).toBeCloseTo(p.weekend, 1);
    }
  });

  it("usually answers 0.05–0.3 % 5xx and ~1 % 404", () => {
    const from = END - DAY - 8 * HOUR; // a quiet day: no incident in it but the search ramp
    for (const service of DEMO_SERVICES.filter((s) => s !== "search")) {
      const r = errorRatio(service, from - DAY, from);
      expect(r, service).toBeGreaterThan(0.0002);
      expect(r, service).toBeLessThan(0.004);
      const notFound = increase(service, from - DAY, from, ["404"]) / increase(service, from - DAY, from);
      expect(notFound, service).toBeGreaterThan(0.008);
      expect(notFound, service).toBeLessThan(0.012);
    }
  });

  it("the error bursts show their stated share of errors, and slower answers, only inside their windows", () => {
    const bursts = demoIncidentWindows.filter((w) => w.shape === "burst" && w.errorRatio);
    expect(bursts.map((w) => w.service).sort()).toEqual(["api-gateway", "checkout-api", "payments-service"]);
    for (const w of bursts) {
      const { start, end } = windowTimes(w, END);
      expect(end - start).toBe(w.durationMinutes * 60);
      const usual = SERVICE_PROFILES.find((p) => p.service === w.service)!.errorRatio;
      const inside = increase(w.service, start, end, [w.code!]) / increase(w.service, start, end);
      // The stated share, plus the usual errors of that code (at most 0.65 of usual), within noise.
      expect(inside, w.id).toBeGreaterThan(w.errorRatio! * 0.95);
      expect(inside, w.id).toBeLessThan(w.errorRatio! * 1.05 + usual);
      // The same hours a day earlier look normal.
      expect(errorRatio(w.service, start - DAY, end - DAY), w.id).toBeLessThan(usual * 2);
      // Just before and just after the window: normal too (the burst does not leak out).
      const minute = (t: number) => increase(w.service, t - 60, t, [w.code!]) / increase(w.service, t - 60, t);
      expect(minute(start)).toBeLessThan(w.errorRatio! / 3);
      expect(minute(end + 60)).toBeLessThan(w.errorRatio! / 3);

      const first = demoLayout.histogramSlot(w.service);
      const mean = (t0: number, t1: number) => {
        const c = first + LATENCY_BUCKETS.length;
        return (h.counters[c + 1][at(t1)] - h.counters[c + 1][at(t0)]) / (h.counters[c][at(t1)] - h.counters[c][at(t0)]);
      };
      expect(mean(start, end) / mean(start - DAY, end - DAY), w.id).toBeGreaterThan(1 + (w.latencyFactor! - 1) * 0.7);
    }
  });

  it("search degrades slowly over its last 4 days, and is still degraded at the end", () => {
    const w = demoIncidentWindows.find((x) => x.id === "search-slow-degradation")!;
    const { start } = windowTimes(w, END);
    const before = errorRatio("search", start - DAY, start);
    const firstDay = errorRatio("search", start, start + DAY);
    const lastHours = errorRatio("search", END - 6 * HOUR, END);
    expect(before).toBeLessThan(0.002);
    expect(firstDay).toBeGreaterThan(before);
    // The ramp reaches +0.5 % at its end; the last 6 hours average ~97 % of it.
    expect(lastHours).toBeGreaterThan(before + w.errorRatio! * 0.85);
    expect(lastHours).toBeLessThan(before + w.errorRatio! * 1.1);
  });

  it("capacity gauges: connections below the limit, database +1.5 %/week, event-pipeline disk resized 20 days ago", () => {
    const conns = gauge("pg_stat_activity_count", {});
    const max = gauge("pg_settings_max_connections", {});
    expect(new Set(max)).toEqual(new Set([200]));
    expect(Math.max(...conns)).toBeLessThan(200);
    const weekAgo = at(END - 7 * DAY);
    const last = h.timestamps.length - 1;
    // Same time of day a week apart, so the daily wiggle cancels.
    const size = gauge("pg_database_size_bytes", { datname: "keel_app" });
    expect(size[last] / size[weekAgo]).toBeCloseTo(1.015, 3);
    // Connections grow over time (compare whole days) and swing daily.
    const dayMean = (a: Float64Array, t0: number) => a.slice(at(t0), at(t0 + DAY)).reduce((s, v) => s + v, 0) / 1440;
    expect(dayMean(conns, END - DAY)).toBeGreaterThan(dayMean(conns, END - 8 * DAY));

    const epSize = gauge("node_filesystem_size_bytes", { service: "event-pipeline" });
    const epAvail = gauge("node_filesystem_avail_bytes", { service: "event-pipeline" });
    const pgSize = gauge("node_filesystem_size_bytes", { service: "postgres-primary" });
    const pgAvail = gauge("node_filesystem_avail_bytes", { service: "postgres-primary" });
    for (let i = 0; i < h.timestamps.length; i++) {
      if (!(epAvail[i] >= 0 && epAvail[i] < epSize[i] && pgAvail[i] > 0 && pgAvail[i] < pgSize[i])) expect.fail(`avail out of range at ${i}`);
    }
    // The history here is 14 days, after the resize: check the resize on a longer one.
    const long = generateDemoHistory({ end: END, days: 21, fineDays: 0, coarseStepMinutes: 60 });
    const g = GAUGES.findIndex((x) => x.name === "node_filesystem_size_bytes" && x.labels.service === "event-pipeline");
    const sizeAt = (t: number) => long.gauges[g][(t - long.start) / HOUR];
    expect(sizeAt(END - 20 * DAY - HOUR)).toBe(1024 ** 4);
    expect(sizeAt(END - 20 * DAY + HOUR)).toBe(2 * 1024 ** 4);
    // The event-pipeline disk fills faster than the database's.
    const used = (s: Float64Array, a: Float64Array, i: number) => s[i] - a[i];
    expect(used(epSize, epAvail, last) - used(epSize, epAvail, weekAgo)).toBeGreaterThan(3 * (used(pgSize, pgAvail, last) - used(pgSize, pgAvail, weekAgo)));
  });

  it("the event-pipeline queue backs up during the consumer-lag incident and drains afterwards", () => {
    const w = demoIncidentWindows.find((x) => x.queuePeak)!;
    const { start, end } = windowTimes(w, END);
    const q = gauge("queue_depth", { queue: "events" });
    const inside = q.slice(at(start), at(end) + 1);
    expect(Math.max(...inside)).toBeGreaterThan(w.queuePeak! * 0.9);
    expect(Math.max(...q.slice(at(start - DAY), at(start)))).toBeLessThan(10_000);
    expect(q[at(end) + 5]).toBeLessThan(10_000);
  });
});
