import { createHash, createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken, signedUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from "./tokens";

const ID = "0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d";

describe("subscription tokens", () => {
  it("makes long random confirm tokens and stores their SHA-256", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toBe(createHash("sha256").update(a).digest("hex"));
  });

  it("signs unsubscribe tokens with an HMAC of the subscriber id, checkable independently", () => {
    const key = unsubscribeKey("a-test-secret-of-some-length");
    const token = signedUnsubscribeToken(ID, key);
    const expectedKey = Buffer.from(hkdfSync("sha256", "a-test-secret-of-some-length", "keel", "keel status unsubscribe v1", 32));
    expect(token).toBe(`${ID}.${createHmac("sha256", expectedKey).update(`status-subscriber:${ID}`).digest("base64url")}`);
    expect(verifyUnsubscribeToken(token, key)).toBe(ID);
  });

  it("refuses forged, tampered or foreign tokens", () => {
    const key = unsubscribeKey("a-test-secret-of-some-length");
    const token = signedUnsubscribeToken(ID, key);
    const other = "1b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d";
    expect(verifyUnsubscribeToken(`${other}${token.slice(ID.length)}`, key)).toBeNull();
    expect(verifyUnsubscribeToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, key)).toBeNull();
    expect(verifyUnsubscribeToken(token, unsubscribeKey("another-secret-entirely"))).toBeNull();
    expect(verifyUnsubscribeToken(newToken(), key)).toBeNull();
    expect(verifyUnsubscribeToken("not-a-uuid.abc", key)).toBeNull();
  });
});
