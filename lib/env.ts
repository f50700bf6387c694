import { z } from "zod";

// Unset stays undefined, so libraries can apply their own default (e.g. secure cookies on https).
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  KEEL_DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "responder", "admin"]).default("viewer"),
  METRICS_TOKEN: z.string().optional(),
  KEEL_SECRET_KEY: z.string().min(16, "use at least 16 characters (32 random bytes recommended)").optional(),
  SMTP_URL: z.string().url().refine((u) => /^smtps?:\/\//i.test(u), "use smtp://user:pass@host:587 or smtps://…:465").optional().or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().min(3).optional().or(z.literal("").transform(() => undefined)),
  PROMETHEUS_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  KEEL_SECURE_COOKIES: bool,
  KEEL_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Environment, validated once; a bad value stops the process with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid Keel configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export function oidcEnabled(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
