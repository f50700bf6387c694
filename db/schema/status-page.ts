import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
