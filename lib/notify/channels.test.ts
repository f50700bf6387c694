import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createTeam } from "@/lib/teams/queries";
import { createChannel, deleteChannel, getChannel, listChannels, listDeliveries, updateChannel } from "./channels";
import { openChannelSecret } from "./channel-secret";
import { testChannel } from "./test-send";
import { smtpMailer } from "./email";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  await createTeam(admin, { name: "Payments", slug: "payments", description: "" });
  await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout", team: "payments" }));
});
afterAll(() => drop());

async function failure(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

const n = async (table: typeof schema.notificationChannels | typeof schema.notificationDeliveries) => (await getDb().select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const channelAudits = async () => (await getDb().select({ action: schema.auditLog.action, details: schema.auditLog.details }).from(schema.auditLog).where(like(schema.auditLog.action, "notification_channel.%")));
const webhook = (extra: Record<string, unknown> = {}) => ({ kind: "webhook" as const, name: "Slack #incidents", url: "https://hooks.example.com/T1/B2", ...extra });

describe("notification channels are admin-only", () => {
  it("refuses viewers and responders every operation, writing nothing", async () => {
    const existing = (await createChannel(admin, webhook({ name: "existing" }))).channel;
    const before = { channels: await n(schema.notificationChannels), deliveries: await n(schema.notificationDeliveries), audits: (await channelAudits()).length };
    for (const actor of [viewer, responder]) {
      await failure(createChannel(actor, webhook({ name: "sneaky" })), "forbidden");
      await failure(listChannels(actor), "forbidden");
      await failure(getChannel(actor, existing.id), "forbidden");
      await failure(updateChannel(actor, existing.id, { enabled: false, url: "https://evil.example/" }), "forbidden");
      await failure(deleteChannel(actor, existing.id), "forbidden");
      await failure(listDeliveries(actor, existing.id), "forbidden");
      await failure(testChannel(actor, existing.id), "forbidden");
    }
    expect({ channels: await n(schema.notificationChannels), deliveries: await n(schema.notificationDeliveries), audits: (await channelAudits()).length }).toEqual(before);
    expect(await getChannel(admin, existing.id)).toEqual(existing);
    await deleteChannel(admin, existing.id);
  });
});

describe("creating and changing channels", () => {
  it("gives a webhook a signing secret once, seals it at rest and never returns it again", async () => {
    const { channel, secret } = await createChannel(admin, webhook({ service: "checkout", events: ["resolved", "declared"] }));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(channel).toMatchObject({ kind: "webhook", scope: { type: "service", slug: "checkout", name: "Checkout" }, events: ["declared", "resolved"], enabled: true, hasSecret: true, version: 1 });
    const [row] = await getDb().select().from(schema.notificationChannels).where(eq(schema.notificationChannels.id, channel.id));
    expect(row.sealedSecret).not.toContain(secret!);
    expect(openChannelSecret(channel.id, row.sealedSecret!)).toBe(secret);
    for (const shown of [channel, await getChannel(admin, channel.id), await listChannels(admin)]) expect(JSON.stringify(shown)).not.toContain(secret!);
    expect(JSON.stringify(await channelAudits())).not.toContain(secret!);
    expect((await channelAudits()).map((a) => a.action)).toContain("notification_channel.created");
  });

  it("rotates a webhook secret on request, returning the new one once", async () => {
    const { channel, secret } = await createChannel(admin, webhook({ name: "rotating" }));
    const rotated = await updateChannel(admin, channel.id, { rotateSecret: true, version: 1 });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    const [row] = await getDb().select().from(schema.notificationChannels).where(eq(schema.notificationChannels.id, channel.id));
    expect(openChannelSecret(channel.id, row.sealedSecret!)).toBe(rotated.secret);
    expect((await updateChannel(admin, channel.id, { enabled: false })).secret).toBeNull();
  });

  it("scopes email channels to a team, and refuses bad input field by field", async () => {
    const { channel, secret } = await createChannel(admin, { kind: "email", name: "Payments on-call", emails: ["A@Example.com", "a@example.com", "b@example.com"], team: "payments" });
    expect(secret).toBeNull();
    expect(channel).toMatchObject({ emails: ["a@example.com", "b@example.com"], scope: { type: "team", slug: "payments" }, hasSecret: false, url: null });
    const fields = async (p: Promise<unknown>) => Object.keys((await failure(p, "bad_request")).fields ?? {});
    const before = await n(schema.notificationChannels);
    expect(await fields(createChannel(admin, { kind: "email", name: "none" }))).toEqual(["emails"]);
    expect(await fields(createChannel(admin, { kind: "email", name: "bad", emails: ["not-an-address"] }))).toEqual(["emails.0"]);
    expect(await fields(createChannel(admin, webhook({ url: "ftp://example.com/x" })))).toEqual(["url"]);
    expect(await fields(createChannel(admin, webhook({ url: undefined })))).toEqual(["url"]);
    expect(await fields(createChannel(admin, webhook({ service: "nope" })))).toEqual(["service"]);
    expect(await fields(createChannel(admin, webhook({ service: "checkout", team: "payments" })))).toEqual(["team"]);
    expect(await fields(createChannel(admin, webhook({ events: [] })))).toEqual(["events"]);
    expect(await fields(updateChannel(admin, channel.id, { url: "https://x.example/" }))).toEqual(["url"]);
    expect(await fields(updateChannel(admin, channel.id, { emails: [] }))).toEqual(["emails"]);
    expect(await n(schema.notificationChannels)).toBe(before);
  });

  it("replaces the scope, refuses a stale version, and masks a password in the URL", async () => {
    const { channel } = await createChannel(admin, webhook({ name: "scoped", url: "https://keel:hunter2@hooks.example.com/x", team: "payments" }));
    expect(channel.url).toBe("https://keel:***@hooks.example.com/x");
    const moved = (await updateChannel(admin, channel.id, { service: "checkout", version: 1 })).channel;
    expect(moved).toMatchObject({ scope: { type: "service", slug: "checkout" }, version: 2 });
    expect((await updateChannel(admin, channel.id, { service: null, team: null })).channel.scope).toEqual({ type: "all" });
    const stale = await failure(updateChannel(admin, channel.id, { name: "late", version: 1 }), "conflict");
    expect(stale.message).toContain("Someone else changed this channel");
    expect((await getChannel(admin, channel.id)).name).toBe("scoped");
  });

  it("deletes a channel with its delivery log", async () => {
    const { channel } = await createChannel(admin, { kind: "email", name: "short-lived", emails: ["x@example.com"] });
    await testChannel(admin, channel.id, { mailer: smtpMailer({}) });
    expect((await listDeliveries(admin, channel.id)).items).toHaveLength(1);
    await deleteChannel(admin, channel.id);
    await failure(getChannel(admin, channel.id), "not_found");
    expect(await getDb().select().from(schema.notificationDeliveries).where(eq(schema.notificationDeliveries.channelId, channel.id))).toEqual([]);
    await failure(deleteChannel(admin, "not-a-uuid"), "not_found");
  });
});
