import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./auth";

export type ServiceLinks = { runbook?: string; repository?: string; dashboard?: string };

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    description: text("description").notNull().default(""),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    tier: integer("tier").notNull().default(2),
    public: boolean("public").notNull().default(false),
    links: jsonb("links").$type<ServiceLinks>().notNull().default({}),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("services_tier_check", sql`${t.tier} between 1 and 3`),
    index("services_team_idx").on(t.teamId),
    index("services_name_idx").on(t.name),
  ],
);
