import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./auth";
import { incidents } from "./incidents";
import { services } from "./services";

/** A layer's definition history (lib/oncall/types.ts `LayerVersion[]`): edits add versions, past ones stay. */
export type StoredLayerVersion = Record<string, unknown>;

/** An on-call schedule: a time zone and layers of rotations (see lib/oncall/). */
export const schedules = pgTable("schedules", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  timeZone: text("time_zone").notNull(),
  teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A layer of a schedule; `position` orders them, lowest first (a higher layer wins where it has someone). */
export const scheduleLayers = pgTable(
  "schedule_layers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => schedules.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    versions: jsonb("versions").$type<StoredLayerVersion[]>().notNull(),
    /** Removed from this instant on; its past shifts stay in history. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedule_layers_schedule_idx").on(t.scheduleId, t.position)],
);

export const overrideKinds = ["add", "replace", "remove"] as const;

/** A change to who is on call for a time range, on one layer or on the whole schedule. */
export const scheduleOverrides = pgTable(
  "schedule_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => schedules.id, { onDelete: "cascade" }),
    layerId: uuid("layer_id").references(() => scheduleLayers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<(typeof overrideKinds)[number]>().notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("schedule_overrides_kind_check", sql`${t.kind} in ('add', 'replace', 'remove')`),
    check("schedule_overrides_range_check", sql`${t.endsAt} > ${t.startsAt}`),
    index("schedule_overrides_schedule_idx").on(t.scheduleId, t.startsAt),
  ],
);

/** A person offering one of their shifts; another takes it (which becomes a replace override). */
export const shiftSwaps = pgTable(
  "shift_swaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => schedules.id, { onDelete: "cascade" }),
    layerId: uuid("layer_id").references(() => scheduleLayers.id, { onDelete: "cascade" }),
    offeredBy: uuid("offered_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note").notNull().default(""),
    status: text("status").$type<"open" | "taken" | "cancelled">().notNull().default("open"),
    takenBy: uuid("taken_by").references(() => users.id, { onDelete: "set null" }),
    overrideId: uuid("override_id").references(() => scheduleOverrides.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("shift_swaps_status_check", sql`${t.status} in ('open', 'taken', 'cancelled')`),
    check("shift_swaps_range_check", sql`${t.endsAt} > ${t.startsAt}`),
    index("shift_swaps_schedule_idx").on(t.scheduleId, t.status),
  ],
);

/** Secret iCalendar feed links: one per schedule and/or person (only the SHA-256 is stored). */
export const oncallFeedTokens = pgTable(
  "oncall_feed_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    scheduleId: uuid("schedule_id").references(() => schedules.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("oncall_feed_tokens_target_check", sql`${t.scheduleId} is not null or ${t.userId} is not null`)],
);

/** Ordered steps (lib/oncall/escalation.ts `EscalationStep[]`) and how many times the chain repeats. */
export const escalationPolicies = pgTable("escalation_policies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  steps: jsonb("steps").$type<Record<string, unknown>[]>().notNull(),
  repeat: smallint("repeat").notNull().default(0),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The escalation policy a service's incidents follow (at most one per service). */
export const serviceEscalationPolicies = pgTable(
  "service_escalation_policies",
  {
    serviceId: uuid("service_id")
      .primaryKey()
      .references(() => services.id, { onDelete: "cascade" }),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => escalationPolicies.id, { onDelete: "cascade" }),
  },
  (t) => [index("service_escalation_policies_policy_idx").on(t.policyId)],
);

/**
 * Durable escalation timers: one row per planned notification of an incident's escalation, due at
 * `dueAt`; a worker in every Keel process claims due rows with FOR UPDATE SKIP LOCKED, so each
 * fires once across instances and restarts. Acknowledging the incident cancels the pending ones.
 */
export const escalationTimers = pgTable(
  "escalation_timers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    policyId: uuid("policy_id").references(() => escalationPolicies.id, { onDelete: "set null" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "set null" }),
    stepIndex: integer("step_index").notNull(),
    round: integer("round").notNull(),
    /** The step's targets as planned (a later policy edit does not change a running escalation). */
    targets: jsonb("targets").$type<Record<string, unknown>[]>().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<"pending" | "fired" | "cancelled">().notNull().default("pending"),
    /** Who was notified (user ids) or why no one could be. */
    notified: jsonb("notified").$type<string[]>().notNull().default([]),
    problem: text("problem"),
    firedAt: timestamp("fired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("escalation_timers_status_check", sql`${t.status} in ('pending', 'fired', 'cancelled')`),
    unique("escalation_timers_step_unique").on(t.incidentId, t.policyId, t.round, t.stepIndex),
    index("escalation_timers_due_idx").on(t.status, t.dueAt),
    index("escalation_timers_incident_idx").on(t.incidentId),
  ],
);

/** On-call pay settings (one row, id 1): lib/oncall/compensation.ts rates. */
export const oncallSettings = pgTable(
  "oncall_settings",
  {
    id: smallint("id").primaryKey().default(1),
    rates: jsonb("rates").$type<Record<string, unknown>>().notNull().default({}),
    currency: text("currency").notNull().default("USD"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("oncall_settings_singleton_check", sql`${t.id} = 1`)],
);

