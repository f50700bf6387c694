import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { services } from "./services";

/** Visitors of the public status page who asked for email updates (double opt-in). */
export const statusSubscribers = pgTable(
  "status_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    /** Public service ids; empty = every component. */
    components: jsonb("components").$type<string[]>().notNull().default([]),
    /** SHA-256 of the token in the confirm and unsubscribe links. */
    tokenHash: text("token_hash").notNull().unique(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
);

/**
 * Scheduled maintenance announced on the public status page. Its state (scheduled, in progress,
 * completed) follows from the clock; cancelling keeps the row for the record.
 */
export const statusMaintenances = pgTable(
  "status_maintenances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    /** Public text shown on /status and sent to subscribers. */
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When subscribers were sent the announcement (null: not yet). */
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("status_maintenances_window_check", sql`${t.endsAt} > ${t.startsAt}`), index("status_maintenances_ends_idx").on(t.endsAt)],
);

/** The public services (components) a maintenance affects. */
export const statusMaintenanceServices = pgTable(
  "status_maintenance_services",
  {
    maintenanceId: uuid("maintenance_id")
      .notNull()
      .references(() => statusMaintenances.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.maintenanceId, t.serviceId] }), index("status_maintenance_services_service_idx").on(t.serviceId)],
);
