import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * Fills in what a single-machine install can choose for itself: the session signing secret
 * (generated once and kept under KEEL_DATA_DIR) and the public URL. Several instances behind a
 * load balancer must share NEXTAUTH_SECRET, so set it explicitly there.
 */
export function applyLocalDefaults(port: number): void {
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (process.env.NEXTAUTH_SECRET) return;
  const dir = path.resolve(process.env.KEEL_DATA_DIR ?? ".data");
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
