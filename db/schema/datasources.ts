import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { services } from "./services";

export const datasourceKinds = ["prometheus", "thanos", "mimir", "victoriametrics"] as const;
export type DatasourceKind = (typeof datasourceKinds)[number];
export const datasourceAuthKinds = ["none", "basic", "bearer"] as const;
export type DatasourceAuthKind = (typeof datasourceAuthKinds)[number];

/**
 * A Prometheus-compatible store Keel queries. Passwords, bearer tokens and extra header values live
 * only in `secrets`, sealed with KEEL_SECRET_KEY (AES-256-GCM, bound to the row id); the header
 * names are kept in clear so the UI can list them.
 */
export const datasources = pgTable(
  "datasources",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull().unique(),
    kind: text("kind").$type<DatasourceKind>().notNull(),
    url: text("url").notNull(),
    authKind: text("auth_kind").$type<DatasourceAuthKind>().notNull().default("none"),
    basicUsername: text("basic_username"),
    headerNames: jsonb("header_names").$type<string[]>().notNull().default([]),
    secrets: text("secrets"),
    timeoutSeconds: integer("timeout_seconds").notNull().default(30),
    scrapeIntervalSeconds: integer("scrape_interval_seconds").notNull().default(60),
    isDefault: boolean("is_default").notNull().default(false),
    fromEnv: boolean("from_env").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("datasources_kind_check", sql`${t.kind} in ('prometheus', 'thanos', 'mimir', 'victoriametrics')`),
    check("datasources_auth_check", sql`${t.authKind} in ('none', 'basic', 'bearer')`),
    check("datasources_timeout_check", sql`${t.timeoutSeconds} between 1 and 300`),
    check("datasources_scrape_check", sql`${t.scrapeIntervalSeconds} between 1 and 3600`),
    uniqueIndex("datasources_one_default").on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

/** A chart pinned to a service's page: a saved PromQL with a title and unit (the golden signals). */
export const serviceCharts = pgTable(
  "service_charts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    datasourceId: uuid("datasource_id").references(() => datasources.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    query: text("query").notNull(),
    unit: text("unit").notNull().default("short"),
    legend: text("legend").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_charts_service_idx").on(t.serviceId, t.position)],
);
