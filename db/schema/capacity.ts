import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { datasources } from "./datasources";
import { services } from "./services";

/**
 * Something a service uses up: a usage PromQL and a limit (a constant or PromQL), forecast over
 * `lookbackDays` of history at `resolutionSeconds` (see lib/capacity/).
 */
export const capacityResources = pgTable(
  "capacity_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** null: the default data source. */
    datasourceId: uuid("datasource_id").references(() => datasources.id, { onDelete: "set null" }),
    usageQuery: text("usage_query").notNull(),
    limitValue: doublePrecision("limit_value"),
    limitQuery: text("limit_query"),
    unit: text("unit").notNull().default(""),
    /** Share of the limit (0..1) that counts as the warning level; the seeds' 80 %. */
    warningLevel: doublePrecision("warning_level").notNull().default(0.8),
    lookbackDays: integer("lookback_days").notNull().default(90),
    resolutionSeconds: integer("resolution_seconds").notNull().default(300),
    /** The template it was created from, if any (e.g. "db-connections"). */
    template: text("template"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("capacity_resources_service_name_unique").on(t.serviceId, t.name),
    index("capacity_resources_service_idx").on(t.serviceId),
    check("capacity_resources_limit_check", sql`(${t.limitValue} is null) <> (${t.limitQuery} is null)`),
    check("capacity_resources_limit_positive_check", sql`${t.limitValue} is null or ${t.limitValue} > 0`),
    check("capacity_resources_warning_check", sql`${t.warningLevel} > 0 and ${t.warningLevel} < 1`),
    check("capacity_resources_lookback_check", sql`${t.lookbackDays} between 1 and 400`),
    check("capacity_resources_resolution_check", sql`${t.resolutionSeconds} between 15 and 86400`),
  ],
);
