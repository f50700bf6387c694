import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openMetricsText,
  PrometheusStartError,
  requirePrometheus,
  startPrometheus,
  type RunningPrometheus,
} from "@/test/fixtures/prometheus";

// ---------------------------------------------------------------------------------------------
// openMetricsText: pure, runs everywhere.
// ---------------------------------------------------------------------------------------------

describe("openMetricsText", () => {
  it("writes counters as a family without _total and samples with it, whichever name is given", () => {
    for (const name of ["jobs", "jobs_total"]) {
      const text = openMetricsText([
        { name, type: "counter", help: "Jobs run.", labels: { queue: "a" }, samples: [[100, 1], [160, 4]] },
      ]);
      expect(text).toBe(
        ["# HELP jobs Jobs run.", "# TYPE jobs counter", 'jobs_total{queue="a"} 1 100', 'jobs_total{queue="a"} 4 160', "# EOF", ""].join("\n"),
      );
    }
  });

  it("escapes label values and HELP, sorts labels and samples, merges series of one family", () => {
    const text = openMetricsText([
      { name: "depth", help: 'Queue "depth"\nin items \\ jobs', labels: { z: "1", a: 'say "hi"\\\nbye' }, samples: [[200, 2], [100, 1]] },
      { name: "depth", labels: { z: "2" }, samples: [[100, NaN], [101, Infinity], [102, -Infinity], [103, 0.25]] },
    ]);
    expect(text).toBe(
      [
        '# HELP depth Queue \\"depth\\"\\nin items \\\\ jobs',
        "# TYPE depth gauge",
        'depth{a="say \\"hi\\"\\\\\\nbye",z="1"} 1 100',
        'depth{a="say \\"hi\\"\\\\\\nbye",z="1"} 2 200',
        'depth{z="2"} NaN 100',
        'depth{z="2"} +Inf 101',
        'depth{z="2"} -Inf 102',
        'depth{z="2"} 0.25 103',
        "# EOF",
        "",
      ].join("\n"),
    );
  });

  it("rejects what promtool would silently drop or misread", () => {
    expect(() => openMetricsText([{ name: "g", samples: [[1, 1], [1, 2]] }])).toThrow(/duplicate timestamp/);
    expect(() => openMetricsText([{ name: "c", type: "counter", samples: [[1, -1]] }])).toThrow(/counters must be >= 0/);
    expect(() => openMetricsText([{ name: "bad-name", samples: [] }])).toThrow(/invalid metric name/);
    expect(() => openMetricsText([{ name: "g", labels: { "a-b": "x" }, samples: [] }])).toThrow(/invalid label name/);
    expect(() => openMetricsText([{ name: "g", labels: { __name__: "x" }, samples: [] }])).toThrow(/invalid label name/);
    expect(() =>
      openMetricsText([
        { name: "m", type: "counter", samples: [] },
        { name: "m", type: "gauge", samples: [] },
      ]),
    ).toThrow(/both counter and gauge/);
    expect(() =>
      openMetricsText([
        { name: "g", labels: { a: "1" }, samples: [[1, 1]] },
        { name: "g", labels: { a: "1" }, samples: [[2, 1]] },
      ]),
    ).toThrow(/given twice/);
  });
});

// ---------------------------------------------------------------------------------------------
// The real Prometheus, with 30 days of backfilled history.
// ---------------------------------------------------------------------------------------------

const prom = requirePrometheus();

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const DAYS = 30;
/** One sample a minute at start, start+60s, …, end: 30 days inclusive of both ends. */
const N = DAYS * 1440 + 1;
const END = Math.floor(Date.now() / 1000 / HOUR) * HOUR - HOUR;
const START = END - DAYS * DAY;
const ts = (i: number) => START + i * MINUTE;

/** What the counter gains in the minute before sample i (i ≥ 1): a known, varying 1..13. */
const inc = (i: number) => 1 + ((i * 7919) % 13);
const MAX_INC = 13;
/** At sample RESET the process "restarts": the counter drops to 0 and then gains inc(RESET). */
const RESET = 15 * 1440 + 437;
const counter: number[] = [1000];
for (let i = 1; i < N; i++) counter.push(i === RESET ? inc(i) : counter[i - 1] + inc(i));
/** A gauge with integer values, so sums are exact in float64. */
const gauge = (i: number) => (i * 37) % 101;

const NOTE = 'say "hi" \\ to\nthe ✓ team';

const sum = (from: number, to: number, f: (i: number) => number) => {
  let s = 0;
  for (let i = from; i <= to; i++) s += f(i);
  return s;
};

type Sample = { metric: Record<string, string>; value: [number, string] };
type Series = { metric: Record<string, string>; values: [number, string][] };

describe.skipIf(!prom.path)("Prometheus fixture (real prometheus + promtool backfill)", () => {
  let p: RunningPrometheus;

  async function api<T>(endpoint: "query" | "query_range", params: Record<string, string | number>): Promise<T> {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const res = await fetch(`${p.url}/api/v1/${endpoint}?${qs}`);
    const body = (await res.json()) as { status: string; error?: string; data: { result: T } };
    expect(body.status, body.error).toBe("success");
    return body.data.result;
  }
  const instant = (query: string, time: number) => api<Sample[]>("query", { query, time });
  const one = async (query: string, time: number) => {
    const r = await instant(query, time);
    expect(r, `${query} @ ${time}`).toHaveLength(1);
    return Number(r[0].value[1]);
  };

  beforeAll(async () => {
    const t0 = performance.now();
    const text = openMetricsText([
      {
        name: "keel_fixture_requests", // written as family keel_fixture_requests, samples keel_fixture_requests_total
        type: "counter",
        help: "Requests served.",
        labels: { service: "api" },
        samples: counter.map((v, i) => [ts(i), v] as const),
      },
      {
        name: "keel_fixture_queue_depth",
        help: "Items waiting.",
        labels: { service: "api", note: NOTE },
        samples: Array.from({ length: N }, (_, i) => [ts(i), gauge(i)] as const),
      },
    ]);
    p = await startPrometheus({ openMetrics: text });
    console.info(`backfilled ${2 * N} samples and started Prometheus in ${Math.round(performance.now() - t0)}ms`);
  });

  afterAll(async () => {
    const dir = p?.dataDir;
    await p?.stop();
    if (dir) expect(existsSync(dir)).toBe(false);
  });

  // Evaluating 30s after a sample keeps every window between samples, so the answers are the same
  // whether range selectors are closed [t-r, t] (Prometheus 2.x) or left-open (t-r, t] (3.x).
  const at = (i: number) => ts(i) + 30;

  it("exact window aggregations over the gauge", async () => {
    const k = 20 * 1440 + 123;
    // (at(k) - 1d, at(k)] holds samples k-1439 … k.
    expect(await one("count_over_time(keel_fixture_queue_depth[1d])", at(k))).toBe(1440);
    expect(await one("sum_over_time(keel_fixture_queue_depth[1h])", at(k))).toBe(sum(k - 59, k, gauge));
    let max = -Infinity;
    for (let i = k - 9; i <= k; i++) max = Math.max(max, gauge(i));
    expect(await one("max_over_time(keel_fixture_queue_depth[10m])", at(k))).toBe(max);
    // Over the whole history: every sample is there.
    expect(await one("count_over_time(keel_fixture_queue_depth[31d])", END)).toBe(N);
  });

  it("label values with quotes, backslashes, newlines and unicode survive the round trip", async () => {
    const r = await instant("keel_fixture_queue_depth", END);
    expect(r).toHaveLength(1);
    expect(r[0].metric).toEqual({ __name__: "keel_fixture_queue_depth", service: "api", note: NOTE });
    expect(Number(r[0].value[1])).toBe(gauge(N - 1));
    // An instant selector looks back at most 5 minutes past the last sample.
    expect(await instant("keel_fixture_queue_depth", END + 4 * MINUTE)).toHaveLength(1);
    expect(await instant("keel_fixture_queue_depth", END + 6 * MINUTE)).toHaveLength(0);
  });

  it("the counter is stored as <name>_total, and the reset is seen", async () => {
    const r = await instant("keel_fixture_requests_total", END);
    expect(r.map((s) => s.metric)).toEqual([{ __name__: "keel_fixture_requests_total", service: "api" }]);
    expect(Number(r[0].value[1])).toBe(counter[N - 1]);
    expect(await one("resets(keel_fixture_requests_total[1d])", at(RESET + 600))).toBe(1);
    expect(await one("resets(keel_fixture_requests_total[1d])", at(RESET - 2))).toBe(0);
    expect(await one("resets(keel_fixture_requests_total[1d])", at(RESET + 1440))).toBe(0);
  });

  it("increase() across the counter reset matches the known increments (with Prometheus's extrapolation)", async () => {
    const k = RESET + 600;
    const got = await one("increase(keel_fixture_requests_total[1d])", at(k));
    // Samples k-1439 … k are in the window: 1439 observed increments, the reset corrected for by
    // treating the post-reset value as growth from 0.
    const observed = sum(k - 1438, k, inc);
    // Both gaps to the window edges are 30s (< 1.1 × the 60s sample interval), so Prometheus
    // extrapolates the observed 1439 minutes to the full 1440-minute window.
    expect(got).toBeCloseTo((observed * 1440) / 1439, 6);
    // Against the truth: the counter really gained inc(k-1439 … k) in that day (the first of those
    // straddles the window start); extrapolation is off by less than one minute's increment.
    const truth = sum(k - 1439, k, inc);
    expect(Math.abs(got - truth)).toBeLessThanOrEqual(MAX_INC);
    // A broken reset handling would give a negative or wildly smaller number.
    expect(truth).toBeGreaterThan(1440);
  });

  it("rate() over an hour is the known per-second rate within one minute's increment", async () => {
    const k = 25 * 1440 + 17;
    const got = await one("rate(keel_fixture_requests_total[1h])", at(k));
    const truth = sum(k - 59, k, inc) / HOUR;
    // 59 observed increments extrapolated to 60 minutes: the error is at most one minute's increment
    // spread over the hour.
    expect(Math.abs(got - truth)).toBeLessThanOrEqual(MAX_INC / HOUR);
    expect(got).toBeCloseTo((sum(k - 58, k, inc) * 60) / 59 / HOUR, 9);
  });

  it("a 30-day query_range at 1h steps returns one point per step with the stored values", async () => {
    const [gaugeSeries] = await api<Series[]>("query_range", {
      query: "keel_fixture_queue_depth",
      start: START,
      end: END,
      step: HOUR,
    });
    expect(gaugeSeries.values).toHaveLength(DAYS * 24 + 1);
    gaugeSeries.values.forEach(([t, v], j) => {
      expect(t).toBe(START + j * HOUR);
      expect(Number(v)).toBe(gauge(j * 60));
    });

    const [counterSeries] = await api<Series[]>("query_range", {
      query: "keel_fixture_requests_total",
      start: START,
      end: END,
      step: HOUR,
    });
    expect(counterSeries.values.map(([, v]) => Number(v))).toEqual(
      Array.from({ length: DAYS * 24 + 1 }, (_, j) => counter[j * 60]),
    );
  });
});

describe.skipIf(!prom.path)("startPrometheus failures clean up after themselves", () => {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("reports promtool's complaint about bad OpenMetrics", async () => {
    const err = await startPrometheus({ openMetrics: 'broken{ 1 2\n# EOF\n' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusStartError);
    expect((err as Error).message).toMatch(/promtool tsdb create-blocks-from openmetrics/);
    expect(existsSync((err as PrometheusStartError).dataDir)).toBe(false);
  });

  it("reports a Prometheus that exits before it is ready, with its stderr, and leaves nothing behind", async () => {
    const err = await startPrometheus({ openMetrics: "# EOF\n", retention: "banana" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusStartError);
    const e = err as PrometheusStartError;
    expect(e.message).toMatch(/exited before it was ready/);
    expect(e.message).toMatch(/not a valid duration string: "banana"/);
    expect(e.pid).toBeGreaterThan(0);
    expect(alive(e.pid!)).toBe(false);
    expect(existsSync(e.dataDir)).toBe(false);
  });

  it("kills a Prometheus that is not ready in time, and leaves nothing behind", async () => {
    const err = await startPrometheus({ openMetrics: "# EOF\n", readyTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusStartError);
    const e = err as PrometheusStartError;
    expect(e.message).toMatch(/not ready within 1ms/);
    expect(alive(e.pid!)).toBe(false);
    expect(existsSync(e.dataDir)).toBe(false);
  });

  it("starts an empty Prometheus when there is no history", async () => {
    const p = await startPrometheus({ openMetrics: "" });
    try {
      const res = await fetch(`${p.url}/api/v1/query?query=up`);
      expect(await res.json()).toMatchObject({ status: "success", data: { result: [] } });
    } finally {
      await p.stop();
    }
    expect(alive(p.pid)).toBe(false);
    expect(existsSync(p.dataDir)).toBe(false);
  });
});
