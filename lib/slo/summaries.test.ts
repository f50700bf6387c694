import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { openMetricsText, requirePrometheus } from "@/test/fixtures/prometheus";
import { startPrometheus, type RunningPrometheus } from "@/scripts/prometheus/runner";
import type { Principal } from "@/lib/auth/roles";
import { metrics } from "@/lib/observability/metrics";
import { clearProxyCache } from "@/lib/prometheus/proxy";
import { batchScalars } from "@/lib/prometheus/batch";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createDatasource } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import { createSlo, listSlos, updateSlo, type SloDto } from "./queries";
import { sloInputSchema } from "./schemas";
import { ruleFileYaml } from "./rules";
import { sloStatus } from "./status";
import { sloSummaries } from "./summaries";
import { servicePolicies } from "./policy-overview";
import { saveServicePolicy } from "./policy-store";
import { serviceDeployGate } from "./gate";

/**
 * The SLO list's numbers for many SLOs at once, against a real Prometheus holding 31 days of traffic
 * the test knows: counted in a few batched requests without recording rules, read from Keel's own
 * recording rules (one request) when Prometheus evaluates them, and never from rules that no longer
 * match the SLO.
 */
const prom = requirePrometheus();
const STEP = 30;
const END = Math.floor(Date.now() / 1000 / STEP) * STEP;
const FROM = END - 31 * 86400;
const RATE = { a: 2, b: 1 }; // requests per second
const BURST = END - 10 * 86400; // service a: an hour at 2 % errors, ten days ago

function errorRatio(service: "a" | "b", t: number): number {
  if (service === "a") return t >= BURST && t < BURST + 3600 ? 0.02 : 0.0005;
  return 0.002;
}

function counters(service: "a" | "b") {
  const total: [number, number][] = [];
  const errors: [number, number][] = [];
  let n = 0;
  let e = 0;
  for (let t = FROM; t <= END; t += STEP) {
    total.push([t, n]);
    errors.push([t, e]);
    n += STEP * RATE[service];
    e += STEP * RATE[service] * errorRatio(service, t);
  }
  return { total, errors };
}

/** Events in (start, END]: each 30-s interval adds its own increments. */
function expected(service: "a" | "b", start: number) {
  let total = 0;
  let errors = 0;
  for (let t = FROM; t < END; t += STEP) {
    if (t < start) continue;
    total += STEP * RATE[service];
    errors += STEP * RATE[service] * errorRatio(service, t);
  }
  return { sli: 1 - errors / total, errors, total };
}

const within = (actual: number | null, want: number, tolerance = 0.001) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - want) / Math.abs(want)).toBeLessThan(tolerance);
};

async function upstreamRequests(): Promise<number> {
  const m = await metrics().promUpstreamRequests.get();
  return m.values.filter((v) => v.labels.endpoint === "query").reduce((s, v) => s + v.value, 0);
}

let p: RunningPrometheus;
let dir: string;
let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;
let slos: SloDto[];

const TARGETS = [0.99, 0.995, 0.999, 0.9985, 0.998, 0.9975, 0.997, 0.9965, 0.996, 0.9955];

describe.skipIf(!prom.path)("SLO summaries for many SLOs", () => {
  beforeAll(async () => {
    ({ drop } = await freshDatabase());
    admin = await makeUser("admin");
    viewer = await makeUser("viewer");
    for (const s of ["a", "b"]) await createService(admin, serviceInputSchema.parse({ name: `Service ${s}`, slug: `svc-${s}` }));
    for (const [i, target] of TARGETS.entries()) {
      for (const s of ["a", "b"] as const) {
        await createSlo(
          admin,
          sloInputSchema.parse({
            service: `svc-${s}`,
            name: `Availability ${s} ${i}`,
            slug: `avail-${s}-${i}`,
            target,
            window: { kind: "rolling", days: i % 2 ? 7 : 30 },
            // A matcher on a label no series has keeps every SLO's queries distinct (identical ones are asked once).
            sli: { kind: "ratio", bad: `sum(rate(req_errors_total{service="${s}",variant!="${i}"}[$window]))`, total: `req_total{service="${s}",variant!="${i}"}` },
          }),
        );
      }
    }
    await createSlo(
      admin,
      sloInputSchema.parse({
        service: "svc-b",
        name: "Slices b",
        slug: "slices-b",
        target: 0.99,
        sli: { kind: "ratio", bad: `req_errors_total{service="b"}`, total: `req_total{service="b"}` },
        budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.99 },
      }),
    );
    slos = await listSlos(viewer);
    dir = await mkdtemp(path.join(tmpdir(), "keel-slo-summaries-"));
    const rules = path.join(dir, "rules.yml");
    await writeFile(rules, ruleFileYaml(slos.map((s) => ({ id: s.id, definition: s })), { keelUrl: "http://keel.test" }));
    const a = counters("a");
    const b = counters("b");
    p = await startPrometheus({
      binaries: { prometheus: prom.path!, promtool: prom.promtoolPath! },
      openMetrics: openMetricsText([
        { name: "req", type: "counter", labels: { service: "a" }, samples: a.total },
        { name: "req_errors", type: "counter", labels: { service: "a" }, samples: a.errors },
        { name: "req", type: "counter", labels: { service: "b" }, samples: b.total },
        { name: "req_errors", type: "counter", labels: { service: "b" }, samples: b.errors },
      ]),
      evaluationInterval: "2s",
      ruleFiles: [rules],
    });
    await createDatasource(admin, datasourceInputSchema.parse({ name: "prom", url: p.url, isDefault: true, scrapeIntervalSeconds: 30, timeoutSeconds: 60 }));
    // Wait for the first evaluation of every group.
    for (let i = 0; ; i++) {
      const res = await fetch(`${p.url}/api/v1/query?query=${encodeURIComponent("count(slo:sli_error:ratio_rate30d) + count(slo:sli_error:ratio_rate7d)")}`);
      const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
      const seen = Number(body.data.result[0]?.value[1]);
      if (seen === slos.length) break;
      if (i > 120) throw new Error(`The recording rules were never evaluated (${seen} of ${slos.length} period ratios).`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 240_000);
  afterAll(async () => {
    await p?.stop();
    await drop?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("asks identical queries once", async () => {
    clearProxyCache();
    const before = await upstreamRequests();
    const same = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'sum(rate(req_total{service="a"}[1h]))' : 'sum(rate(req_total{service="b"}[1h]))'));
    const answers = await batchScalars(viewer, "default", [...same, "sum(rate(nope[1h]) by", "req_total"], END * 1000);
    expect((await upstreamRequests()) - before).toBe(5); // 4 distinct queries in one batch, which fails; then each on its own
    expect(answers.slice(0, 40).map((a) => ("value" in a ? a.value : a.error.message))).toEqual(same.map((_q, i) => RATE[i % 2 ? "a" : "b"]));
    // A part that does not parse gets its own error; a part with two series gets its own too.
    expect("error" in answers[40] && answers[40].error.message).toMatch(/parse error/);
    expect("error" in answers[41] && answers[41].error.message).toMatch(/2 series/);
  });

  it("counts 21 SLOs from their raw queries in a few batched requests, matching the known traffic", async () => {
    clearProxyCache();
    const before = await upstreamRequests();
    const now = Date.now();
    const out = await sloSummaries(viewer, slos, now, { useRecordings: false });
    // 20 occurrence SLOs × 4 queries + 1 timeslice SLO × 4, 16 to a request: 6 requests, not 84.
    expect((await upstreamRequests()) - before).toBe(6);
    for (const slo of slos.filter((s) => s.budgeting.method === "occurrences")) {
      const s = out.get(slo.id)!;
      expect(s.source).toBe("computed");
      const days = slo.window.kind === "rolling" ? slo.window.days : 0;
      const exp = expected(slo.slug.startsWith("avail-a") ? "a" : "b", Math.floor(now / 1000) - days * 86400);
      within(1 - s.sli!, 1 - exp.sli);
      // Absolute: some targets sit exactly at service b's error ratio, where the budget left is 0.
      expect(Math.abs(s.remaining! - (1 - (1 - exp.sli) / (1 - slo.target)))).toBeLessThan(0.001);
    }
    // The burst ten days ago is inside the 30-day windows of service a, not the 7-day ones.
    const a30 = out.get(slos.find((s) => s.slug === "avail-a-0")!.id)!;
    const a7 = out.get(slos.find((s) => s.slug === "avail-a-1")!.id)!;
    expect(a30.sli!).toBeLessThan(a7.sli!);
    // The timeslice SLO says what its own status says.
    const slices = slos.find((s) => s.slug === "slices-b")!;
    const status = await sloStatus(viewer, slices, now);
    within(out.get(slices.id)!.remaining, status.budget!.remaining);
  });

  it("reads the recorded error ratios in one request when the rules are loaded", async () => {
    clearProxyCache();
    const before = await upstreamRequests();
    const now = Date.now();
    const recorded = await sloSummaries(viewer, slos, now);
    // One request for the 20 recorded SLOs; the timeslice SLO is counted (4 queries, one request).
    expect((await upstreamRequests()) - before).toBe(2);
    clearProxyCache();
    const counted = await sloSummaries(viewer, slos, now, { useRecordings: false });
    for (const slo of slos.filter((s) => s.budgeting.method === "occurrences")) {
      expect(recorded.get(slo.id)!.source).toBe("recorded");
      // The recording was evaluated up to 2 s before `now`: error ratios agree to 0.1 %.
      within(1 - recorded.get(slo.id)!.sli!, 1 - counted.get(slo.id)!.sli!);
      within(recorded.get(slo.id)!.burn1h, counted.get(slo.id)!.burn1h!);
      expect(Math.abs(recorded.get(slo.id)!.remaining! - counted.get(slo.id)!.remaining!)).toBeLessThan(0.001);
    }
    expect(recorded.get(slos.find((s) => s.slug === "slices-b")!.id)!.source).toBe("computed");
  });

  it("puts each service in the state of its policy, records the history and answers the deploy gate", async () => {
    clearProxyCache();
    // Service a's worst SLO (99.9 % over 30 days) has about 47 % of its budget left; service b's 99.9 % is overspent.
    const first = await servicePolicies(viewer, Date.now());
    const a = first.find((p) => p.service === "svc-a")!;
    const b = first.find((p) => p.service === "svc-b")!;
    const exp = expected("a", Math.floor(Date.now() / 1000) - 30 * 86400);
    expect(Math.abs(a.remaining! - (1 - (1 - exp.sli) / 0.001))).toBeLessThan(0.001);
    expect([a.state, a.decision, a.overridden]).toEqual(["warning", "caution", false]);
    expect([b.state, b.decision]).toEqual(["exhausted", "freeze"]);
    expect(a.history.map((h) => h.state)).toEqual(["warning"]);
    expect(a.since).toBe(a.history[0].since);
    // Service a's own, more tolerant policy: warning only below 45 %.
    await saveServicePolicy(admin, "svc-a", { warningBelow: 0.45, exhaustedBelow: 0.1, actions: { healthy: ["Ship."], warning: ["Slow down."], exhausted: ["Stop."] }, note: "Internal tool" });
    const second = await servicePolicies(viewer, Date.now());
    const a2 = second.find((p) => p.service === "svc-a")!;
    expect([a2.state, a2.decision, a2.overridden]).toEqual(["healthy", "allow", true]);
    expect(a2.history.map((h) => h.state)).toEqual(["healthy", "warning"]);
    // Looking again changes nothing: a row only when the state changes.
    expect((await servicePolicies(viewer, Date.now())).find((p) => p.service === "svc-a")!.history).toHaveLength(2);
    const gate = await serviceDeployGate(viewer, "svc-a", Date.now());
    expect(gate.decision).toBe("allow");
    expect(gate.reason).toMatch(/at least 45 %/);
  });

  it("ignores recordings that no longer match an edited SLO", async () => {
    const slo = slos.find((s) => s.slug === "avail-b-0")!;
    const edited = await updateSlo(
      admin,
      slo.id,
      sloInputSchema.parse({
        service: "svc-b",
        name: slo.name,
        slug: slo.slug,
        target: slo.target,
        window: slo.window,
        sli: { kind: "ratio", bad: `sum(rate(req_errors_total{service="a"}[$window]))`, total: `req_total{service="a"}` },
      }),
    );
    clearProxyCache();
    const out = await sloSummaries(viewer, [edited], Date.now());
    expect(out.get(slo.id)!.source).toBe("computed");
    // Now measuring service a's traffic, with its burst.
    within(out.get(slo.id)!.sli, expected("a", Math.floor(Date.now() / 1000) - 30 * 86400).sli);
  });
});
