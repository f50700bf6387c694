/**
 * The tokens in status-page subscription links.
 *
 * - The confirm token is 32 random bytes; Keel stores only its SHA-256 (`token_hash`). The confirm
 *   email carries it in both its confirm and unsubscribe links.
 * - Status update emails are written long after that token was sent and Keel cannot recover it
 *   from the hash, so their unsubscribe links carry `<subscriber id>.<HMAC-SHA256 of the id>`, keyed
 *   by a key derived from KEEL_SECRET_KEY. It stays valid for as long as that key does.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The unsubscribe key derived from Keel's secret key. */
export function unsubscribeKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "keel", "keel status unsubscribe v1", 32));
}

const mac = (id: string, key: Buffer) => createHmac("sha256", key).update(`status-subscriber:${id}`).digest("base64url");

export function signedUnsubscribeToken(subscriberId: string, key: Buffer): string {
  return `${subscriberId}.${mac(subscriberId, key)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subscriber id a signed unsubscribe token names, or null when it is not one or is forged. */
export function verifyUnsubscribeToken(token: string, key: Buffer): string | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const want = Buffer.from(mac(id, key));
  return given.length === want.length && timingSafeEqual(given, want) ? id : null;
}
