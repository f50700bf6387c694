import { sql, type SQL } from "drizzle-orm";
import { bigserial, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { incidents } from "./incidents";

/** Postgres full-text document; read only through SQL (`@@`), never selected into DTOs. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const postmortemStatuses = ["draft", "in_review", "published"] as const;
export type PostmortemStatus = (typeof postmortemStatuses)[number];

/**
 * A blameless postmortem of one incident. `document` holds the sections (lib/postmortems/document.ts);
 * `sloImpact` the last computed budget impact with when and from what it was computed.
 */
export const postmortems = pgTable(
  "postmortems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .unique()
      .references(() => incidents.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: text("status").$type<PostmortemStatus>().notNull().default("draft"),
    document: jsonb("document").$type<Record<string, unknown>>().notNull().default({}),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    sloImpact: jsonb("slo_impact").$type<Record<string, unknown>>(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Everyone who saved the document (its authors: they cannot approve it). */
    contributorIds: jsonb("contributor_ids").$type<string[]>().notNull().default([]),
    lastSavedBy: uuid("last_saved_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', ${postmortems.title}), 'A') || setweight(jsonb_to_tsvector('english', ${postmortems.document}, '["string"]'), 'B')`,
    ),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("postmortems_status_check", sql`${t.status} in ('draft', 'in_review', 'published')`),
    index("postmortems_status_due_idx").on(t.status, t.dueAt),
    index("postmortems_search_idx").using("gin", t.search),
    index("postmortems_tags_idx").using("gin", t.tags),
  ],
);

/** People asked to review a postmortem; `approvedAt` once they approve the version they read. */
export const postmortemReviewers = pgTable(
  "postmortem_reviewers",
  {
    postmortemId: uuid("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedVersion: integer("approved_version"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.userId] }), index("postmortem_reviewers_user_idx").on(t.userId)],
);

/** Review comments, each on one section of the postmortem. */
export const postmortemComments = pgTable(
  "postmortem_comments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    postmortemId: uuid("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("postmortem_comments_pm_idx").on(t.postmortemId, t.createdAt)],
);

/** What happened to a postmortem: created, submitted, approved, published, reopened, edited after publication (with the reason). */
export const postmortemEvents = pgTable(
  "postmortem_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    postmortemId: uuid("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("postmortem_events_pm_idx").on(t.postmortemId, t.at)],
);

export const actionItemCategories = ["prevent", "detect", "recover"] as const;
export type ActionItemCategory = (typeof actionItemCategories)[number];
export const actionItemStatuses = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/** A follow-up from a postmortem, tracked to closure. `priority` 0..2 is P0..P2. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postmortemId: uuid("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    category: text("category").$type<ActionItemCategory>().notNull(),
    priority: smallint("priority").notNull().default(1),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<ActionItemStatus>().notNull().default("open"),
    link: text("link"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("action_items_category_check", sql`${t.category} in ('prevent', 'detect', 'recover')`),
    check("action_items_status_check", sql`${t.status} in ('open', 'in_progress', 'done', 'wont_do')`),
    check("action_items_priority_check", sql`${t.priority} between 0 and 2`),
    index("action_items_pm_idx").on(t.postmortemId),
    index("action_items_owner_status_idx").on(t.ownerId, t.status),
    index("action_items_status_due_idx").on(t.status, t.dueDate),
  ],
);

/**
 * The organisation's postmortem settings (one row, id 1): the template edits, hours until a
 * postmortem is due after resolution, the budget share that requires one, approvals to publish.
 */
export const postmortemSettings = pgTable(
  "postmortem_settings",
  {
    id: smallint("id").primaryKey().default(1),
    template: jsonb("template").$type<Record<string, unknown>>().notNull().default({}),
    dueHours: integer("due_hours").notNull().default(48),
    budgetShareThreshold: doublePrecision("budget_share_threshold").notNull().default(0.2),
    approvalsRequired: integer("approvals_required").notNull().default(1),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("postmortem_settings_singleton_check", sql`${t.id} = 1`),
    check("postmortem_settings_due_check", sql`${t.dueHours} between 1 and 2160`),
    check("postmortem_settings_share_check", sql`${t.budgetShareThreshold} > 0 and ${t.budgetShareThreshold} <= 1`),
    check("postmortem_settings_approvals_check", sql`${t.approvalsRequired} between 0 and 10`),
  ],
);
