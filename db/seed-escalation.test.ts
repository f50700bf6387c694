import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { listPolicies } from "@/lib/oncall/escalation-store";
import { onCallHealthReport } from "@/lib/oncall/health-store";
import { parsePeriod } from "@/lib/oncall/health-period";
import { seedDemo } from "./seed";
import { DEMO_POLICY, seedEscalation } from "./seed-escalation";

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  await seedDemo();
});
afterAll(() => drop());

describe("the demo's escalation", () => {
  it("chains primary → secondary after 15 min → engineering manager → VP on the payments services, once", async () => {
    const viewer = await makeUser("viewer");
    const [policy] = await listPolicies(viewer);
    expect(policy.name).toBe(DEMO_POLICY);
    expect(policy.steps.map((s) => s.targets.map((t) => (t.kind === "user" ? "person" : t.label.replace(/ · (\w)/, (_m, c: string) => ` · ${c.toLowerCase()}`))).join())).toEqual([
      "Payments on-call · primary",
      "Payments on-call · secondary",
      "person",
      "person",
    ]);
    expect(policy.steps.map((s) => s.delayMinutes).slice(0, 1)).toEqual([15]);
    expect(policy.services.map((s) => s.slug).sort()).toEqual(["billing", "checkout-api", "payments-service"]);
    expect(await seedEscalation(getDb())).toBe(false);
    expect(await listPolicies(viewer)).toHaveLength(1);
  });

  it("gives past payments incidents the pages they would have had, so the health page has data", async () => {
    const t = schema.escalationTimers;
    const fired = await getDb().select().from(t).where(eq(t.status, "fired"));
    expect(fired.length).toBeGreaterThanOrEqual(2);
    expect(fired.every((f) => f.stepIndex === 0 && f.notified.length === 1)).toBe(true);
    const viewer = await makeUser("viewer");
    const period = parsePeriod({ from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }, Date.now());
    const report = await onCallHealthReport(viewer, { period: (period as { ok: true; period: { fromMs: number; toMs: number } }).period });
    expect(report.total.pages).toBeGreaterThanOrEqual(fired.length);
    expect(report.people.some((p) => p.onCallHours > 0)).toBe(true);
  });
});
