/** The subject and plain-text body of an incident email. Pure. */
import type { NotificationPayload } from "./payload";
import { headline } from "./payload";

export type EmailMessage = { subject: string; text: string; headers?: Record<string, string> };

const yesNo = (b: boolean) => (b ? "yes" : "no");

export function emailMessage(payload: NotificationPayload): EmailMessage {
  const inc = payload.incident;
  if (!inc || payload.event === "test") {
    return { subject: "[Keel] Test message", text: `This is a test message from Keel: this address receives incident notifications.\n\nSent at ${payload.at}.\n` };
  }
  const line = headline(payload.event, inc, payload.change);
  const commander = inc.commander ? `${inc.commander.name || inc.commander.email} <${inc.commander.email}>` : "nobody yet";
  const services = inc.services.length ? inc.services.map((s) => `${s.name} (${s.slug})`).join(", ") : "none recorded";
  const text = [
    line,
    "",
    `Severity: ${inc.severity}`,
    `Status: ${inc.status}`,
    `Services: ${services}`,
    `Commander: ${commander}`,
    `Customer-facing: ${yesNo(inc.customerFacing)}`,
    `At: ${payload.at}`,
    "",
    `Open the incident: ${inc.url}`,
    "",
  ].join("\n");
  return { subject: `[Keel] ${line}`, text };
}
