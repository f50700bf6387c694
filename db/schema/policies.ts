import { sql } from "drizzle-orm";
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { services } from "./services";

export type PolicyActions = { healthy: string[]; warning: string[]; exhausted: string[] };

/**
 * The error-budget policy: the organisation's (service_id null, at most one row) and per-service
 * overrides. Thresholds are shares of budget remaining.
 */
export const budgetPolicies = pgTable(
  "budget_policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "cascade" }),
    warningBelow: doublePrecision("warning_below").notNull(),
    exhaustedBelow: doublePrecision("exhausted_below").notNull(),
    actions: jsonb("actions").$type<PolicyActions>().notNull(),
    /** Why a service differs from the organisation's policy. */
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("budget_policies_thresholds_check", sql`${t.exhaustedBelow} >= 0 and ${t.exhaustedBelow} < ${t.warningBelow} and ${t.warningBelow} <= 1`),
    uniqueIndex("budget_policies_service_idx").on(t.serviceId),
    uniqueIndex("budget_policies_org_idx").on(sql`(true)`).where(sql`${t.serviceId} is null`),
  ],
);

/** Each service's policy state over time: a row when the state changes, never rewritten. */
export const policyStates = pgTable(
  "policy_states",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    state: text("state").$type<"healthy" | "warning" | "exhausted" | "unknown">().notNull(),
    since: timestamp("since", { withTimezone: true }).notNull(),
    /** The lowest budget remaining among the service's SLOs when the state was entered. */
    remaining: doublePrecision("remaining"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("policy_states_state_check", sql`${t.state} in ('healthy', 'warning', 'exhausted', 'unknown')`),
    index("policy_states_service_since_idx").on(t.serviceId, t.since),
  ],
);
