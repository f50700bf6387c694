import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { LEASE_MS, recordOutcome } from "./claim";
import { defaultMailer, type Mailer } from "./email";
import { testPayload } from "./payload";
import { sendToChannel } from "./send";

const c = schema.notificationChannels;
const d = schema.notificationDeliveries;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TestResult = { ok: boolean; deliveryId: number; error: string | null };

/**
 * Sends a test message to the channel now (admin), enabled or not, and logs it as a delivery with
 * event "test". It is tried once: a failure is reported, not retried.
 */
export async function testChannel(actor: Principal, id: string, opts: { mailer?: Mailer; now?: Date } = {}): Promise<TestResult> {
  assertRole(actor, "admin");
  const [channel] = UUID.test(id) ? await getDb().select().from(c).where(eq(c.id, id.toLowerCase())) : [];
  if (!channel) throw new AppError("not_found", `No notification channel "${id}".`);
  const now = opts.now ?? new Date();
  const payload = testPayload(channel.name, now);
  // Inserted as already claimed (one attempt, leased), so no worker picks it up meanwhile.
  const [row] = await getDb()
    .insert(d)
    .values({ channelId: channel.id, event: "test", payload, attempts: 1, nextAttemptAt: new Date(now.getTime() + LEASE_MS), createdAt: now })
    .returning({ id: d.id });
  const sent = await sendToChannel(channel, payload, row.id, opts.mailer ?? defaultMailer());
  await recordOutcome({ id: row.id, attempts: 1 }, sent.ok ? sent : { ...sent, permanent: true }, opts.now ?? new Date());
  await recordAudit({ action: "notification_channel.tested", ...auditActor(actor), target: `notification-channel:${channel.name}`, details: { ok: sent.ok, ...(sent.ok ? {} : { error: sent.error }) } });
  return { ok: sent.ok, deliveryId: row.id, error: sent.ok ? null : sent.error };
}
