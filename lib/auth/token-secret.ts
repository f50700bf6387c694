import { createHash, randomBytes } from "node:crypto";

export const tokenPrefix = "keel_";

/** A new API token: shown once; only its SHA-256 is stored (tokens are 256-bit random, so no slow hash is needed). */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = tokenPrefix + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, tokenPrefix.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
