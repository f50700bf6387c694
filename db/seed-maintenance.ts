import { eq, inArray } from "drizzle-orm";
import { schema, type Db } from "./index";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's maintenance: the public services each affects and when, relative to the seed time. */
const demoMaintenance = [
  {
    title: "Database upgrade",
    description: "We are upgrading the database behind checkout and payments. Orders may take a few seconds longer to confirm; no card payment will be lost.",
    services: ["checkout-api", "payments-service"],
    startsInHours: 3 * 24 + 2,
    hours: 2,
  },
  {
    title: "Sign-in certificate rotation",
    description: "We rotated the certificates of the sign-in service. Some customers had to sign in again.",
    services: ["identity"],
    startsInHours: -10 * 24,
    hours: 1,
  },
];

/**
 * Seeds one upcoming and one completed maintenance on public demo services, announced when
 * scheduled. Seeded once: nothing is added when any maintenance exists. Times start on the hour.
 */
export async function seedMaintenance(db: Db, nowMs = Date.now()): Promise<number> {
  const [any] = await db.select({ id: schema.statusMaintenances.id }).from(schema.statusMaintenances).limit(1);
  if (any) return 0;
  const s = schema.services;
  const services = await db.select({ id: s.id, slug: s.slug }).from(s).where(inArray(s.slug, [...new Set(demoMaintenance.flatMap((m) => m.services))]));
  const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "admin@keel.example"));
  const hour = Math.floor(nowMs / HOUR) * HOUR;
  let created = 0;
  for (const m of demoMaintenance) {
    const ids = services.filter((x) => m.services.includes(x.slug)).map((x) => x.id);
    if (!ids.length) continue;
    const startsAt = new Date(hour + m.startsInHours * HOUR);
    const scheduledAt = new Date(Math.min(nowMs, startsAt.getTime() - 7 * DAY));
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.statusMaintenances)
        .values({ title: m.title, description: m.description, startsAt, endsAt: new Date(startsAt.getTime() + m.hours * HOUR), announcedAt: scheduledAt, createdBy: admin?.id ?? null, createdAt: scheduledAt, updatedAt: scheduledAt })
        .returning({ id: schema.statusMaintenances.id });
      await tx.insert(schema.statusMaintenanceServices).values(ids.map((serviceId) => ({ maintenanceId: row.id, serviceId })));
    });
    created++;
  }
  return created;
}
