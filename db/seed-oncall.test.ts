import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { coverageIssues } from "@/lib/oncall/coverage";
import { loadOverrides, loadSchedule } from "@/lib/oncall/load";
import { onCallAt } from "@/lib/oncall/on-call-at";
import { seedOncall } from "./seed-oncall";

let drop: () => Promise<void>;
const NOW = Date.UTC(2026, 2, 4, 12); // Wednesday 4 March 2026

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  await getDb().insert(schema.teams).values([{ slug: "payments", name: "Payments" }, { slug: "storefront", name: "Storefront" }, { slug: "platform", name: "Platform" }]);
  await getDb().insert(schema.users).values([
    { email: "admin@keel.example", name: "Ada Admin", role: "admin" },
    { email: "responder@keel.example", name: "Rory Responder", role: "responder" },
    { email: "viewer@keel.example", name: "Vera Viewer", role: "viewer", timeZone: "Asia/Tokyo" },
  ]);
});
afterAll(() => drop());

describe("on-call demo seed", () => {
  it("creates the payments and storefront schedules with overrides, once, and gives people zones", async () => {
    expect(await seedOncall(getDb(), NOW)).toBe(true);
    expect(await seedOncall(getDb(), NOW)).toBe(false);
    const users = new Map((await getDb().select().from(schema.users)).map((u) => [u.email, u]));
    expect([users.get("admin@keel.example")?.timeZone, users.get("viewer@keel.example")?.timeZone, users.size]).toEqual(["Europe/London", "Asia/Tokyo", 3]);

    const { schedule } = await loadSchedule("Payments on-call");
    expect(schedule.layers.map((l) => l.name)).toEqual(["Secondary", "Primary"]);
    // Weeks since Monday 6 January 2025 09:00 UTC: week 60 (from Monday 2 March 2026) is even, so Rory is primary.
    const rory = users.get("responder@keel.example")!.id;
    const ada = users.get("admin@keel.example")!.id;
    const at = onCallAt(schedule, [], NOW);
    expect([at.final.userIds, at.final.startMs, at.final.endMs]).toEqual([[rory], Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 9, 9)]);
    const overrides = await loadOverrides(schedule.id);
    // The coming Wednesday (11 March, 09:00–21:00 UTC) is Ada's primary week: she and Rory swap places.
    const coming = overrides.filter((o) => o.startMs > NOW);
    expect(coming.map((o) => [o.userId, o.startMs, o.endMs])).toEqual([
      [rory, Date.UTC(2026, 2, 11, 9), Date.UTC(2026, 2, 11, 21)],
      [ada, Date.UTC(2026, 2, 11, 9), Date.UTC(2026, 2, 11, 21)],
    ]);
    const wed = onCallAt(schedule, overrides, Date.UTC(2026, 2, 11, 12));
    expect([wed.final.userIds, wed.layers.map((l) => l.userIds)]).toEqual([[rory], [[ada], [rory]]]);
    expect(onCallAt(schedule, [], Date.UTC(2026, 2, 11, 12)).final.userIds).toEqual([ada]);
    // Nothing to warn about in Payments over the next 30 days.
    expect(coverageIssues(schedule, overrides, NOW)).toEqual([]);

    const [storefront] = await getDb().select().from(schema.schedules).where(eq(schema.schedules.name, "Storefront business hours"));
    const biz = await loadSchedule(storefront.id);
    expect(coverageIssues(biz.schedule, [], NOW).some((i) => i.kind === "gap")).toBe(true);
    // Friday 13 March from 18:00 UTC (14:00 EDT, New York changed on 8 March): the person on that day is off.
    const off = await loadOverrides(storefront.id);
    expect(off.map((o) => [o.kind, o.startMs])).toEqual([["remove", Date.UTC(2026, 2, 13, 18)]]);
    expect(onCallAt(biz.schedule, off, Date.UTC(2026, 2, 13, 19)).final.userIds).toEqual([]);
  });
});
