import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { cliPrincipal } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { createDatasource, updateDatasource } from "./queries";
import { datasourceInputSchema } from "./schemas";

/**
 * PROMETHEUS_URL → the default data source, created or updated at start. Credentials in the URL
 * (https://user:pass@host) become basic authentication, sealed like any other secret.
 */
export async function registerEnvDatasource(url = env().PROMETHEUS_URL): Promise<string | null> {
  if (!url) return null;
  const parsed = new URL(url);
  const auth = parsed.username
    ? { type: "basic" as const, username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) || undefined }
    : { type: "none" as const };
  parsed.username = "";
  parsed.password = "";
  const input = datasourceInputSchema.parse({ name: "Prometheus", url: parsed.toString(), auth, isDefault: true });
  const d = schema.datasources;
  const [existing] = await getDb().select({ id: d.id }).from(d).where(eq(d.fromEnv, true)).limit(1);
  let id: string;
  if (existing) {
    id = (await updateDatasource(cliPrincipal, existing.id, { url: input.url, isDefault: true, ...(parsed.username || auth.type === "basic" ? { auth: input.auth } : {}) })).id;
  } else {
    const [taken] = await getDb().select({ id: d.id }).from(d).where(eq(d.name, input.name)).limit(1);
    id = (await createDatasource(cliPrincipal, taken ? { ...input, name: "Prometheus (PROMETHEUS_URL)" } : input, { fromEnv: true })).id;
  }
  logger().info({ datasource: id, url: input.url }, "default data source set from PROMETHEUS_URL");
  return id;
}
