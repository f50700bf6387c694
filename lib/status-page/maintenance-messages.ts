/**
 * The emails that announce scheduled maintenance to status-page subscribers. Pure. They carry the
 * public text only: title, description, window (UTC) and public component names.
 */
import { maintenanceAnchor } from "./feed";
import { formatWindowUtc } from "./format";
import type { Announcement } from "./maintenance-state";
import { subscriberMail, type MailPayload } from "./messages";
import { maintenanceText } from "./maintenance-feed";

const subjects: Record<Announcement, string> = {
  scheduled: "Scheduled maintenance",
  rescheduled: "Maintenance rescheduled",
  updated: "Maintenance updated",
  cancelled: "Maintenance cancelled",
};

const leads: Record<Announcement, string> = {
  scheduled: "We have scheduled maintenance.",
  rescheduled: "A scheduled maintenance has a new window.",
  updated: "A scheduled maintenance now affects other components.",
  cancelled: "A scheduled maintenance is cancelled: the work announced will not be done in this window.",
};

export type MaintenanceMailInput = {
  baseUrl: string;
  kind: Announcement;
  id: string;
  title: string;
  description: string;
  startsMs: number;
  endsMs: number;
  componentNames: readonly string[];
  /** The window subscribers were told about before a reschedule. */
  previous?: { startsMs: number; endsMs: number };
  unsubscribeToken: string;
};

export function maintenanceMessage(m: MaintenanceMailInput): MailPayload {
  const lines = [
    `${leads[m.kind]} ${m.title}`,
    "",
    ...maintenanceText(m),
    ...(m.kind === "rescheduled" && m.previous ? [`Previously: ${formatWindowUtc(m.previous.startsMs, m.previous.endsMs)}`] : []),
    `Details: ${m.baseUrl}/status#${maintenanceAnchor(m.id)}`,
  ];
  return subscriberMail(m.baseUrl, m.unsubscribeToken, `[${subjects[m.kind]}] ${m.title}`, lines);
}
