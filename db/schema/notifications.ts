import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./auth";
import { incidents } from "./incidents";
import { services } from "./services";

export const notificationEvents = ["declared", "severity_changed", "status_changed", "resolved"] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/**
 * Where incident news goes: a webhook (JSON with a Slack-compatible `text`, signed with HMAC-SHA256)
 * or email recipients. Scoped to a service, a team, or (both null) every incident.
 */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<"webhook" | "email">().notNull(),
    name: text("name").notNull(),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    /** Webhook URL (kind webhook). */
    url: text("url"),
    /** The HMAC key, sealed with KEEL_SECRET_KEY (kind webhook). */
    sealedSecret: text("sealed_secret"),
    /** Recipients (kind email). */
    emails: jsonb("emails").$type<string[]>().notNull().default([]),
    events: jsonb("events").$type<NotificationEvent[]>().notNull().default(["declared", "severity_changed", "status_changed", "resolved"]),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("notification_channels_kind_check", sql`${t.kind} in ('webhook', 'email')`)],
);

/** One message to one channel (or one status-page subscriber): queued, retried with backoff, logged. */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    channelId: uuid("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    /** For status-page subscribers: their address (channelId null). */
    recipient: text("recipient"),
    incidentId: uuid("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<"pending" | "sent" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    check("notification_deliveries_status_check", sql`${t.status} in ('pending', 'sent', 'failed')`),
    index("notification_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("notification_deliveries_channel_idx").on(t.channelId, t.createdAt),
  ],
);
