import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createDatasource } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import { createSlo, listSlos } from "./queries";
import { sloBurnDown } from "./burndown-data";
import { sloInputSchema } from "./schemas";
import { sloStatus } from "./status";
import { createCorrection } from "./correction-queries";
import { incidentSloImpact } from "./incident-impact";
import { createIncident, updateIncident } from "@/lib/incidents/queries";

/**
 * Keel's SLO numbers against a real Prometheus holding traffic whose good and bad counts the test
 * knows minute by minute: one request a second, 0.1 % errors, a 5 % burst for two hours, 10 % for
 * twenty minutes. Expected values are summed here from the same per-minute ratios.
 */
const prom = requirePrometheus();
const NOW = Date.UTC(2026, 10, 20, 12) / 1000; // seconds; November 2026 holds the US fall-back change
const FROM = Date.UTC(2026, 9, 19) / 1000;
const MIN = 60;
const STEP = 15; // four samples a minute, so 1-minute slices have a rate
const PER_SECOND = 1;

function errorRatioOfMinute(m: number): number {
  if (m >= NOW - 3 * 86400 && m < NOW - 3 * 86400 + 2 * 3600) return 0.05;
  if (m >= NOW - 12 * 86400 && m < NOW - 12 * 86400 + 20 * MIN) return 0.1;
  return 0.001;
}

function series() {
  const total: [number, number][] = [];
  const errors: [number, number][] = [];
  let t = 0;
  let e = 0;
  for (let ts = FROM; ts <= NOW; ts += STEP) {
    total.push([ts, t]);
    errors.push([ts, e]);
    const minute = Math.floor(ts / MIN) * MIN;
    t += STEP * PER_SECOND;
    e += STEP * PER_SECOND * errorRatioOfMinute(minute);
  }
  return { total, errors };
}

/** Events in (start, end]: each 15-s interval contributes its own increments. */
function expectedCounts(start: number, end: number) {
  let total = 0;
  let errors = 0;
  for (let ts = start; ts < end; ts += STEP) {
    total += STEP * PER_SECOND;
    errors += STEP * PER_SECOND * errorRatioOfMinute(Math.floor(ts / MIN) * MIN);
  }
  return { good: total - errors, total };
}

/** 1-minute slices ending at each whole minute in (start, end]: good when the minute's ratio met the slice target. */
function expectedSlices(start: number, end: number, sliceTarget: number) {
  let good = 0;
  let total = 0;
  for (let t = Math.floor(start / MIN) * MIN + MIN; t <= end; t += MIN) {
    total++;
    if (1 - errorRatioOfMinute(t - MIN) >= sliceTarget) good++;
  }
  return { good, total };
}

const within = (actual: number, expected: number) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(0.001);

let p: RunningPrometheus;
let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;

describe.skipIf(!prom.path)("SLO status against a real Prometheus", () => {
  beforeAll(async () => {
    const { total, errors } = series();
    p = await startPrometheus({
      openMetrics: openMetricsText([
        { name: "slo_test_requests", type: "counter", labels: { service: "shop" }, samples: total },
        { name: "slo_test_errors", type: "counter", labels: { service: "shop" }, samples: errors },
      ]),
    });
    ({ drop } = await freshDatabase());
    admin = await makeUser("admin");
    viewer = await makeUser("viewer");
    await createService(admin, serviceInputSchema.parse({ name: "Shop", slug: "shop" }));
    await createDatasource(admin, datasourceInputSchema.parse({ name: "p", url: p.url, scrapeIntervalSeconds: 15, timeoutSeconds: 60 }));
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
    await drop?.();
  });

  const base = { service: "shop", sli: { kind: "ratio", bad: 'slo_test_errors_total{service="shop"}', total: 'slo_test_requests_total{service="shop"}' }, target: 0.995 };

  it("computes a rolling 30-day SLI and budget from events (occurrences)", async () => {
    const slo = await createSlo(admin, sloInputSchema.parse({ ...base, name: "Availability", slug: "shop-availability" }));
    const s = await sloStatus(viewer, slo, NOW * 1000);
    expect(s.problem).toBeNull();
    const exp = expectedCounts(NOW - 30 * 86400, NOW);
    const expSli = exp.good / exp.total;
    const expRemaining = 1 - (1 - expSli) / (1 - 0.995);
    within(s.budget!.sli!, expSli);
    within(s.budget!.remaining, expRemaining);
    within(s.counts!.total, exp.total);
    // 99.5 % over 30 days allows 216 minutes.
    expect(s.budget!.allowedDowntimeMs).toBeCloseTo(0.005 * 30 * 86_400_000, 3);
    // The last hour ran at 0.1 % errors: burn rate 0.2.
    within(s.burnRates["1h"]!, 0.001 / 0.005);
  });

  it("counts good 1-minute timeslices", async () => {
    const slo = await createSlo(
      admin,
      sloInputSchema.parse({ ...base, name: "Availability (slices)", slug: "shop-slices", budgeting: { method: "timeslices", sliceMinutes: 1, sliceTarget: 0.99 } }),
    );
    const s = await sloStatus(viewer, slo, NOW * 1000);
    expect(s.problem).toBeNull();
    const exp = expectedSlices(NOW - 30 * 86400, NOW, 0.99);
    within(s.counts!.total, exp.total);
    within(s.counts!.good, exp.good);
    within(s.budget!.sli!, exp.good / exp.total);
  });

  it("follows a calendar month in America/Chicago across the November DST change", async () => {
    const slo = await createSlo(admin, sloInputSchema.parse({ ...base, name: "Monthly", slug: "shop-monthly", window: { kind: "calendar", unit: "month", timeZone: "America/Chicago" } }));
    const s = await sloStatus(viewer, slo, NOW * 1000);
    expect(s.problem).toBeNull();
    const start = Date.UTC(2026, 10, 1, 5) / 1000; // 1 Nov 00:00 CDT; clocks fall back at 07:00 UTC
    expect(s.window.startMs).toBe(start * 1000);
    expect(s.window.lengthMs).toBe((30 * 24 + 1) * 3_600_000); // the month is an hour long
    const exp = expectedCounts(start, NOW);
    within(s.budget!.sli!, exp.good / exp.total);
    within(s.budget!.remaining, 1 - (exp.total - exp.good) / exp.total / 0.005);
  });

  it("draws the burn-down since the period began, ending where the status says", async () => {
    const slo = (await listSlos(viewer)).find((x) => x.slug === "shop-monthly")!;
    const data = await sloBurnDown(viewer, slo, NOW * 1000);
    if ("problem" in data) throw new Error(data.problem);
    const start = Date.UTC(2026, 10, 1, 5);
    expect(data.startMs).toBe(start);
    expect(data.points.length).toBeLessThanOrEqual(300);
    const last = data.points.at(-1)!;
    const exp = expectedCounts(start / 1000, last.t / 1000);
    within(last.remaining!, 1 - (exp.total - exp.good) / exp.total / 0.005);
    // The ideal line spends evenly: at the last point, the share of the month not yet passed.
    expect(data.ideal.at(-1)!.remaining).toBeCloseTo(1 - (last.t - start) / (data.endMs - start), 12);
  });

  it("leaves maintenance windows out of the SLI and the budget (a one-off and a daily one)", async () => {
    const slo = await createSlo(admin, sloInputSchema.parse({ ...base, name: "Corrected", slug: "shop-corrected" }));
    const slices = await createSlo(
      admin,
      sloInputSchema.parse({ ...base, name: "Corrected slices", slug: "shop-corrected-slices", budgeting: { method: "timeslices", sliceMinutes: 1, sliceTarget: 0.99 } }),
    );
    const burst = NOW - 3 * 86400; // the 2-hour 5 % burst
    const daily = Date.UTC(2026, 9, 1, 0, 0) / 1000; // every day 00:00–00:10 UTC
    for (const id of [slo.id, slices.id]) {
      await createCorrection(admin, id, { reason: "Failover drill that went wrong", startsAt: new Date(burst * 1000).toISOString(), durationMinutes: 120 });
      await createCorrection(admin, id, { reason: "Nightly vacuum", startsAt: new Date(daily * 1000).toISOString(), durationMinutes: 10, rrule: "FREQ=DAILY" });
    }
    expect(await createCorrection(viewer, slo.id, { reason: "x", startsAt: new Date(burst * 1000).toISOString(), durationMinutes: 5 }).catch((e) => e.code)).toBe("forbidden");
    const start = NOW - 30 * 86400;
    const excluded: [number, number][] = [[burst, burst + 7200]];
    for (let d = Math.ceil((start - daily) / 86400) * 86400 + daily; d < NOW; d += 86400) excluded.push([d, d + 600]);
    const sum = (f: (a: number, b: number) => { good: number; total: number }) => {
      const all = f(start, NOW);
      for (const [a, b] of excluded) {
        const part = f(a, b);
        all.good -= part.good;
        all.total -= part.total;
      }
      return all;
    };

    const s = await sloStatus(viewer, slo, NOW * 1000);
    expect(s.problem).toBeNull();
    const exp = sum(expectedCounts);
    within(s.counts!.total, exp.total);
    within(s.budget!.sli!, exp.good / exp.total);
    within(s.budget!.remaining, 1 - (exp.total - exp.good) / exp.total / 0.005);
    // Without the burst (about 2.7 % of the budget) and the nightly windows, more budget is left than the uncorrected SLO has.
    const plain = await sloStatus(viewer, (await listSlos(viewer)).find((x) => x.slug === "shop-availability")!, NOW * 1000);
    expect(s.budget!.remaining).toBeGreaterThan(plain.budget!.remaining + 0.025);
    // The budget in minutes shrinks with the excluded time: 2 h + 30 × 10 min.
    expect(s.excluded.reduce((t, i) => t + i.endMs - i.startMs, 0)).toBe((120 + 30 * 10) * 60_000);
    expect(s.budget!.allowedDowntimeMs).toBeCloseTo(0.005 * (30 * 86_400_000 - (120 + 300) * 60_000), 3);

    const t = await sloStatus(viewer, slices, NOW * 1000);
    const expSlices = sum((a, b) => expectedSlices(a, b, 0.99));
    within(t.counts!.total, expSlices.total);
    within(t.counts!.good, expSlices.good);
  });

  it("says what an incident cost each SLO, and flags the one that requires a postmortem", async () => {
    const burst = NOW - 3 * 86400;
    const incident = await createIncident(admin, { title: "Shop errors", severity: "SEV3", services: ["shop"], startedAt: new Date(burst * 1000).toISOString() }, burst * 1000 + 60_000);
    const resolved = await updateIncident(admin, incident.id, { status: "resolved" }, undefined, (burst + 7200) * 1000);
    const impact = await incidentSloImpact(viewer, resolved, NOW * 1000);
    const plain = impact.slos.find((s) => s.name === "Availability")!;
    // 2 hours at 5 % errors against 0.5 % of 30 days of traffic.
    const bad = expectedCounts(burst, burst + 7200);
    const window = expectedCounts(NOW - 30 * 86400, NOW);
    within(plain.bad!, bad.total - bad.good);
    within(plain.consumed!, (bad.total - bad.good) / (0.005 * window.total));
    expect(plain.consumed).toBeLessThan(0.2);
    // Counted in 1-minute slices, the same two hours are 120 bad slices: over half the 216 the
    // 30-day budget allows, so the incident requires a postmortem.
    const slices = impact.slos.find((s) => s.name === "Availability (slices)")!;
    expect(slices.bad).toBe(120);
    within(slices.consumed!, 120 / (0.005 * expectedSlices(NOW - 30 * 86400, NOW, 0.99).total));
    expect(impact.postmortemRequired).toBe(true);
    expect(impact.reason).toMatch(/Availability \(slices\)/);
  });

  it("reports a failing query as a problem, not numbers", async () => {
    const slo = await createSlo(admin, sloInputSchema.parse({ ...base, name: "Broken", slug: "shop-broken", sli: { kind: "ratio", bad: "sum(rate(x[$window]) by", total: "y_total" } }));
    const s = await sloStatus(viewer, slo, NOW * 1000);
    expect(s.budget).toBeNull();
    expect(s.problem).toMatch(/parse error/);
  });
});
