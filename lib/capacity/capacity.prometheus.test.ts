import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createDatasource } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import { createToken } from "@/lib/tokens/queries";
import { GET as list, POST as create } from "@/app/api/v1/capacity/route";
import { GET as forecastRoute } from "@/app/api/v1/capacity/[id]/forecast/route";
import { GET as report } from "@/app/api/v1/capacity/report/route";
import { createCapacityResource } from "./queries";
import { forecastResource } from "./resource-forecast";
import { gaussian } from "./test-fixtures";
import { DAY_MS } from "./types";

/**
 * Capacity against a real Prometheus holding 28 days of a gauge whose shape the test knows:
 * 100 + 2/day with a daily swing of ±30 (plus a little noise), against a limit gauge of 250. The
 * dates the forecast gives for the warning level (200) and the limit are compared with the first
 * times the known curve reaches them, found here on a 1-minute grid. The history ends now, so the
 * queries Keel runs when a resource is saved (at the present instant) see it too.
 */
const prom = requirePrometheus();
const STEP_S = 300;
const NOW = Math.floor(Date.now() / 1000 / STEP_S) * STEP_S; // seconds
const FROM = NOW - 28 * 86_400;
const truth = (tSeconds: number) => {
  const d = (tSeconds - FROM) / 86_400;
  return 100 + 2 * d + 30 * Math.sin(2 * Math.PI * d);
};

/** The first time after now the known curve reaches `level` (1-minute grid), in ms. */
function trueCrossing(level: number): number {
  for (let t = NOW; t < NOW + 90 * 86_400; t += 60) if (truth(t) >= level) return t * 1000;
  throw new Error("no crossing");
}

function history() {
  const noise = gaussian(11);
  const usage: [number, number][] = [];
  const limit: [number, number][] = [];
  for (let t = FROM; t <= NOW; t += STEP_S) {
    usage.push([t, truth(t) + 1.5 * noise()]);
    limit.push([t, 250]);
  }
  return { usage, limit };
}

let p: RunningPrometheus;
let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;
let datasourceId: string;
const tokens = { admin: "", viewer: "" };

const call = (method: string, token: string, path: string, body?: unknown) =>
  new Request(`http://keel.test/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = <P extends Record<string, string>>(x: P) => ({ params: Promise.resolve(x) });

describe.skipIf(!prom.path)("capacity against a real Prometheus", () => {
  beforeAll(async () => {
    const { usage, limit } = history();
    const last = [[NOW, 1]] as [number, number][];
    p = await startPrometheus({
      openMetrics: openMetricsText([
        { name: "cap_test_connections", type: "gauge", labels: { service: "db" }, samples: usage },
        { name: "cap_test_max_connections", type: "gauge", labels: { service: "db" }, samples: limit },
        { name: "cap_test_disk_used", type: "gauge", labels: { mountpoint: "/" }, samples: last },
        { name: "cap_test_disk_used", type: "gauge", labels: { mountpoint: "/data" }, samples: last },
        { name: "cap_test_zero_limit", type: "gauge", labels: {}, samples: [[NOW, 0]] },
      ]),
    });
    ({ drop } = await freshDatabase());
    admin = await makeUser("admin");
    viewer = await makeUser("viewer");
    tokens.admin = (await createToken(admin, { email: admin.email, name: "capacity-admin" })).token;
    tokens.viewer = (await createToken(admin, { email: viewer.email, name: "capacity-viewer" })).token;
    await createService(admin, serviceInputSchema.parse({ name: "Database", slug: "db" }));
    datasourceId = (await createDatasource(admin, datasourceInputSchema.parse({ name: "p", url: p.url, scrapeIntervalSeconds: 60, timeoutSeconds: 60 }))).id;
  }, 180_000);
  afterAll(async () => {
    await p?.stop();
    await drop?.();
  });

  const input = { name: "Connections", service: "db", usageQuery: 'cap_test_connections{service="db"}', limitQuery: 'max(cap_test_max_connections{service="db"})', unit: "connections", lookbackDays: 35 };

  it("dates the warning level and the limit where the known curve reaches them", async () => {
    const r = await createCapacityResource(admin, { ...input, datasourceId });
    const rf = await forecastResource(viewer, r, { now: NOW * 1000, horizonMs: 60 * DAY_MS });
    if (!rf.ok) throw new Error(rf.problem.message);
    const f = rf.forecast;
    expect(f.limit.value).toBe(250);
    expect(f.model.id).toMatch(/^seasonal-/);
    expect(Math.abs(f.usage.value - truth(NOW))).toBeLessThan(8);
    expect(f.growthPerMonth.absolute / 30).toBeGreaterThan(1.6);
    expect(f.growthPerMonth.absolute / 30).toBeLessThan(2.4);
    expect(Math.abs(f.toWarning.median! - trueCrossing(200)) / DAY_MS).toBeLessThan(1.1);
    expect(Math.abs(f.toLimit.median! - trueCrossing(250)) / DAY_MS).toBeLessThan(2.1);
    expect(f.toLimit.earliest80!).toBeLessThanOrEqual(f.toLimit.median!);
    expect(rf.recommendation.severity).toBe("critical");
    expect(rf.recommendation.text).toMatch(/^Connections will reach 80% of the limit around /);
    // 28 days at 5 minutes came through in three range queries of at most 10,000 steps.
    expect(f.data.points).toBeGreaterThan(28 * 288 - 5);
  });

  it("refuses queries that do not give exactly one series, bad PromQL and a non-positive limit, per field", async () => {
    const fields = async (body: object) => {
      const res = await create(call("POST", tokens.admin, "/capacity", { ...input, name: `x${Math.random()}`, datasourceId, ...body }), params({}));
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    };
    expect((await fields({ usageQuery: "cap_test_disk_used" })).usageQuery[0]).toMatch(/^The usage query returns 2 series \(cap_test_disk_used\{mountpoint="\/"\}, cap_test_disk_used\{mountpoint="\/data"\}\); a capacity resource follows exactly one/);
    expect((await fields({ usageQuery: "sum(cap_test_connections" })).usageQuery[0]).toMatch(/^Prometheus refused the usage query: .*parse error/);
    expect((await fields({ usageQuery: "cap_test_nothing_here" })).usageQuery[0]).toMatch(/returns no series now/);
    expect((await fields({ limitQuery: "cap_test_zero_limit" })).limitQuery).toEqual(["The limit query returns 0 now; a limit must be positive."]);
    expect((await fields({ limitQuery: null, limit: -3 })).limit).toEqual(["The limit must be a positive number (above 0)."]);
    const viewerTry = await create(call("POST", tokens.viewer, "/capacity", { ...input, name: "viewer's" }), params({}));
    expect(viewerTry.status).toBe(403);
    // Unreachable data source: nothing could be checked, so nothing is saved.
    const dead = await createDatasource(admin, datasourceInputSchema.parse({ name: "dead", url: "http://127.0.0.1:1", scrapeIntervalSeconds: 60, timeoutSeconds: 5 }));
    const err = await createCapacityResource(admin, { ...input, name: "dead", datasourceId: dead.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("bad_gateway");
  });

  it("serves the list, the forecast with ISO dates and bounds, and the Markdown report", async () => {
    const created = await create(call("POST", tokens.admin, "/capacity", { ...input, name: "Connections (API)", datasourceId, limitQuery: null, limit: 250 }), params({}));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const res = await forecastRoute(call("GET", tokens.viewer, `/capacity/${id}/forecast?horizon=60d`), params({ id }));
    expect(res.status).toBe(200);
    const f = (await res.json()) as Record<string, string | null> & { horizon: string; model: { id: string }; backtest: { candidates: { model: string; mape: number }[] }; series: { forecast: unknown[]; history: unknown[] } };
    expect(f.horizon).toBe("60d");
    const t = (k: string) => Date.parse(f[k]!);
    expect(t("limitAtLower")).toBeLessThanOrEqual(t("limitAt"));
    expect(Math.abs(t("limitAt") - trueCrossing(250)) / DAY_MS).toBeLessThan(2.1);
    expect(Math.abs(t("warningAt") - trueCrossing(200)) / DAY_MS).toBeLessThan(1.1);
    expect(f.backtest.candidates.map((c) => c.model)).toContain("linear");
    expect(f.series.forecast.length).toBeGreaterThan(0);
    expect((await forecastRoute(call("GET", tokens.viewer, `/capacity/${id}/forecast?horizon=2y`), params({ id }))).status).toBe(400);

    const listed = (await (await list(call("GET", tokens.viewer, "/capacity?service=db"), params({}))).json()) as { items: { name: string; status: string; utilisation: number; limitAt: string | null }[] };
    expect(listed.items.map((i) => i.name).sort()).toEqual(["Connections", "Connections (API)"]);
    for (const i of listed.items) expect(i.utilisation).toBeGreaterThan(0.4);

    const md = await report(call("GET", tokens.viewer, "/capacity/report"), params({}));
    expect(md.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    const text = await md.text();
    expect(text).toContain("# Capacity report");
    expect(text).toContain("### Database: Connections (API)");
    expect(text).toContain("## Keel's own database");
  });
});
