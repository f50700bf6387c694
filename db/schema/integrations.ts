import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { incidents } from "./incidents";

export const integrationKinds = ["alertmanager"] as const;
export type IntegrationKind = (typeof integrationKinds)[number];

/** What an alert-opened incident becomes once every one of its alerts has resolved. */
export const allResolvedActions = ["monitoring", "resolved"] as const;
export type AllResolvedAction = (typeof allResolvedActions)[number];

/** A label matcher: an exact value, or a regular expression that must match the whole value. */
export type LabelMatcher = string | { regex: string };
/** One admin-edited mapping rule; rules are tried in order (see lib/integrations/mapping.ts). */
export type MappingRule = { match: Record<string, LabelMatcher>; severity?: "SEV1" | "SEV2" | "SEV3" | "SEV4"; service?: string };

/**
 * A source of alerts. Alertmanager posts to `/api/v1/integrations/alertmanager/<secret>`; only the
 * SHA-256 of that secret is stored (it is 256 random bits, shown once), plus a prefix to recognise it.
 */
export const integrations = pgTable(
  "integrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<IntegrationKind>().notNull().default("alertmanager"),
    name: text("name").notNull().unique(),
    secretHash: text("secret_hash").notNull().unique(),
    secretPrefix: text("secret_prefix").notNull(),
    onAllResolved: text("on_all_resolved").$type<AllResolvedAction>().notNull().default("monitoring"),
    /** 1..4 (SEV1..SEV4): the severity when neither a rule nor the `severity` label decides. */
    defaultSeverity: smallint("default_severity").notNull().default(3),
    rules: jsonb("rules").$type<MappingRule[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("integrations_kind_check", sql`${t.kind} in ('alertmanager')`),
    check("integrations_on_all_resolved_check", sql`${t.onAllResolved} in ('monitoring', 'resolved')`),
    check("integrations_default_severity_check", sql`${t.defaultSeverity} between 1 and 4`),
  ],
);

/** Every accepted webhook delivery, verbatim, for audit: written in the transaction that applied it. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** null: delivered with a bearer API token and no integration chosen. */
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "set null" }),
    /** Who delivered it: the token's user email, or "integration:<name>". */
    source: text("source").notNull(),
    groupKeyHash: text("group_key_hash").notNull(),
    status: text("status").notNull(),
    alertCount: integer("alert_count").notNull(),
    incidentId: uuid("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    /** What Keel did with it: opened, updated, unchanged or ignored. */
    outcome: text("outcome").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
  },
  (t) => [
    index("alert_deliveries_received_idx").on(t.receivedAt),
    index("alert_deliveries_integration_idx").on(t.integrationId, t.receivedAt),
    index("alert_deliveries_group_idx").on(t.groupKeyHash),
  ],
);

export const alertStatuses = ["firing", "resolved"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The alerts behind an alert-opened incident, one row per Alertmanager fingerprint. */
export const incidentAlerts = pgTable(
  "incident_alerts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    alertname: text("alertname").notNull(),
    labels: jsonb("labels").$type<Record<string, string>>().notNull(),
    annotations: jsonb("annotations").$type<Record<string, string>>().notNull().default({}),
    status: text("status").$type<AlertStatus>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    generatorUrl: text("generator_url").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("incident_alerts_incident_fingerprint_key").on(t.incidentId, t.fingerprint),
    check("incident_alerts_status_check", sql`${t.status} in ('firing', 'resolved')`),
  ],
);
