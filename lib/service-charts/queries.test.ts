import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService, deleteService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { promString } from "@/lib/prometheus/escape";
import { addServiceChart, listServiceCharts, moveServiceChart, removeServiceChart } from "./queries";
import { goldenSignals, serviceChartInputSchema } from "./schemas";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;

const chart = (title: string) => serviceChartInputSchema.parse({ service: "checkout", title, query: "up" });

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout" }));
});
afterAll(() => drop());

describe("pinned service charts", () => {
  it("responders pin, reorder and remove; viewers only look", async () => {
    await expect(addServiceChart(viewer, chart("nope"))).rejects.toMatchObject({ code: "forbidden" });
    const a = await addServiceChart(responder, chart("A"));
    const b = await addServiceChart(responder, chart("B"));
    const c = await addServiceChart(admin, chart("C"));
    expect((await listServiceCharts(viewer, "checkout")).map((x) => x.title)).toEqual(["A", "B", "C"]);
    await moveServiceChart(responder, c.id, -1);
    expect((await listServiceCharts(viewer, "checkout")).map((x) => x.title)).toEqual(["A", "C", "B"]);
    await moveServiceChart(responder, a.id, -1); // already first: nothing moves
    expect((await listServiceCharts(viewer, "checkout")).map((x) => x.title)).toEqual(["A", "C", "B"]);
    await expect(removeServiceChart(viewer, b.id)).rejects.toMatchObject({ code: "forbidden" });
    await removeServiceChart(responder, b.id);
    expect((await listServiceCharts(viewer, "checkout")).map((x) => x.title)).toEqual(["A", "C"]);
    await expect(removeServiceChart(responder, b.id)).rejects.toBeInstanceOf(AppError);
    await expect(addServiceChart(responder, { ...chart("x"), service: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("goes away with its service", async () => {
    await createService(admin, serviceInputSchema.parse({ name: "Temp", slug: "temp" }));
    await addServiceChart(admin, { ...chart("T"), service: "temp" });
    await deleteService(admin, "temp");
    await expect(listServiceCharts(viewer, "temp")).rejects.toMatchObject({ code: "not_found" });
  });

  it("validates input", () => {
    expect(serviceChartInputSchema.safeParse({ service: "checkout", title: "", query: "up" }).success).toBe(false);
    expect(serviceChartInputSchema.safeParse({ service: "checkout", title: "t", query: "up", unit: "furlongs" }).success).toBe(false);
  });

  it("builds golden-signal queries with the service name escaped", () => {
    const name = 'we"ird\\svc';
    for (const s of goldenSignals(promString(name))) {
      expect(s.query).toContain('service="we\\"ird\\\\svc"');
      expect(s.query).not.toContain(`service="${name}"`);
    }
  });
});
