import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { services } from "./services";
import { datasources } from "./datasources";
import type { AlertLevels, Budgeting, SliSpec } from "@/lib/slo/definition";
import type { SloWindow } from "@/lib/slo/window";

/** A service level objective on a service: what is measured (sli), how well (target), over what window. */
export const slos = pgTable(
  "slos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    datasourceId: uuid("datasource_id").references(() => datasources.id, { onDelete: "set null" }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    owner: text("owner").notNull().default(""),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    sli: jsonb("sli").$type<SliSpec>().notNull(),
    target: doublePrecision("target").notNull(),
    slaTarget: doublePrecision("sla_target"),
    /** Optional SLI levels drawn on charts (warning, critical, page), as ratios. */
    alertLevels: jsonb("alert_levels").$type<AlertLevels>(),
    window: jsonb("window").$type<SloWindow>().notNull(),
    budgeting: jsonb("budgeting").$type<Budgeting>().notNull(),
    reviewEveryDays: integer("review_every_days").notNull().default(90),
    lastReviewedAt: timestamp("last_reviewed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("slos_target_check", sql`${t.target} > 0 and ${t.target} < 1`),
    check("slos_sla_check", sql`${t.slaTarget} is null or (${t.slaTarget} > 0 and ${t.slaTarget} <= ${t.target})`),
    check("slos_review_check", sql`${t.reviewEveryDays} between 1 and 730`),
    index("slos_service_idx").on(t.serviceId),
  ],
);
