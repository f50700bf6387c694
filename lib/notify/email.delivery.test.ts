import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/fixtures/smtp";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { createChannel } from "./channels";
import { smtpMailer } from "./email";
import { testChannel } from "./test-send";
import { drainDueDeliveries } from "./worker";

let drop: () => Promise<void>;
let smtp: SmtpReceiver;
let admin: Principal;
let responder: Principal;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const d = schema.notificationDeliveries;
const FROM = "Keel <keel@keel.test>";

beforeAll(async () => {
  // A real SMTP server that insists on the credentials in SMTP_URL; set before Keel reads its environment.
  smtp = await startSmtpReceiver({ auth: { user: "keel", pass: "mail-pass" } });
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = FROM;
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder", "rita@test.example");
  for (const slug of ["checkout", "search"]) await createService(admin, serviceInputSchema.parse({ name: slug === "checkout" ? "Checkout API" : "Search", slug }));
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

const rowsOf = (channelId: string) => getDb().select().from(d).where(eq(d.channelId, channelId)).orderBy(asc(d.id));

describe("email delivery through SMTP", () => {
  it("mails the channel's recipients a subject and plain-text body with the incident link", async () => {
    const { channel } = await createChannel(admin, { kind: "email", name: "Checkout owners", emails: ["ops@example.com", "lead@example.com"], service: "checkout" });
    await createChannel(admin, { kind: "email", name: "Search owners", emails: ["search@example.com"], service: "search" });
    const inc = await createIncident(responder, { title: "Checkout 503s", severity: "SEV2", services: ["checkout"] }, T0);
    await updateIncident(responder, inc.ref, { commander: "rita@test.example" }, undefined, T0 + 1000);
    expect(await drainDueDeliveries({ now: new Date(T0 + 2000) })).toMatchObject({ claimed: 1, sent: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(mail.from).toBe("keel@keel.test");
    expect(mail.to.sort()).toEqual(["lead@example.com", "ops@example.com"]);
    expect(mail.headers.from).toBe(FROM);
    expect(mail.subject).toBe(`[Keel] ${inc.ref} SEV2 declared: Checkout 503s (checkout)`);
    expect(mail.text).toContain(`${inc.ref} SEV2 declared: Checkout 503s (checkout)`);
    expect(mail.text).toContain("Services: Checkout API (checkout)");
    expect(mail.text).toContain("Status: triaging");
    expect(mail.text).toContain(`Open the incident: http://localhost:3000/incidents/${inc.ref}`);
    expect((await rowsOf(channel.id))[0]).toMatchObject({ status: "sent", attempts: 1, lastError: null });

    await updateIncident(responder, inc.ref, { severity: "SEV1" }, undefined, T0 + 3000);
    await drainDueDeliveries({ now: new Date(T0 + 4000) });
    const second = (await smtp.waitFor(2))[1];
    expect(second.subject).toBe(`[Keel] ${inc.ref} severity SEV2 → SEV1: Checkout 503s (checkout)`);
    expect(second.text).toContain("Commander: rita <rita@test.example>");
  });

  it("sends a test message on request", async () => {
    const { channel } = await createChannel(admin, { kind: "email", name: "Test me", emails: ["test@example.com"] });
    const before = smtp.messages.length;
    expect(await testChannel(admin, channel.id)).toMatchObject({ ok: true, error: null });
    const mail = (await smtp.waitFor(before + 1))[before];
    expect(mail).toMatchObject({ to: ["test@example.com"], subject: "[Keel] Test message" });
    expect((await rowsOf(channel.id))[0]).toMatchObject({ event: "test", status: "sent" });
  });

  it("mails a status-page subscriber the ready-made message queued for them", async () => {
    const before = smtp.messages.length;
    await getDb()
      .insert(d)
      .values({ recipient: "visitor@example.org", event: "confirm", payload: { subject: "Confirm your subscription", text: "Open https://keel.test/status/confirm?token=abc", headers: { "List-Unsubscribe": "<https://keel.test/status/unsubscribe?token=abc>" } }, nextAttemptAt: new Date(T0) });
    expect(await drainDueDeliveries({ now: new Date(T0) })).toMatchObject({ claimed: 1, sent: 1 });
    const mail = (await smtp.waitFor(before + 1))[before];
    expect(mail).toMatchObject({ to: ["visitor@example.org"], subject: "Confirm your subscription" });
    expect(mail.text.trim()).toBe("Open https://keel.test/status/confirm?token=abc");
    expect(mail.headers["list-unsubscribe"]).toBe("<https://keel.test/status/unsubscribe?token=abc>");
  });

  it("fails with a clear error, and does not crash, when SMTP is not configured", async () => {
    const { channel } = await createChannel(admin, { kind: "email", name: "Unconfigured", emails: ["nobody@example.com"] });
    await createIncident(responder, { title: "No mail", severity: "SEV4", services: ["search"] }, T0);
    const before = smtp.messages.length;
    const pass = await drainDueDeliveries({ now: new Date(T0 + 10_000), mailer: smtpMailer({}) });
    expect(pass.failed).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(channel.id))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("set SMTP_URL") });
    expect(smtp.messages.length).toBe(before);
  });

  it("reports the SMTP server refusing Keel's credentials", async () => {
    const { channel } = await createChannel(admin, { kind: "email", name: "Wrong password", emails: ["x@example.com"] });
    await testChannel(admin, channel.id, { mailer: smtpMailer({ url: smtp.url.replace("mail-pass", "wrong"), from: FROM }) }).then((r) => {
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^SMTP: .*Invalid/);
    });
  });
});
