import { eq, inArray, and } from "drizzle-orm";
import { onCallAt } from "@/lib/oncall/on-call-at";
import type { LayerVersion, Schedule } from "@/lib/oncall/types";
import { schema, type Db } from "./index";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Each demo person's zone (set only while it is still the default, UTC). */
const zones: Record<string, string> = {
  "admin@keel.example": "Europe/London",
  "responder@keel.example": "America/Chicago",
  "viewer@keel.example": "Europe/Berlin",
};

const weekly = (participants: string[]): LayerVersion => ({ rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2025-01-06", participants } });

/**
 * The demo's on-call: "Payments on-call" (UTC, two weekly layers handing off Monday 09:00 —
 * Secondary below, Primary on top — with Rory and Ada taking turns), "Storefront business hours"
 * (New York, weekdays 09:00–17:00, so nights and weekends are flagged as gaps), and a few
 * overrides: a coming swap of primary and secondary for a day, a past cover (history) and a coming
 * afternoon off that leaves a gap. Gives the demo people time zones. Seeded once
 * (skipped when any schedule exists); only pure modules are imported, so scripts can run it.
 */
export async function seedOncall(db: Db, nowMs = Date.now()): Promise<boolean> {
  const u = schema.users;
  const teams = await db.select({ id: schema.teams.id, slug: schema.teams.slug }).from(schema.teams);
  const teamId = (slug: string) => teams.find((t) => t.slug === slug)?.id ?? null;
  for (const [email, zone] of Object.entries(zones)) await db.update(u).set({ timeZone: zone }).where(and(eq(u.email, email), eq(u.timeZone, "UTC")));

  const [any] = await db.select({ id: schema.schedules.id }).from(schema.schedules).limit(1);
  if (any) return false;
  const people = await db.select({ id: u.id, email: u.email }).from(u).where(inArray(u.email, Object.keys(zones)));
  const id = (email: string) => people.find((p) => p.email === email)?.id;
  const [rory, ada] = [id("responder@keel.example"), id("admin@keel.example")];
  if (!rory || !ada) return false;

  const s = schema.schedules;
  const l = schema.scheduleLayers;
  const [payments] = await db
    .insert(s)
    .values({ name: "Payments on-call", timeZone: "UTC", teamId: teamId("payments"), description: "Weekly rotation, hand-off Monday 09:00 UTC. Primary pages first; Secondary backs them up." })
    .returning({ id: s.id });
  const [secondary, primary] = await db
    .insert(l)
    .values([
      { scheduleId: payments.id, name: "Secondary", position: 0, versions: [weekly([ada, rory]) as unknown as Record<string, unknown>] },
      { scheduleId: payments.id, name: "Primary", position: 1, versions: [weekly([rory, ada]) as unknown as Record<string, unknown>] },
    ])
    .returning({ id: l.id });
  const businessHours: LayerVersion = { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2025-01-06", participants: [ada, rory] }, restrictions: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "09:00", end: "17:00" }] };
  const [storefront] = await db
    .insert(s)
    .values({ name: "Storefront business hours", timeZone: "America/New_York", teamId: teamId("storefront"), description: "Weekdays 09:00–17:00 New York time; nights and weekends go to the platform rotation." })
    .returning({ id: s.id });
  const [business] = await db
    .insert(l)
    .values({
      scheduleId: storefront.id,
      name: "Business hours",
      position: 0,
      versions: [businessHours as unknown as Record<string, unknown>],
    })
    .returning({ id: l.id });

  // A coming Wednesday 09:00–21:00 UTC the two swap places (primary to a conference day); ten days
  // ago the secondary covered the primary for an afternoon (history, a double booking then); a
  // coming Friday afternoon the storefront's person is off (a gap, flagged).
  const day = Math.floor(nowMs / DAY);
  const ahead = (weekday: number) => (day + ((weekday - ((day + 3) % 7) + 7) % 7) + 7) * DAY;
  const wednesday = ahead(2) + 9 * HOUR;
  const paymentsModel: Schedule = { id: payments.id, timeZone: "UTC", layers: [{ id: secondary.id, name: "Secondary", versions: [weekly([ada, rory])] }, { id: primary.id, name: "Primary", versions: [weekly([rory, ada])] }] };
  const [secondaryThen, primaryThen] = onCallAt(paymentsModel, [], wednesday).layers.map((x) => x.userIds[0]);
  const pastStart = (day - 10) * DAY + 12 * HOUR;
  const pastSecondary = onCallAt(paymentsModel, [], pastStart).layers[0].userIds[0];
  const friday = ahead(4) + 18 * HOUR; // 13:00 in New York (EST) or 14:00 (EDT)
  const storefrontModel: Schedule = { id: storefront.id, timeZone: "America/New_York", layers: [{ id: business.id, name: "Business hours", versions: [businessHours] }] };
  const off = onCallAt(storefrontModel, [], friday).final.userIds[0] ?? ada;
  const o = (scheduleId: string, layerId: string, kind: "replace" | "remove", userId: string, startMs: number, hours: number, note: string) => ({
    scheduleId,
    layerId,
    kind,
    userId,
    startsAt: new Date(startMs),
    endsAt: new Date(startMs + hours * HOUR),
    note,
    createdBy: ada,
  });
  await db.insert(schema.scheduleOverrides).values([
    o(payments.id, primary.id, "replace", secondaryThen, wednesday, 12, "Swapped for a conference day"),
    o(payments.id, secondary.id, "replace", primaryThen, wednesday, 12, "Swapped for a conference day"),
    o(payments.id, primary.id, "replace", pastSecondary, pastStart, 6, "Covered a dentist appointment"),
    o(storefront.id, business.id, "remove", off, friday, 4, "Afternoon off"),
  ]);
  return true;
}
