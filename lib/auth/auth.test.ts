import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { hashPassword, verifyPassword } from "./passwords";
import { loginBlocked, recordLoginAttempt } from "./rate-limit";
import { principalFromToken } from "./principal";
import { createToken, revokeToken } from "@/lib/tokens/queries";
import { setUserDisabled, setUserRole } from "@/lib/users/queries";
import { listAudit } from "@/lib/audit/queries";
import { AppError } from "@/lib/errors";
import type { Principal } from "./roles";

let drop: () => Promise<void>;
let admin: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "root@test.example");
});
afterAll(() => drop());

describe("passwords", () => {
  it("hashes with bcrypt and verifies; a missing hash never verifies", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h).toMatch(/^\$2[aby]\$/);
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
    expect(await verifyPassword("wrong", h)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});

describe("sign-in rate limit", () => {
  it("locks an email after 5 failures inside 15 minutes, and only inside the window", async () => {
    const email = "target@test.example";
    const now = new Date();
    for (let i = 0; i < 4; i++) await recordLoginAttempt(email, "10.0.0.1", false);
    expect(await loginBlocked(email, "10.0.0.9", now)).toBe(false);
    await recordLoginAttempt(email, "10.0.0.1", false);
    expect(await loginBlocked(email, "10.0.0.9", now)).toBe(true);
    expect(await loginBlocked("other@test.example", "10.0.0.9", now)).toBe(false);
    // Sixteen minutes later the failures have aged out.
    expect(await loginBlocked(email, "10.0.0.9", new Date(now.getTime() + 16 * 60_000))).toBe(false);
  });

  it("locks an address spraying many emails (4 × the per-email limit)", async () => {
    for (let i = 0; i < 20; i++) await recordLoginAttempt(`spray${i}@test.example`, "10.9.9.9", false);
    expect(await loginBlocked("fresh@test.example", "10.9.9.9")).toBe(true);
    expect(await loginBlocked("fresh@test.example", "10.9.9.8")).toBe(false);
  });
});

describe("API tokens", () => {
  it("resolve to their user, are capped by the user's current role, and stop at revocation", async () => {
    const responder = await makeUser("responder", "resp@test.example");
    const t = await createToken(admin, { email: responder.email, name: "ci" });
    expect(t.token).toMatch(/^keel_[A-Za-z0-9_-]{43}$/);
    const [stored] = await getDb().select().from(schema.apiTokens).where(eq(schema.apiTokens.id, t.id));
    expect(stored.tokenHash).not.toContain(t.token.slice(5));
    expect(await principalFromToken(t.token)).toMatchObject({ userId: responder.userId, role: "responder", via: "token" });
    await expect(createToken(admin, { email: responder.email, name: "too-strong", role: "admin" })).rejects.toMatchObject({ code: "bad_request" });

    await setUserRole(admin, responder.userId, "viewer");
    expect((await principalFromToken(t.token))?.role).toBe("viewer");
    await setUserRole(admin, responder.userId, "responder");

    await setUserDisabled(admin, responder.userId, true);
    expect(await principalFromToken(t.token)).toBeNull();
    await setUserDisabled(admin, responder.userId, false);

    await revokeToken(admin, t.id);
    expect(await principalFromToken(t.token)).toBeNull();
    expect(await principalFromToken("keel_" + "x".repeat(43))).toBeNull();
    expect(await principalFromToken("not-a-keel-token")).toBeNull();
  });

  it("records security events in the audit log, for admins only", async () => {
    const actions = (await listAudit(admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["token.created", "token.revoked", "user.role_changed", "user.disabled"]));
    const viewer = await makeUser("viewer");
    await expect(listAudit(viewer)).rejects.toBeInstanceOf(AppError);
  });

  it("never removes the last admin", async () => {
    await expect(setUserRole(admin, admin.userId, "viewer")).rejects.toMatchObject({ code: "conflict" });
    await expect(setUserDisabled(admin, admin.userId, true)).rejects.toMatchObject({ code: "conflict" });
  });
});
