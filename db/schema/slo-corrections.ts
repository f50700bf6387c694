import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { slos } from "./slos";

/**
 * A maintenance window or budget correction on one SLO: a period (one-off, or recurring by an
 * RFC 5545 RRULE from `startsAt`) whose events count neither for the SLI nor against the budget.
 */
export const sloCorrections = pgTable(
  "slo_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sloId: uuid("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    /** First (or only) occurrence; whole minutes. */
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** RRULE body without DTSTART (e.g. "FREQ=WEEKLY;BYDAY=SU;COUNT=10"), or null for a one-off. */
    rrule: text("rrule"),
    /** IANA zone the recurrence is computed in, so "every Sunday 02:00" keeps its wall-clock time. */
    timeZone: text("time_zone").notNull().default("UTC"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("slo_corrections_duration_check", sql`${t.durationMinutes} between 1 and 44640`),
    check("slo_corrections_reason_check", sql`length(${t.reason}) between 1 and 500`),
    index("slo_corrections_slo_idx").on(t.sloId),
  ],
);
