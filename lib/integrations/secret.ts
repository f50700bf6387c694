import { createHash, randomBytes } from "node:crypto";

/** Integration secrets: 256 random bits in the webhook URL; only their SHA-256 is stored. */
export const secretPrefix = "kam_";

export function generateIntegrationSecret(): { secret: string; hash: string; prefix: string } {
  const secret = secretPrefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashIntegrationSecret(secret), prefix: secret.slice(0, secretPrefix.length + 6) };
}

export function hashIntegrationSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Where Alertmanager posts for an integration, relative to Keel's base URL. */
export const webhookPath = (secret: string) => `/api/v1/integrations/alertmanager/${secret}`;
