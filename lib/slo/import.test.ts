import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { listDatasources } from "@/lib/datasources/queries";
import { importSlos } from "./import";
import { getSlo, listSlos } from "./queries";
import { parseOpenSlo, toOpenSlo } from "./openslo";

const file = (target = "0.999") => `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prod-prometheus
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus.example:9090
---
apiVersion: openslo/v1
kind: Service
metadata:
  name: ledger
spec:
  description: The ledger
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: Checkout
  budgetingMethod: Occurrences
  objectives:
    - target: ${target}
  timeWindow:
    - duration: 30d
      isRolling: true
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            metricSourceRef: prod-prometheus
            spec:
              query: http_requests_total{service="checkout",code=~"5.."}
        total:
          metricSource:
            type: Prometheus
            metricSourceRef: prod-prometheus
            spec:
              query: http_requests_total{service="checkout"}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-availability
spec:
  service: ledger
  budgetingMethod: Timeslices
  objectives:
    - target: 0.995
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: 2026-01-01 00:00:00
        timeZone: Europe/Berlin
  indicator:
    metadata:
      name: ledger-good
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(ledger_ok_total[$window]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(ledger_total[$window]))
`;

let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  viewer = await makeUser("viewer");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout" }));
});
afterAll(() => drop());

describe("SLO import", () => {
  it("imports OpenSLO: matches or creates services, creates data sources, then updates on a second import", async () => {
    await expect(importSlos(viewer, file())).rejects.toMatchObject({ code: "forbidden" });
    const first = await importSlos(admin, file());
    expect(first.created).toHaveLength(2);
    const slos = await listSlos(viewer);
    const checkout = slos.find((s) => s.slug === "checkout-availability")!;
    expect(checkout).toMatchObject({ service: "checkout", target: 0.999, window: { kind: "rolling", days: 30 } });
    expect(checkout.sli).toEqual({ kind: "ratio", bad: 'http_requests_total{service="checkout",code=~"5.."}', total: 'http_requests_total{service="checkout"}' });
    const ds = (await listDatasources(viewer)).find((d) => d.name === "prod-prometheus")!;
    expect(checkout.datasourceId).toBe(ds.id);
    const ledger = slos.find((s) => s.slug === "ledger-availability")!;
    expect(ledger).toMatchObject({ service: "ledger", budgeting: { method: "timeslices", sliceMinutes: 1, sliceTarget: 0.99 }, window: { kind: "calendar", unit: "month", timeZone: "Europe/Berlin" } });

    const second = await importSlos(admin, file("0.9995"));
    expect(second).toMatchObject({ created: [], updated: expect.arrayContaining([checkout.id]) });
    expect((await getSlo(viewer, checkout.id)).target).toBe(0.9995);
  });

  it("imports nothing when any document is bad, and says which", async () => {
    const before = (await listSlos(viewer)).length;
    const bad = file().replace("target: 0.999", "target: 1.5").replace("name: ledger-availability", "name: ledger-two");
    const err = await importSlos(admin, bad).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect(Object.keys((err as AppError).fields!).join(" ")).toMatch(/document 3/);
    expect((await listSlos(viewer)).length).toBe(before);
    await expect(importSlos(admin, "kind: [unclosed")).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("imports Sloth specs", async () => {
    const r = await importSlos(
      admin,
      `version: "prometheus/v1"
service: "checkout"
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{service="checkout"}[{{.window}}]))
`,
    );
    expect(r.created).toHaveLength(1);
    const slo = await getSlo(viewer, r.created[0]);
    expect(slo.sli).toEqual({ kind: "ratio", bad: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))', total: 'sum(rate(http_requests_total{service="checkout"}[$window]))' });
  });

  it("round-trips through export", async () => {
    const slo = (await listSlos(viewer)).find((s) => s.slug === "ledger-availability")!;
    const back = parseOpenSlo(toOpenSlo([{ definition: slo }]));
    expect(back.errors).toEqual([]);
    expect(back.slos[0].definition).toMatchObject({ slug: slo.slug, sli: slo.sli, target: slo.target, window: slo.window, budgeting: slo.budgeting });
  });
});
