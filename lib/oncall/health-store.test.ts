import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { createToken } from "@/lib/tokens/queries";
import { GET as csvRoute } from "@/app/api/v1/oncall/compensation.csv/route";
import { createPolicy } from "./escalation-store";
import { runEscalationPass } from "./escalation-worker";
import { compensationReport, onCallHealthReport } from "./health-store";
import { getRates, saveRates } from "./rates-store";
import { insertSchedule } from "./testing/db-schedule";

/**
 * Health and compensation from stored schedules, escalation pages and incidents. The expected
 * figures are worked out by hand below from the rotation (weekly, hand-off Monday 09:00 UTC,
 * Alex then Sam from 3 March 2025) and each person's zone.
 */

const H = 3_600_000;
const MIN = 60_000;
const period = { fromMs: Date.UTC(2025, 2, 3), toMs: Date.UTC(2025, 2, 17) };

let drop: () => Promise<void>;
let admin: Principal;
let alex: Principal;
let sam: Principal;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "ada@test.example");
  alex = await makeUser("responder", "alex@test.example");
  sam = await makeUser("responder", "sam@test.example");
  viewer = await makeUser("viewer", "vera@test.example");
  const [team] = await getDb().insert(schema.teams).values({ slug: "payments", name: "Payments" }).returning();
  await getDb().update(schema.users).set({ teamId: team.id, timeZone: "Europe/London" }).where(eq(schema.users.id, alex.userId));
  await getDb().update(schema.users).set({ teamId: team.id, timeZone: "America/Chicago" }).where(eq(schema.users.id, sam.userId));
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout", team: "payments" }));
  await createService(admin, serviceInputSchema.parse({ name: "Billing", slug: "billing", team: "payments" }));
  const s = await insertSchedule(getDb(), "Payments on-call", "UTC", [{ name: "primary", participants: [alex.userId, sam.userId], start: "2025-03-03" }]);
  await getDb().update(schema.schedules).set({ teamId: team.id }).where(eq(schema.schedules.id, s.id));
  await createPolicy(admin, { name: "Payments", steps: [{ targets: [{ kind: "layer", scheduleId: s.id, layerId: s.layers.primary }], delayMinutes: 30 }], services: ["checkout"] });

  // Tue 4 March 02:00 UTC (02:00 in London: night): Alex is paged, acknowledges after 10 minutes, mitigates after an hour.
  const night = Date.UTC(2025, 2, 4, 2);
  const a = await createIncident(admin, { title: "Checkout 503s", severity: "SEV2", services: ["checkout"] }, night);
  await runEscalationPass({ now: new Date(night) });
  await updateIncident(alex, a.ref, { status: "investigating" }, undefined, night + 10 * MIN);
  await updateIncident(alex, a.ref, { status: "monitoring" }, undefined, night + H);
  // Wed 12 March 15:00 UTC (10:00 in Chicago, summer time since 9 March): billing, no policy, on Sam's shift; nobody acknowledges.
  await createIncident(admin, { title: "Invoices late", severity: "SEV2", services: ["billing"] }, Date.UTC(2025, 2, 12, 15));
});
afterAll(() => drop());

describe("on-call health", () => {
  it("splits hours by part of day in each person's zone and counts pages, interruptions and compliance", async () => {
    const r = await onCallHealthReport(viewer, { period }, Date.UTC(2025, 2, 20));
    const alexRow = r.people.find((p) => p.userId === alex.userId)!;
    const samRow = r.people.find((p) => p.userId === sam.userId)!;
    // Alex: Mon 3 March 09:00 to Mon 10 March 09:00 (London is on GMT): 168 h; business 09–17 Mon–Fri = 5 × 8 = 40;
    // nights 22–06 from Mon night to Sun night = 7 × 8 = 56; the rest off-hours.
    expect(alexRow).toMatchObject({ timeZone: "Europe/London", onCallHours: 168, businessHours: 40, nightHours: 56, offHours: 72, share: 0.5, overShareCeiling: true });
    expect(alexRow).toMatchObject({ pages: 1, offHoursInterruptions: 1, nightInterruptions: 1, incidents: 1, compliance: { met: 1, missed: 0, open: 0, rate: 1 } });
    // Sam: Mon 10 March 09:00 UTC to the period's end, Mon 17 March 00:00 UTC: 159 h. The billing incident started on the
    // team's schedule during Sam's shift (10:00 in Chicago: business hours) and was never acknowledged: missed.
    expect(samRow).toMatchObject({ timeZone: "America/Chicago", onCallHours: 159, pages: 1, offHoursInterruptions: 0, incidents: 1, compliance: { met: 0, missed: 1, open: 0, rate: 0 } });
    expect(r.total).toMatchObject({ people: 2, onCallHours: 327, incidents: 2, peopleOverShareCeiling: 2, compliance: { met: 1, missed: 1, rate: 0.5 } });
    // A team filter keeps its members (the viewer has no team and was never on call).
    const team = await onCallHealthReport(viewer, { period, team: "payments" });
    expect(team.people.map((p) => p.userId).sort()).toEqual([alex.userId, sam.userId].sort());
    await expect(onCallHealthReport(viewer, { period, team: "nope" })).rejects.toMatchObject({ code: "bad_request", fields: { team: ['No team "nope".'] } });
  });
});

describe("compensation and its rates", () => {
  it("only admins change the rates; bad or stale input saves nothing", async () => {
    expect(await getRates(viewer)).toMatchObject({ currency: "EUR", weeklyStipend: 300, version: 0, edited: false });
    await expect(saveRates(alex, { currency: "USD", weeklyStipend: 1, hourlyRate: 1, responseMultiplier: 1, sev1DayOff: true })).rejects.toMatchObject({ code: "forbidden" });
    const bad = (await saveRates(admin, { currency: "dollars", weeklyStipend: -5, hourlyRate: 50, responseMultiplier: 1.5, sev1DayOff: true }).catch((e: unknown) => e)) as AppError;
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["currency", "weeklyStipend"]);
    expect((await getRates(admin)).edited).toBe(false);
    const saved = await saveRates(admin, { currency: "GBP", weeklyStipend: 336, hourlyRate: 40, responseMultiplier: 2, sev1DayOff: false }, 0);
    expect(saved).toMatchObject({ currency: "GBP", weeklyStipend: 336, version: 1, edited: true });
    await expect(saveRates(admin, { currency: "USD", weeklyStipend: 1, hourlyRate: 1, responseMultiplier: 1, sev1DayOff: true }, 0)).rejects.toMatchObject({ code: "conflict" });
    expect((await getRates(admin)).currency).toBe("GBP");
  });

  it("pays the stipend by hours on call and off-hours response at rate × multiplier; admins only; CSV", async () => {
    await expect(compensationReport(viewer, { period })).rejects.toMatchObject({ code: "forbidden" });
    const r = await compensationReport(admin, { period });
    const row = (u: Principal) => r.rows.find((x) => x.userId === u.userId)!;
    // Alex: 168 h = a full week: 336. Response 02:00–03:00 at night: 1 h × 40 × 2 = 80.
    expect(row(alex)).toMatchObject({ stipend: 336, responseHours: 1, responseHoursOutsideBusiness: 1, responsePay: 80, total: 416, currency: "GBP" });
    // Sam: 159 h: 336 × 159 / 168 = 318. Response from 10:00 Chicago for 12 h (never mitigated): 7 h business, 5 h off-hours: 5 × 80 = 400.
    expect(row(sam)).toMatchObject({ stipend: 318, responseHours: 12, responseHoursOutsideBusiness: 5, responsePay: 400, total: 718 });

    const token = (await createToken(admin, { email: admin.email, name: "csv" })).token;
    const viewerToken = (await createToken(admin, { email: viewer.email, name: "viewer csv" })).token;
    const get = (t: string, q: string) => csvRoute(new Request(`http://keel.test/api/v1/oncall/compensation.csv?${q}`, { headers: { Authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
    const res = await get(token, "from=2025-03-03&to=2025-03-16");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("oncall-compensation-2025-03-03-2025-03-16.csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("user,name,time_zone,on_call_hours,stipend,response_hours,response_hours_outside_business,response_pay,sev1_days_off,total,currency");
    expect(lines).toContain(`${alex.userId},alex,Europe/London,168.00,336.00,1.00,1.00,80.00,0,416.00,GBP`);
    expect((await get(token, "from=2025-03-16&to=2025-03-01")).status).toBe(400);
    expect((await get(viewerToken, "")).status).toBe(403);
  });
});
