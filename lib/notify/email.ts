import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import { env } from "@/lib/env";
import type { EmailMessage } from "./email-message";
import { oneLine, type SendResult } from "./send-result";

/** Sends email through SMTP (nodemailer), configured by SMTP_URL and SMTP_FROM. */
export type Mailer = { send(to: string[], message: EmailMessage): Promise<SendResult> };
export type SmtpSettings = { url?: string; from?: string; timeoutMs?: number };

const NOT_CONFIGURED = "Email is not configured: set SMTP_URL (e.g. smtp://user:pass@host:587) and SMTP_FROM on the Keel server.";

export function smtpMailer(settings: SmtpSettings): Mailer {
  let transport: Transporter<SMTPTransport.SentMessageInfo> | undefined;
  const timeout = settings.timeoutMs ?? 10_000;
  return {
    async send(to, message) {
      if (!settings.url) return { ok: false, permanent: true, error: NOT_CONFIGURED };
      if (!settings.from) return { ok: false, permanent: true, error: "SMTP_FROM is not set: Keel needs a sender address to send email." };
      if (!to.length) return { ok: false, permanent: true, error: "The channel has no recipients." };
      transport ??= nodemailer.createTransport(new SMTPTransport({ url: settings.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }));
      try {
        const info = await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text, headers: message.headers });
        const refused = info.rejected.map((r) => (typeof r === "string" ? r : r.address));
        if (!info.accepted.length) return { ok: false, error: `The SMTP server refused every recipient: ${refused.join(", ")}.` };
        return refused.length ? { ok: true, note: `The SMTP server refused ${refused.join(", ")}.` } : { ok: true };
      } catch (err) {
        return { ok: false, error: `SMTP: ${oneLine((err as Error)?.message ?? String(err))}` };
      }
    },
  };
}

const g = globalThis as unknown as { __keelMailer?: { key: string; mailer: Mailer } };

/** The mailer for the configured SMTP server, shared by the process. */
export function defaultMailer(): Mailer {
  const { SMTP_URL: url, SMTP_FROM: from } = env();
  const key = `${url ?? ""}\n${from ?? ""}`;
  if (g.__keelMailer?.key !== key) g.__keelMailer = { key, mailer: smtpMailer({ url, from }) };
  return g.__keelMailer.mailer;
}
