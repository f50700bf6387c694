import { createServer, type IncomingMessage, type Server } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident } from "@/lib/incidents/queries";
import { createChannel, listDeliveries, updateChannel } from "./channels";
import { incidentPayload } from "./payload";
import { testChannel } from "./test-send";
import { drainDueDeliveries, runDeliveryPass } from "./worker";

/** A webhook receiver on a loopback port: checks each request's signature itself and answers per path. */
type Received = { path: string; event: string; delivery: string; body: string; signatureValid: boolean };

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let server: Server;
let base: string;
const received: Received[] = [];
const secrets = new Map<string, string>();
const flakyFailures = new Map<string, number>();

const T0 = Date.parse("2025-03-01T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const d = schema.notificationDeliveries;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function validSignature(secret: string | undefined, body: string, header: string | undefined): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? "/";
    const key = path.split("/")[1];
    const delivery = String(req.headers["x-keel-delivery"] ?? "");
    received.push({ path, event: String(req.headers["x-keel-event"] ?? ""), delivery, body, signatureValid: validSignature(secrets.get(key), body, req.headers["x-keel-signature"] as string | undefined) });
    if (path.startsWith("/slow")) return; // never answers
    if (path.startsWith("/down")) return res.writeHead(503).end("maintenance\nback soon");
    if (path.startsWith("/flaky")) {
      const failed = flakyFailures.get(delivery) ?? 0;
      if (failed < 2) {
        flakyFailures.set(delivery, failed + 1);
        return res.writeHead(500).end("boom");
      }
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  for (const slug of ["ok", "flaky", "down", "slow", "race", "off"]) await createService(admin, serviceInputSchema.parse({ name: slug, slug }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await drop();
});

/** A webhook channel for incidents on service `key`, posting to /<key>. */
async function channelFor(key: string) {
  const { channel, secret } = await createChannel(admin, { kind: "webhook", name: key, url: `${base}/${key}`, service: key });
  secrets.set(key, secret!);
  return channel;
}
const rowsOf = (channelId: string) => getDb().select().from(d).where(eq(d.channelId, channelId)).orderBy(asc(d.id));
const to = (key: string) => received.filter((r) => r.path === `/${key}`);

describe("webhook delivery", () => {
  it("POSTs the queued payload, signed with the channel secret, with event and delivery headers", async () => {
    const channel = await channelFor("ok");
    const inc = await createIncident(responder, { title: "Checkout 503s", severity: "SEV2", services: ["ok"] }, T0);
    const pass = await drainDueDeliveries({ now: at(0) });
    expect(pass).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    const [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, incidentId: inc.id });
    expect(row.sentAt?.getTime()).toBe(T0);
    const got = to("ok");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ event: "declared", delivery: String(row.id), signatureValid: true });
    expect(JSON.parse(got[0].body)).toEqual(row.payload);
    expect(JSON.parse(got[0].body).text).toBe(`:rotating_light: ${inc.ref} SEV2 declared: Checkout 503s (ok) <http://localhost:3000/incidents/${inc.ref}|open>`);
    expect(await runDeliveryPass({ now: at(3600) })).toMatchObject({ claimed: 0 });
  });

  it("retries a receiver that fails twice, on the backoff clock, then succeeds", async () => {
    const channel = await channelFor("flaky");
    await createIncident(responder, { title: "Flaky", severity: "SEV3", services: ["flaky"] }, T0);
    expect(await drainDueDeliveries({ now: at(0) })).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500: boom" });
    expect(row.nextAttemptAt.getTime()).toBe(at(30).getTime());

    expect(await drainDueDeliveries({ now: at(29) })).toMatchObject({ claimed: 0 });
    expect(await drainDueDeliveries({ now: at(30) })).toMatchObject({ claimed: 1, retrying: 1 });
    [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row.nextAttemptAt.getTime()).toBe(at(30 + 120).getTime());

    expect(await drainDueDeliveries({ now: at(149) })).toMatchObject({ claimed: 0 });
    expect(await drainDueDeliveries({ now: at(150) })).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    const got = to("flaky");
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.delivery))).toEqual(new Set([String(row.id)]));
    expect(got.every((g) => g.signatureValid)).toBe(true);
  });

  it("gives up after six attempts and keeps the last error", async () => {
    const channel = await channelFor("down");
    await createIncident(responder, { title: "Down", severity: "SEV3", services: ["down"] }, T0);
    let clock = 0;
    for (const wait of [0, 30, 120, 600, 1800, 7200]) {
      clock += wait;
      expect(await drainDueDeliveries({ now: at(clock) })).toMatchObject({ claimed: 1 });
    }
    const [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "failed", attempts: 6, lastError: "HTTP 503: maintenance back soon" });
    expect(await drainDueDeliveries({ now: at(clock + 86_400) })).toMatchObject({ claimed: 0 });
    expect(to("down")).toHaveLength(6);
    const log = await listDeliveries(admin, channel.id);
    expect(log.items[0]).toMatchObject({ status: "failed", attempts: 6, nextAttemptAt: null, lastError: "HTTP 503: maintenance back soon" });
  });

  it("counts a receiver that does not answer in time as a failure", async () => {
    const channel = await channelFor("slow");
    await createIncident(responder, { title: "Slow", severity: "SEV3", services: ["slow"] }, T0);
    expect(await drainDueDeliveries({ now: at(0), timeoutMs: 300 })).toMatchObject({ retrying: 1 });
    expect((await rowsOf(channel.id))[0]).toMatchObject({ status: "pending", lastError: "No answer within 0.3 s." });
  });

  it("does not send to a channel disabled after the delivery was queued", async () => {
    const channel = await channelFor("off");
    await createIncident(responder, { title: "Off", severity: "SEV3", services: ["off"] }, T0);
    await updateChannel(admin, channel.id, { enabled: false });
    expect(await drainDueDeliveries({ now: at(0) })).toMatchObject({ failed: 1 });
    expect((await rowsOf(channel.id))[0]).toMatchObject({ status: "failed", lastError: "The channel was disabled before this was sent." });
    expect(to("off")).toHaveLength(0);
    const test = await testChannel(admin, channel.id);
    expect(test).toMatchObject({ ok: true, error: null });
    expect(to("off")).toHaveLength(1);
    expect(to("off")[0]).toMatchObject({ event: "test", signatureValid: true, delivery: String(test.deliveryId) });
  });

  it("delivers each of many deliveries exactly once when two workers drain concurrently", async () => {
    const channel = await channelFor("race");
    const inc = await createIncident(responder, { title: "Race", severity: "SEV3", services: ["race"] }, T0);
    const existing = (await rowsOf(channel.id)).map((r) => r.id);
    const incident = { id: inc.id, ref: inc.ref, title: inc.title, severity: inc.severity, status: inc.status, services: inc.services, url: "http://keel.test", customerFacing: false, commander: null };
    await getDb()
      .insert(d)
      .values(Array.from({ length: 39 }, (_, k) => ({ channelId: channel.id, incidentId: inc.id, event: "declared", payload: incidentPayload("declared", incident, at(k)), nextAttemptAt: at(0) })));
    const [a, b] = await Promise.all([drainDueDeliveries({ now: at(1), batchSize: 3 }), drainDueDeliveries({ now: at(1), batchSize: 3 })]);
    expect(a.claimed + b.claimed).toBe(40);
    expect(Math.min(a.claimed, b.claimed)).toBeGreaterThan(0); // both workers really took part
    expect(a.sent + b.sent).toBe(40);
    const rows = await rowsOf(channel.id);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const got = to("race");
    expect(got).toHaveLength(40);
    expect(new Set(got.map((g) => g.delivery)).size).toBe(40);
    expect(got.every((g) => g.signatureValid)).toBe(true);
    expect(existing).toHaveLength(1);
    expect(await getDb().select({ id: d.id }).from(d).where(inArray(d.status, ["pending"]))).toHaveLength(1); // only the slow one, waiting to retry
  });
});
