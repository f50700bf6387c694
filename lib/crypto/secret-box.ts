import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Sealed secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256) from KEEL_SECRET_KEY.
 * `context` is authenticated additional data (e.g. "datasource:<id>"), so a sealed value copied onto
 * another row does not open. Format: `v1.<iv>.<ciphertext+tag>` in base64url.
 */
const VERSION = "v1";

let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = env().KEEL_SECRET_KEY;
  if (!secret) throw new Error("KEEL_SECRET_KEY is not set: Keel cannot encrypt or read stored secrets.");
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "keel", "keel secret box v1", 32)) };
  }
  return cachedKey.key;
}

export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export class SecretUnreadableError extends Error {
  constructor(context: string) {
    super(`A stored secret (${context}) cannot be decrypted: was KEEL_SECRET_KEY changed? Save the secret again.`);
    this.name = "SecretUnreadableError";
  }
}

export function open(sealed: string, context: string): string {
  const [version, ivText, bodyText] = sealed.split(".");
  if (version !== VERSION || !ivText || !bodyText) throw new SecretUnreadableError(context);
  try {
    const body = Buffer.from(bodyText, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(ivText, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError(context);
  }
}
