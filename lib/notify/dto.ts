import type { NotificationEvent } from "@/db/schema";

/** A channel as admins see it: the webhook secret is reduced to "one is stored". */
export type ChannelDto = {
  id: string;
  kind: "webhook" | "email";
  name: string;
  scope: { type: "all" } | { type: "service"; slug: string; name: string } | { type: "team"; slug: string; name: string };
  /** Webhook URL (a password in it is masked). */
  url: string | null;
  emails: string[];
  events: NotificationEvent[];
  enabled: boolean;
  hasSecret: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** One line of a channel's delivery log. */
export type DeliveryDto = {
  id: number;
  event: string;
  incident: { id: string; ref: string } | null;
  status: "pending" | "sent" | "failed";
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** A created channel, or one whose secret was rotated: `secret` is shown this once. */
export type ChannelWithSecret = { channel: ChannelDto; secret: string | null };

export function maskUrl(url: string | null): string | null {
  if (!url) return url;
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}
