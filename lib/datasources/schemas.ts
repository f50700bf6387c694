import { z } from "zod";
import { datasourceKinds } from "@/db/schema/datasources";

export { datasourceKinds };

const url = z
  .string()
  .trim()
  .max(2000)
  .url("Enter the data source's base URL, e.g. http://prometheus:9090.")
  .refine((u) => /^https?:\/\//i.test(u), "Only http and https URLs are allowed.")
  .refine((u) => {
    const parsed = new URL(u);
    return !parsed.username && !parsed.password;
  }, "Put credentials under authentication, not in the URL.")
  .refine((u) => !new URL(u).search && !new URL(u).hash, "The base URL cannot have a query string or fragment.")
  .transform((u) => u.replace(/\/+$/, ""));

// Headers Keel sets itself or that would break the HTTP exchange.
const RESERVED_HEADERS = new Set(["authorization", "host", "content-length", "content-type", "connection", "transfer-encoding", "cookie", "accept-encoding"]);
export const headerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Header names use letters, digits and - (e.g. X-Scope-OrgID).")
  .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()), "This header is set by Keel; use the authentication fields for Authorization.");
const headerValue = z
  .string()
  .max(4096, "Header values are at most 4096 characters.")
  .refine((v) => !/[\r\n\0]/.test(v), "Header values cannot contain line breaks.");

export const authSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({
    type: z.literal("basic"),
    username: z.string().trim().min(1, "Enter the user name.").max(200),
    /** Omitted on update: keep the stored password. */
    password: z.string().min(1, "Enter the password.").max(1000).optional(),
  }),
  z.object({
    type: z.literal("bearer"),
    /** Omitted on update: keep the stored token. */
    token: z.string().min(1, "Enter the token.").max(8000).optional(),
  }),
]);
export type AuthInput = z.infer<typeof authSchema>;

const fields = {
  name: z.string().trim().min(1, "Name is required.").max(80, "Name is at most 80 characters."),
  kind: z.enum(datasourceKinds, "Kind is prometheus, thanos, mimir or victoriametrics."),
  url,
  auth: authSchema,
  /** Header name → value; on update a null value keeps the stored value of that header. */
  headers: z
    .record(headerName, headerValue.nullable())
    .refine((h) => Object.keys(h).length <= 20, "At most 20 extra headers."),
  timeoutSeconds: z.number().int("Whole seconds.").min(1, "At least 1 second.").max(300, "At most 300 seconds."),
  scrapeIntervalSeconds: z.number().int("Whole seconds.").min(1, "At least 1 second.").max(3600, "At most 3600 seconds."),
  isDefault: z.boolean(),
};

export const datasourceInputSchema = z.object({
  name: fields.name,
  kind: fields.kind.default("prometheus"),
  url: fields.url,
  auth: fields.auth.default({ type: "none" }),
  headers: fields.headers.default({}),
  timeoutSeconds: fields.timeoutSeconds.default(30),
  scrapeIntervalSeconds: fields.scrapeIntervalSeconds.default(60),
  isDefault: fields.isDefault.default(false),
});
export type DatasourceInput = z.infer<typeof datasourceInputSchema>;

export const datasourcePatchSchema = z.object({
  name: fields.name.optional(),
  kind: fields.kind.optional(),
  url: fields.url.optional(),
  auth: fields.auth.optional(),
  headers: fields.headers.optional(),
  timeoutSeconds: fields.timeoutSeconds.optional(),
  scrapeIntervalSeconds: fields.scrapeIntervalSeconds.optional(),
  isDefault: fields.isDefault.optional(),
  version: z.number().int().positive().optional(),
});
export type DatasourcePatch = z.infer<typeof datasourcePatchSchema>;

/** The form's flat fields → the API's shape. Blank secrets mean "keep the stored one". */
export function datasourceFormToInput(form: FormData): Record<string, unknown> {
  const str = (k: string) => String(form.get(k) ?? "");
  const num = (k: string) => (str(k).trim() === "" ? undefined : Number(str(k)));
  const authType = str("authType") || "none";
  const auth =
    authType === "basic"
      ? { type: "basic", username: str("username"), password: str("password") || undefined }
      : authType === "bearer"
        ? { type: "bearer", token: str("token") || undefined }
        : { type: authType };
  const headers: Record<string, string | null> = {};
  for (let i = 0; i < 20; i++) {
    const name = str(`headerName${i}`).trim();
    if (!name) continue;
    headers[name] = str(`headerValue${i}`) === "" ? null : str(`headerValue${i}`);
  }
  return {
    name: str("name"),
    kind: str("kind") || "prometheus",
    url: str("url"),
    auth,
    headers,
    timeoutSeconds: num("timeoutSeconds"),
    scrapeIntervalSeconds: num("scrapeIntervalSeconds"),
    isDefault: form.get("isDefault") === "on",
  };
}
