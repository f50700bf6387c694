import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { services } from "./services";

/** Postgres full-text document; read only through SQL (`@@`), never selected into DTOs. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const incidentStatusEnum = pgEnum("incident_status", ["triaging", "investigating", "identified", "monitoring", "resolved", "closed"]);
export const incidentDetectedByEnum = pgEnum("incident_detected_by", ["alert", "user", "customer"]);

export type IncidentImpact = { usersAffected?: number; trafficPercent?: number; revenue?: number; supportTickets?: number };

/** An incident. `number` is the human id shown as INC-<number>; `severity` is 1..4 (SEV1..SEV4). */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull().unique().generatedAlwaysAsIdentity(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    severity: smallint("severity").notNull(),
    status: incidentStatusEnum("status").notNull().default("triaging"),
    customerFacing: boolean("customer_facing").notNull().default(false),
    detectedBy: incidentDetectedByEnum("detected_by").notNull().default("user"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    mitigatedAt: timestamp("mitigated_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    commanderId: uuid("commander_id").references(() => users.id, { onDelete: "set null" }),
    commsLeadId: uuid("comms_lead_id").references(() => users.id, { onDelete: "set null" }),
    impact: jsonb("impact").$type<IncidentImpact>().notNull().default({}),
    /** Hash of the Alertmanager groupKey of an alert-opened incident (idempotent ingestion). */
    alertGroupKeyHash: text("alert_group_key_hash"),
    /** The earlier incident this one follows up (a group firing again after resolution). */
    previousIncidentId: uuid("previous_incident_id").references((): AnyPgColumn => incidents.id, { onDelete: "set null" }),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', ${incidents.title}), 'A') || setweight(to_tsvector('english', ${incidents.summary}), 'B')`,
    ),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("incidents_severity_check", sql`${t.severity} between 1 and 4`),
    index("incidents_started_idx").on(t.startedAt.desc(), t.id.desc()),
    // Status and severity filters walk this in list order (the bench's selective filter: 95 ms → 7 ms).
    index("incidents_status_severity_started_idx").on(t.status, t.severity, t.startedAt.desc(), t.id.desc()),
    index("incidents_alert_group_idx").on(t.alertGroupKeyHash),
    index("incidents_search_idx").using("gin", t.search),
  ],
);

/** The services an incident affects. */
export const incidentServices = pgTable(
  "incident_services",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serviceId] }), index("incident_services_service_idx").on(t.serviceId)],
);

/** People responding to an incident (besides its commander and communications lead). */
export const incidentResponders = pgTable(
  "incident_responders",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.userId] }), index("incident_responders_user_idx").on(t.userId)],
);

export const timelineKinds = [
  "status",
  "severity",
  "role",
  "edit",
  "note",
  "action",
  "alert_firing",
  "alert_resolved",
  "link",
  "status_update",
  "timestamp_edit",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** What happened during an incident, in order. `author_id` null: written by Keel itself. */
export const incidentTimeline = pgTable(
  "incident_timeline",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").$type<TimelineKind>().notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    check("incident_timeline_kind_check", sql.raw(`kind in (${timelineKinds.map((k) => `'${k}'`).join(", ")})`)),
    index("incident_timeline_incident_at_idx").on(t.incidentId, t.at),
  ],
);

/**
 * Admins' edits of a severity's targets (lib/incidents/severity.ts holds the defaults). A row per
 * edited level; a target is minutes or business days, never both.
 */
export const severityTargets = pgTable(
  "severity_targets",
  {
    level: smallint("level").primaryKey(),
    respondMinutes: integer("respond_minutes"),
    respondBusinessDays: integer("respond_business_days"),
    resolveMinutes: integer("resolve_minutes"),
    resolveBusinessDays: integer("resolve_business_days"),
    postmortemRequired: boolean("postmortem_required").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("severity_targets_level_check", sql`${t.level} between 1 and 4`),
    check("severity_targets_respond_check", sql`(coalesce(${t.respondMinutes}, 0) > 0) <> (coalesce(${t.respondBusinessDays}, 0) > 0)`),
    check("severity_targets_resolve_check", sql`(coalesce(${t.resolveMinutes}, 0) > 0) <> (coalesce(${t.resolveBusinessDays}, 0) > 0)`),
  ],
);
