import type { NotificationEvent } from "@/db/schema";

/** The incident events a channel can ask for, in the order forms list them. */
export const EVENT_LABELS: Record<NotificationEvent, string> = {
  declared: "Declared",
  severity_changed: "Severity changed",
  status_changed: "Status changed",
  resolved: "Resolved",
};
export const ALL_EVENTS = Object.keys(EVENT_LABELS) as NotificationEvent[];
