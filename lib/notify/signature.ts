import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures: `X-Keel-Signature: sha256=<hex HMAC-SHA256 of the raw body with the channel
 * secret>`. Receivers compute the same over the bytes they received and compare in constant time.
 */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
