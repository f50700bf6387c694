import "server-only";
import { SecretUnreadableError } from "@/lib/crypto/secret-box";
import { emailMessage } from "./email-message";
import type { Mailer } from "./email";
import { openChannelSecret } from "./channel-secret";
import type { NotificationPayload } from "./payload";
import type { SendResult } from "./send-result";
import { postWebhook, WEBHOOK_TIMEOUT_MS } from "./webhook";

export type ChannelForSend = { id: string; kind: "webhook" | "email"; url: string | null; sealedSecret: string | null; emails: string[] };

/** Sends one payload to one channel: a signed webhook POST or an email to its recipients. Never throws. */
export async function sendToChannel(
  channel: ChannelForSend,
  payload: NotificationPayload,
  deliveryId: number,
  mailer: Mailer,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<SendResult> {
  try {
    if (channel.kind === "email") return await mailer.send(channel.emails, emailMessage(payload));
    if (!channel.url || !channel.sealedSecret) return { ok: false, permanent: true, error: "The webhook channel has no URL or secret; edit it and save again." };
    const secret = openChannelSecret(channel.id, channel.sealedSecret);
    return await postWebhook(channel.url, secret, JSON.stringify(payload), { event: payload.event, deliveryId }, timeoutMs);
  } catch (err) {
    if (err instanceof SecretUnreadableError) return { ok: false, permanent: true, error: `${err.message} Rotate the channel's secret.` };
    return { ok: false, error: (err as Error)?.message ?? String(err) };
  }
}
