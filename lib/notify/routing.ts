/**
 * Which incident news goes to which channel. Pure: the caller loads the channels and the incident's
 * services (with their teams) and writes one delivery per match.
 */
import type { NotificationEvent } from "@/db/schema";
import type { Status } from "@/lib/incidents/lifecycle";

export type ChannelScope = { serviceId: string | null; teamId: string | null };
export type IncidentScope = { serviceIds: readonly string[]; teamIds: readonly (string | null)[] };

/** A channel for one service or one team hears about incidents affecting it; one with neither hears about every incident. */
export function inScope(channel: ChannelScope, incident: IncidentScope): boolean {
  if (!channel.serviceId && !channel.teamId) return true;
  if (channel.serviceId && incident.serviceIds.includes(channel.serviceId)) return true;
  return Boolean(channel.teamId && incident.teamIds.includes(channel.teamId));
}

/**
 * The event a channel receives for `event`, or null when it did not ask for it. A move to resolved
 * reaches a channel that only asked for status changes as a status change, so each move is one message.
 */
export function eventForChannel(subscribed: readonly NotificationEvent[], event: NotificationEvent): NotificationEvent | null {
  if (subscribed.includes(event)) return event;
  if (event === "resolved" && subscribed.includes("status_changed")) return "status_changed";
  return null;
}

/** The events an incident update produces, from the names of the fields it changed and the new status. */
export function changeEvents(changed: readonly string[], status?: Status): NotificationEvent[] {
  const out: NotificationEvent[] = [];
  if (changed.includes("severity")) out.push("severity_changed");
  if (changed.includes("status")) out.push(status === "resolved" ? "resolved" : "status_changed");
  return out;
}
