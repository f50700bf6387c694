import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, requirePrometheus } from "@/test/fixtures/prometheus";
import { DEMO_SERVICES, demoLayout, generateDemoHistory, STATUS_CODES, valuesAt, type DemoHistory } from "./generator";
import { startDemoPrometheus, type DemoPrometheus } from "./start";

// The demo's Prometheus for real: promtool backfill of a day of history, Prometheus scraping the live
// exporter every second. Missing binaries skip locally and fail with CI=true.
const prom = requirePrometheus();

type Sample = { metric: Record<string, string>; value: [number, string] };
type Series = { metric: Record<string, string>; values: [number, string][] };
const HOUR = 3600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!prom.path)("demo Prometheus (real prometheus + promtool, live exporter)", () => {
  let p: DemoPrometheus;
  let dataDir: string;
  /** The same history, generated again here from the same seed and end. */
  let h: DemoHistory;

  async function api<T>(endpoint: "query" | "query_range", params: Record<string, string | number>): Promise<T> {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const res = await fetch(`${p.url}/api/v1/${endpoint}?${qs}`);
    const body = (await res.json()) as { status: string; error?: string; data: { result: T } };
    expect(body.status, body.error).toBe("success");
    return body.data.result;
  }
  const instant = (query: string, time?: number) => api<Sample[]>("query", time === undefined ? { query } : { query, time });
  const byService = (r: Sample[]) => Object.fromEntries(r.map((s) => [s.metric.service, Number(s.value[1])]));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "keel-demo-prom-"));
    const started = await startDemoPrometheus({
      keelPort: await freePort(), // nothing listens there: the keel job is simply down
      dataDir,
      days: 1,
      scrapeInterval: "1s",
      handleSignals: false,
    });
    if ("missing" in started) throw new Error(started.missing);
    p = started;
    h = generateDemoHistory({ end: p.historyEnd, days: 1 });
  });

  afterAll(async () => {
    await p?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers sum by (service)(increase(http_requests_total[1h])) in the past as the generated samples say", async () => {
    // 30 s after a sample, so the hour holds the 60 samples T−59m30s … T−30s whatever the range
    // semantics; Prometheus extrapolates those 59 minutes of increase to the 60-minute window
    // (both edges are 30 s from a sample, under 1.1 × the 60 s interval).
    const T = p.historyEnd - 2 * HOUR + 30;
    const first = (T - HOUR + 30 - h.start) / 60;
    const last = (T - 30 - h.start) / 60;
    expect(h.timestamps[first]).toBe(T - HOUR + 30);
    expect(h.timestamps[last]).toBe(T - 30);
    const got = byService(await instant("sum by (service)(increase(http_requests_total[1h]))", T));
    expect(Object.keys(got).sort()).toEqual([...DEMO_SERVICES].sort());
    for (const service of DEMO_SERVICES) {
      let observed = 0;
      for (const code of STATUS_CODES) {
        const c = h.counters[demoLayout.requestSlot(service, code)];
        observed += c[last] - c[first];
      }
      expect(observed, service).toBeGreaterThan(1000);
      expect(got[service] / ((observed * 3600) / 3540), service).toBeCloseTo(1, 9);
    }
  });

  it("continues the backfilled series from the live exporter: same series, no reset, no gap, no rejected sample", async () => {
    // Wait for a few scrapes after the backfill's end.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await instant('count_over_time(http_requests_total{service="billing",code="200"}[1m])');
      const scraped = await instant('timestamp(http_requests_total{service="billing",code="200"})');
      if (r.length && scraped.length && Number(scraped[0].value[0]) > p.historyEnd + 5 && Number(r[0].value[1]) >= 4) break;
      if (Date.now() > deadline) expect.fail(`no scrapes after the backfill; prometheus log:\n${p.logTail()}`);
      await sleep(500);
    }
    expect(await instant('up{job="demo-services"} == 1')).toHaveLength(1);

    // Scraped samples landed in the backfilled series (no extra job/instance series) …
    expect(Number((await instant("count(http_requests_total)"))[0].value[1])).toBe(DEMO_SERVICES.length * STATUS_CODES.length);
    expect(Number((await instant("count(http_request_duration_seconds_bucket)"))[0].value[1])).toBe((DEMO_SERVICES.length - 1) * 8);
    const now = Math.floor(Date.now() / 1000);
    const counts = await instant("count_over_time(http_requests_total[10m])", now);
    // … which now hold more samples than the 1-minute backfill alone could have in 10 minutes.
    expect(counts).toHaveLength(48);
    for (const s of counts) expect(Number(s.value[1]), JSON.stringify(s.metric)).toBeGreaterThan(11);
    // … and continue without a reset.
    const resets = await instant("resets(http_requests_total[10m])", now);
    expect(resets).toHaveLength(48);
    for (const s of resets) expect(Number(s.value[1]), JSON.stringify(s.metric)).toBe(0);
    const bucketResets = await instant("sum(resets(http_request_duration_seconds_bucket[10m]))", now);
    expect(Number(bucketResets[0].value[1])).toBe(0);

    // No gap: every 15 s across the boundary, the last 2 minutes hold a sample.
    const [series] = await api<Series[]>("query_range", {
      query: 'count_over_time(http_requests_total{service="api-gateway",code="200"}[2m])',
      start: p.historyEnd - 300,
      end: now,
      step: 15,
    });
    expect(series.values.length).toBeGreaterThan(20);
    for (const [t, v] of series.values) expect(Number(v), `at ${t}`).toBeGreaterThanOrEqual(1);

    // The live value is the generator's value at the scrape's time (to within the few ms between
    // Prometheus stamping the scrape and the exporter computing it).
    const [sample] = await instant('http_requests_total{service="api-gateway",code="200"}', now);
    const [stamp] = await instant('timestamp(http_requests_total{service="api-gateway",code="200"})', now);
    const at = Number(stamp.value[1]);
    const slot = demoLayout.requestSlot("api-gateway", "200");
    const expected = valuesAt(h.state.clone(), at).counters[slot];
    const perSecond = (h.counters[slot][h.timestamps.length - 1] - h.counters[slot][h.timestamps.length - 61]) / HOUR;
    expect(Math.abs(Number(sample.value[1]) - expected)).toBeLessThan(perSecond * 0.5);

    // Prometheus rejected nothing at the boundary.
    expect(p.logTail()).not.toMatch(/out of order|out of bounds|duplicate sample|too old/i);
  });

  it("records where this run put the incidents", async () => {
    const meta = JSON.parse(await readFile(path.join(dataDir, "prometheus", "demo-metrics.json"), "utf8")) as { anchor: string; incidents: { id: string; start: string }[] };
    expect(meta.anchor).toBe(new Date(p.historyEnd * 1000).toISOString());
    const checkout = meta.incidents.find((i) => i.id === "checkout-pool-exhausted")!;
    expect(Date.parse(checkout.start)).toBe((p.historyEnd - (6 * 1440 + 280) * 60) * 1000);
  });
});
