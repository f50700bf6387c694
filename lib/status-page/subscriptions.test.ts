import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident } from "@/lib/incidents/queries";
import { addTimelineEntry } from "@/lib/incidents/timeline";
import { confirmSubscription, subscribe, unsubscribe, SUBSCRIBE_MAIL_INTERVAL_MS } from "./subscriptions";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
const ids: Record<string, string> = {};

const T0 = Date.parse("2025-03-01T10:00:00Z");
const sub = schema.statusSubscribers;
const d = schema.notificationDeliveries;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  for (const [slug, isPublic] of [["checkout", true], ["search", true], ["ledger", false]] as const) {
    const svc = await createService(admin, serviceInputSchema.parse({ name: slug[0].toUpperCase() + slug.slice(1), slug, public: isPublic }));
    ids[slug] = svc.id;
  }
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const mailsTo = (email: string) => getDb().select().from(d).where(eq(d.recipient, email)).orderBy(asc(d.id));
const linkToken = (text: string, path: string) => {
  const m = text.match(new RegExp(`${path}\\?token=([^\\s]+)`));
  return m ? decodeURIComponent(m[1]) : null;
};
const rowOf = async (email: string) => (await getDb().select().from(sub).where(eq(sub.email, email)))[0];
const sha256 = (t: string) => createHash("sha256").update(t).digest("hex");

/** Subscribes and confirms an address; returns its row. */
async function confirmed(email: string, components: string[], nowMs: number) {
  expect(await subscribe({ email, components }, nowMs)).toBe("confirm_sent");
  const token = linkToken(String((await mailsTo(email)).at(-1)!.payload.text), "/status/confirm")!;
  expect((await confirmSubscription(token, nowMs)).ok).toBe(true);
  return rowOf(email);
}

describe("subscribing (double opt-in)", () => {
  it("refuses a bad address and components that are not public services, with field errors", async () => {
    expect((await failure(subscribe({ email: "not-an-email" }, T0))).fields).toHaveProperty("email");
    expect((await failure(subscribe({ email: "" }, T0))).fields?.email).toEqual(["Enter your email address."]);
    expect((await failure(subscribe({ email: "a@example.com", components: [ids.ledger] }, T0))).fields).toEqual({ components: ["Choose components from the list."] });
    expect((await failure(subscribe({ email: "a@example.com", components: ["0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d"] }, T0))).fields).toHaveProperty("components");
    expect((await getDb().select({ n: sql<number>`count(*)::int` }).from(sub))[0].n).toBe(0);
  });

  it("stores only the token's hash and queues a confirm email; nothing is confirmed until the link is opened", async () => {
    expect(await subscribe({ email: " Pat@Example.COM ", components: [ids.search, ids.checkout] }, T0)).toBe("confirm_sent");
    const row = await rowOf("pat@example.com");
    expect(row).toMatchObject({ confirmedAt: null });
    expect([...row.components].sort()).toEqual([ids.checkout, ids.search].sort());
    const [mail] = await mailsTo("pat@example.com");
    expect(mail).toMatchObject({ channelId: null, event: "confirm", status: "pending", incidentId: null });
    expect(mail.payload.subject).toBe("Confirm your subscription to status updates");
    expect(mail.payload.text).toContain("for Checkout, Search.");
    const token = linkToken(String(mail.payload.text), "/status/confirm")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const ok = await confirmSubscription(token, T0 + 60_000);
    expect(ok).toEqual({ ok: true, email: "pat@example.com", componentNames: ["Checkout", "Search"] });
    expect((await rowOf("pat@example.com")).confirmedAt?.toISOString()).toBe(new Date(T0 + 60_000).toISOString());
    // Opening it again changes nothing.
    expect((await confirmSubscription(token, T0 + 120_000)).ok).toBe(true);
    expect((await rowOf("pat@example.com")).confirmedAt?.toISOString()).toBe(new Date(T0 + 60_000).toISOString());
    expect(await confirmSubscription("x".repeat(43), T0)).toEqual({ ok: false });
    expect(await confirmSubscription("", T0)).toEqual({ ok: false });
  });

  it("sends one email per address per interval; a later request replaces the confirm link", async () => {
    const email = "quinn@example.com";
    expect(await subscribe({ email }, T0)).toBe("confirm_sent");
    expect(await subscribe({ email, components: [ids.search] }, T0 + 60_000)).toBe("throttled");
    expect(await mailsTo(email)).toHaveLength(1);
    const first = linkToken(String((await mailsTo(email))[0].payload.text), "/status/confirm")!;
    expect((await rowOf(email)).components).toEqual([]);

    expect(await subscribe({ email, components: [ids.search] }, T0 + SUBSCRIBE_MAIL_INTERVAL_MS + 1000)).toBe("confirm_sent");
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const second = linkToken(String(mails[1].payload.text), "/status/confirm")!;
    expect(second).not.toBe(first);
    expect((await rowOf(email)).components).toEqual([ids.search]);
    expect((await confirmSubscription(first)).ok).toBe(false);
    expect(await confirmSubscription(second)).toMatchObject({ ok: true, componentNames: ["Search"] });
  });

  it("tells a confirmed address it is already subscribed and changes nothing", async () => {
    const before = await confirmed("rue@example.com", [ids.checkout], T0);
    expect(await subscribe({ email: "rue@example.com", components: [] }, T0 + SUBSCRIBE_MAIL_INTERVAL_MS + 1000)).toBe("already_subscribed_sent");
    const after = await rowOf("rue@example.com");
    expect(after).toEqual(before);
    const last = (await mailsTo("rue@example.com")).at(-1)!;
    expect(last.payload.subject).toBe("You are already subscribed to status updates");
    expect(linkToken(String(last.payload.text), "/status/confirm")).toBeNull();
  });

  it("unsubscribes with the confirm email's token; unknown tokens fail", async () => {
    await subscribe({ email: "sam@example.com" }, T0);
    const token = linkToken(String((await mailsTo("sam@example.com"))[0].payload.text), "/status/unsubscribe")!;
    expect(await unsubscribe("y".repeat(43))).toBe("invalid");
    expect(await unsubscribe(token)).toBe("unsubscribed");
    expect(await rowOf("sam@example.com")).toBeUndefined();
    expect(await unsubscribe(token)).toBe("invalid");
  });
});

describe("status updates reach confirmed subscribers of the affected public components", () => {
  it("queues one email per matching subscriber, in the update's transaction, with a working unsubscribe link", async () => {
    const all = await confirmed("all@example.com", [], T0);
    const checkout = await confirmed("checkout-fan@example.com", [ids.checkout], T0);
    await confirmed("search-fan@example.com", [ids.search], T0);
    await subscribe({ email: "unconfirmed@example.com" }, T0);

    const inc = await createIncident(responder, { title: "Ledger SECRET-TITLE", severity: "SEV2", services: ["checkout", "ledger"], customerFacing: true });
    const entry = await addTimelineEntry(responder, inc.ref, { kind: "status_update", body: "Payments fail for some customers; we are on it." });
    await addTimelineEntry(responder, inc.ref, { kind: "note", body: "SECRET-NOTE: the ledger replica is lagging" });
    const mails = await getDb().select().from(d).where(eq(d.event, "status_update")).orderBy(asc(d.recipient));
    // Earlier tests confirmed pat (checkout and search) and rue (checkout); search-fan and the unconfirmed address get nothing.
    expect(mails.map((m) => m.recipient)).toEqual(["all@example.com", "checkout-fan@example.com", "pat@example.com", "rue@example.com"]);
    for (const m of mails) {
      expect(m).toMatchObject({ channelId: null, incidentId: inc.id, status: "pending" });
      expect(m.payload.subject).toBe("[Investigating] Partial outage: Checkout");
      const text = String(m.payload.text);
      expect(text).toContain("Payments fail for some customers; we are on it.");
      expect(text).toContain(`/status/incidents/${inc.number}#update-${entry.id}`);
      expect(text).not.toMatch(/SECRET|Ledger|ledger/);
      expect((m.payload.headers as Record<string, string>)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    const signed = linkToken(String(mails[1].payload.text), "/status/unsubscribe")!;
    expect(signed.startsWith(`${checkout.id}.`)).toBe(true);
    expect((mails[1].payload.headers as Record<string, string>)["List-Unsubscribe"]).toBe(`<http://localhost:3000/status/unsubscribe/one-click?token=${encodeURIComponent(signed)}>`);
    expect(await unsubscribe(signed)).toBe("unsubscribed");
    expect(await unsubscribe(signed)).toBe("unsubscribed");
    expect(await rowOf("checkout-fan@example.com")).toBeUndefined();
    expect(await rowOf("all@example.com")).toEqual(all);

    // The next update no longer goes to the unsubscribed address.
    await addTimelineEntry(responder, inc.ref, { kind: "status_update", body: "Fixed." });
    const again = await getDb().select({ r: d.recipient }).from(d).where(eq(d.event, "status_update"));
    expect(again.filter((m) => m.r === "checkout-fan@example.com")).toHaveLength(1);
    expect(again.filter((m) => m.r === "all@example.com")).toHaveLength(2);
  });

  it("sends nothing for incidents that are not customer-facing or touch only private services", async () => {
    const count = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(d).where(eq(d.event, "status_update")))[0].n;
    const before = await count();
    const internal = await createIncident(responder, { title: "Internal", severity: "SEV1", services: ["checkout"], customerFacing: false });
    await addTimelineEntry(responder, internal.ref, { kind: "status_update", body: "Not for customers." });
    const privateOnly = await createIncident(responder, { title: "Private", severity: "SEV1", services: ["ledger"], customerFacing: true });
    await addTimelineEntry(responder, privateOnly.ref, { kind: "status_update", body: "Not for customers either." });
    expect(await count()).toBe(before);
  });
});
