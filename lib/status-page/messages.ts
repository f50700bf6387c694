/**
 * The emails status-page subscribers receive, as `{ subject, text, headers }` for the delivery queue.
 * Pure. Links are absolute, built on Keel's public URL.
 */
import { incidentPath, updateAnchor } from "./feed";

export type MailPayload = { subject: string; text: string; headers?: Record<string, string> };

export const confirmUrl = (baseUrl: string, token: string) => `${baseUrl}/status/confirm?token=${encodeURIComponent(token)}`;
export const unsubscribeUrl = (baseUrl: string, token: string) => `${baseUrl}/status/unsubscribe?token=${encodeURIComponent(token)}`;
/** Where mail clients POST an RFC 8058 one-click unsubscribe. */
export const oneClickUnsubscribeUrl = (baseUrl: string, token: string) => `${baseUrl}/status/unsubscribe/one-click?token=${encodeURIComponent(token)}`;

const componentText = (names: readonly string[] | null) => (names && names.length ? names.join(", ") : "all components");

/** The double opt-in message: nothing else is sent until its link is opened. */
export function confirmMessage({ baseUrl, token, componentNames }: { baseUrl: string; token: string; componentNames: readonly string[] | null }): MailPayload {
  return {
    subject: "Confirm your subscription to status updates",
    text: [
      `Someone, hopefully you, asked to receive status updates by email for ${componentText(componentNames)}.`,
      "",
      "Confirm the subscription by opening this link:",
      confirmUrl(baseUrl, token),
      "",
      "If you did not ask for this, ignore this message: nothing more will be sent.",
      `To forget this address right away: ${unsubscribeUrl(baseUrl, token)}`,
    ].join("\n"),
  };
}

/** Sent instead of a new confirmation when the address is already subscribed; it changes nothing. */
export function alreadySubscribedMessage({ baseUrl }: { baseUrl: string }): MailPayload {
  return {
    subject: "You are already subscribed to status updates",
    text: [
      "Someone asked to subscribe this address to status updates, but it is already subscribed; nothing was changed.",
      "",
      "Every update email has a link to unsubscribe. To follow other components, unsubscribe and subscribe again at:",
      `${baseUrl}/status`,
    ].join("\n"),
  };
}

/** One public update to one subscriber, with a one-click unsubscribe link (RFC 8058 headers too). */
export function statusUpdateMessage({
  baseUrl,
  headline,
  status,
  body,
  incidentNumber,
  entryId,
  unsubscribeToken,
}: {
  baseUrl: string;
  headline: string;
  status: string;
  body: string;
  incidentNumber: number;
  entryId: number;
  unsubscribeToken: string;
}): MailPayload {
  return subscriberMail(baseUrl, unsubscribeToken, `[${status}] ${headline}`, [body, "", `Status: ${status}`, `Details: ${baseUrl}${incidentPath(incidentNumber)}#${updateAnchor(entryId)}`]);
}

/** A message to one confirmed subscriber: its lines, then why it came and a one-click unsubscribe link (RFC 8058 headers too). */
export function subscriberMail(baseUrl: string, unsubscribeToken: string, subject: string, lines: readonly string[]): MailPayload {
  const unsubscribe = unsubscribeUrl(baseUrl, unsubscribeToken);
  return {
    subject,
    text: [...lines, "", `You receive this because you subscribed to status updates. Unsubscribe: ${unsubscribe}`].join("\n"),
    headers: { "List-Unsubscribe": `<${oneClickUnsubscribeUrl(baseUrl, unsubscribeToken)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
