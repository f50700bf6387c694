import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { incidents } from "./incidents";

export type RunbookStep = { title: string; detail?: string };
export type RunbookContact = { name: string; how: string };

/** An incident procedure: for a scenario or alert names, with a severity hint, ordered steps and contacts. */
export const runbooks = pgTable(
  "runbooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    scenario: text("scenario").notNull().default(""),
    /** Alertmanager alert names that attach it to the incidents they open. */
    alertNames: jsonb("alert_names").$type<string[]>().notNull().default([]),
    severityHint: smallint("severity_hint"),
    steps: jsonb("steps").$type<RunbookStep[]>().notNull().default([]),
    contacts: jsonb("contacts").$type<RunbookContact[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("runbooks_severity_check", sql`${t.severityHint} is null or ${t.severityHint} between 1 and 4`)],
);

/** A runbook attached to an incident, and which of its steps are done (indexes into `steps`). */
export const incidentRunbooks = pgTable(
  "incident_runbooks",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    runbookId: uuid("runbook_id")
      .notNull()
      .references(() => runbooks.id, { onDelete: "cascade" }),
    done: jsonb("done").$type<number[]>().notNull().default([]),
    attachedBy: uuid("attached_by").references(() => users.id, { onDelete: "set null" }),
    attachedAt: timestamp("attached_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.runbookId] }), index("incident_runbooks_runbook_idx").on(t.runbookId)],
);
