/**
 * The JSON Keel sends for incident news (documented in the OpenAPI document as NotificationPayload)
 * and its Slack-compatible one-line `text`. Pure: the caller gives the incident snapshot and the time.
 */
import type { NotificationEvent } from "@/db/schema";
import type { Status } from "@/lib/incidents/lifecycle";
import { SEVERITIES, type Severity } from "@/lib/incidents/severity";

export type PayloadEvent = NotificationEvent | "test";

export type NotificationIncident = {
  id: string;
  ref: string;
  title: string;
  severity: Severity;
  status: Status;
  services: { slug: string; name: string }[];
  url: string;
  customerFacing: boolean;
  commander: { name: string; email: string } | null;
};

export type NotificationPayload = {
  event: PayloadEvent;
  /** null only for a test message. */
  incident: NotificationIncident | null;
  /** For severity_changed, status_changed and resolved: the value before and after. */
  change?: { from: string; to: string };
  at: string;
  text: string;
};

export function incidentUrl(baseUrl: string, ref: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/incidents/${ref}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** Slack's mrkdwn treats only &, < and > specially. */
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const emoji: Record<PayloadEvent, string> = {
  declared: ":rotating_light:",
  severity_changed: ":arrow_up:",
  status_changed: ":arrows_counterclockwise:",
  resolved: ":white_check_mark:",
  test: ":wave:",
};

function worse(from: string, to: string): boolean {
  return SEVERITIES.indexOf(to as Severity) < SEVERITIES.indexOf(from as Severity);
}

/** What happened, in words, without markup: "INC-42 SEV2 declared: Checkout 503s (checkout-api)". */
export function headline(event: NotificationEvent, incident: NotificationIncident, change?: { from: string; to: string }): string {
  const services = incident.services.length ? ` (${incident.services.map((s) => s.slug).join(", ")})` : "";
  const about = `${oneLine(incident.title)}${services}`;
  const { ref, severity } = incident;
  switch (event) {
    case "declared":
      return `${ref} ${severity} declared: ${about}`;
    case "severity_changed":
      return change ? `${ref} severity ${change.from} → ${change.to}: ${about}` : `${ref} severity now ${severity}: ${about}`;
    case "status_changed":
      return change ? `${ref} ${severity} ${change.from} → ${change.to}: ${about}` : `${ref} ${severity} now ${incident.status}: ${about}`;
    case "resolved":
      return `${ref} ${severity} resolved: ${about}`;
  }
}

export function slackText(event: NotificationEvent, incident: NotificationIncident, change?: { from: string; to: string }): string {
  const icon = event === "severity_changed" && change && !worse(change.from, change.to) ? ":arrow_down:" : emoji[event];
  return `${icon} ${slackEscape(headline(event, incident, change))} <${incident.url}|open>`;
}

export function incidentPayload(event: NotificationEvent, incident: NotificationIncident, at: Date, change?: { from: string; to: string }): NotificationPayload {
  return { event, incident, ...(change ? { change } : {}), at: at.toISOString(), text: slackText(event, incident, change) };
}

/** The message "Send test" delivers: no incident, just proof that the channel works. */
export function testPayload(channelName: string, at: Date): NotificationPayload {
  return { event: "test", incident: null, at: at.toISOString(), text: `${emoji.test} Test message from Keel for channel "${slackEscape(oneLine(channelName))}"` };
}
