import "server-only";
import type { ClaimedDelivery } from "./claim";
import type { EmailMessage } from "./email-message";
import type { Mailer } from "./email";
import type { NotificationPayload } from "./payload";
import { sendToChannel, type ChannelForSend } from "./send";
import type { SendResult } from "./send-result";

/**
 * Sends one claimed delivery: to its channel (webhook or email), or, for a status-page subscriber,
 * the ready-made email in its payload (`{ subject, text, headers? }`) to its recipient.
 */
export async function dispatch(claim: ClaimedDelivery, channel: (ChannelForSend & { enabled: boolean }) | undefined, mailer: Mailer, timeoutMs: number): Promise<SendResult> {
  if (claim.channelId) {
    if (!channel) return { ok: false, permanent: true, error: "The channel no longer exists." };
    if (!channel.enabled) return { ok: false, permanent: true, error: "The channel was disabled before this was sent." };
    return sendToChannel(channel, claim.payload as NotificationPayload, claim.id, mailer, timeoutMs);
  }
  const mail = claim.payload as Partial<EmailMessage>;
  if (!claim.recipient || typeof mail.subject !== "string" || typeof mail.text !== "string") {
    return { ok: false, permanent: true, error: "The delivery has neither a channel nor a recipient with a subject and text." };
  }
  try {
    return await mailer.send([claim.recipient], { subject: mail.subject, text: mail.text, headers: mail.headers });
  } catch (err) {
    return { ok: false, error: (err as Error)?.message ?? String(err) };
  }
}
