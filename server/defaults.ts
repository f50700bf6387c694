import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/** A random secret generated once and kept in KEEL_DATA_DIR/<file>. */
function localSecret(file: string): string {
  const dir = path.resolve(process.env.KEEL_DATA_DIR ?? ".data");
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(full, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(full, "utf8").trim();
}

/**
 * Fills in what a single-machine install can choose for itself: the session signing secret and the
 * key that seals stored secrets (each generated once and kept under KEEL_DATA_DIR), and the public
 * URL. Several instances behind a load balancer must share NEXTAUTH_SECRET and KEEL_SECRET_KEY, so
 * set them explicitly there.
 */
export function applyLocalDefaults(port: number): void {
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_SECRET ||= localSecret("auth-secret");
  process.env.KEEL_SECRET_KEY ||= localSecret("secret-key");
}
