import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { createToken } from "@/lib/tokens/queries";
import { verifySignature } from "./signature";
import type { ChannelDto, DeliveryDto } from "./dto";
import { GET as list, POST as create } from "@/app/api/v1/notification-channels/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "@/app/api/v1/notification-channels/[id]/route";
import { GET as deliveries } from "@/app/api/v1/notification-channels/[id]/deliveries/route";
import { POST as sendTest } from "@/app/api/v1/notification-channels/[id]/test/route";

let drop: () => Promise<void>;
let adminToken: string;
let viewerToken: string;
let server: Server;
let receiverUrl: string;
const bodies: { body: string; signature: string }[] = [];

const base = "http://keel.test/api/v1/notification-channels";
const call = (method: string, token: string, path = "", body?: unknown) =>
  new Request(base + path, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const none = { params: Promise.resolve({}) };
const id = (value: string) => ({ params: Promise.resolve({ id: value }) });
const channelCount = async () => (await getDb().select({ n: sql<number>`count(*)::int` }).from(schema.notificationChannels))[0].n;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["x-keel-signature"]) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  const viewer = await makeUser("viewer");
  adminToken = (await createToken(admin, { email: admin.email, name: "admin" })).token;
  viewerToken = (await createToken(admin, { email: viewer.email, name: "viewer" })).token;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await drop();
});

describe("REST /api/v1/notification-channels", () => {
  it("creates a webhook with 201, shows its secret once, then never again", async () => {
    const res = await create(call("POST", adminToken, "", { kind: "webhook", name: "Ops hook", url: receiverUrl, events: ["declared", "resolved"] }), none);
    expect(res.status).toBe(201);
    const created = (await res.json()) as ChannelDto & { secret: string };
    expect(res.headers.get("Location")).toBe(`/api/v1/notification-channels/${created.id}`);
    expect(created).toMatchObject({ kind: "webhook", name: "Ops hook", scope: { type: "all" }, hasSecret: true });
    expect(created.secret).toMatch(/^whsec_/);

    const listed = await (await list(call("GET", adminToken), none)).text();
    const one = await (await getOne(call("GET", adminToken, `/${created.id}`), id(created.id))).text();
    for (const text of [listed, one]) {
      expect(text).toContain(created.id);
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain("sealedSecret");
    }

    const tested = await sendTest(call("POST", adminToken, `/${created.id}/test`), id(created.id));
    expect(await tested.json()).toMatchObject({ ok: true, error: null });
    expect(bodies).toHaveLength(1);
    expect(verifySignature(created.secret, bodies[0].body, bodies[0].signature)).toBe(true);
    expect(JSON.parse(bodies[0].body)).toMatchObject({ event: "test", incident: null });

    const log = (await (await deliveries(call("GET", adminToken, `/${created.id}/deliveries?limit=5`), id(created.id))).json()) as { items: DeliveryDto[]; nextBefore: number | null };
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ event: "test", status: "sent", attempts: 1, incident: null, lastError: null });
    expect(log.nextBefore).toBeNull();
    const badLimit = await deliveries(call("GET", adminToken, `/${created.id}/deliveries?limit=0`), id(created.id));
    expect(badLimit.status).toBe(400);

    const changed = await patch(call("PATCH", adminToken, `/${created.id}`, { enabled: false, version: 1 }), id(created.id));
    expect(await changed.json()).toMatchObject({ enabled: false, version: 2 });
    const conflict = await patch(call("PATCH", adminToken, `/${created.id}`, { enabled: true, version: 1 }), id(created.id));
    expect(conflict.status).toBe(409);
    const rotated = (await (await patch(call("PATCH", adminToken, `/${created.id}`, { rotateSecret: true }), id(created.id))).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect((await remove(call("DELETE", adminToken, `/${created.id}`), id(created.id))).status).toBe(204);
    expect((await getOne(call("GET", adminToken, `/${created.id}`), id(created.id))).status).toBe(404);
  });

  it("answers 403 to a viewer and writes nothing; 400 for bad input; 401 without a token", async () => {
    const before = await channelCount();
    const channelAudits = async () => (await getDb().select({ action: schema.auditLog.action }).from(schema.auditLog)).filter((a) => a.action.startsWith("notification_channel.")).length;
    const auditsBefore = await channelAudits();
    const denied = await create(call("POST", viewerToken, "", { kind: "email", name: "sneaky", emails: ["x@example.com"] }), none);
    expect(denied.status).toBe(403);
    expect((await list(call("GET", viewerToken), none)).status).toBe(403);
    expect(await channelCount()).toBe(before);
    expect(await channelAudits()).toBe(auditsBefore);
    expect((await getDb().select({ action: schema.auditLog.action }).from(schema.auditLog)).map((a) => a.action)).toContain("permission.denied");

    const bad = await create(call("POST", adminToken, "", { kind: "email", name: "x", emails: [] }), none);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("emails");
    expect((await list(call("GET", "not-a-token"), none)).status).toBe(401);
    expect(await channelCount()).toBe(before);
  });
});
