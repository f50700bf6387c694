import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { open, seal } from "@/lib/crypto/secret-box";
import { forgetConnection } from "./connection";
import type { AuthInput, DatasourceInput, DatasourcePatch } from "./schemas";

/** What the browser and the API see: secrets are reduced to "is one stored". */
export type DatasourceDto = {
  id: string;
  name: string;
  kind: string;
  url: string;
  auth: { type: "none" } | { type: "basic"; username: string; hasPassword: boolean } | { type: "bearer"; hasToken: boolean };
  headers: string[];
  timeoutSeconds: number;
  scrapeIntervalSeconds: number;
  isDefault: boolean;
  fromEnv: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type StoredSecrets = { password?: string; token?: string; headers?: Record<string, string> };

const d = schema.datasources;
type Row = typeof d.$inferSelect;

export const secretContext = (id: string) => `datasource:${id}`;

export function readSecrets(row: Pick<Row, "id" | "secrets">): StoredSecrets {
  return row.secrets ? (JSON.parse(open(row.secrets, secretContext(row.id))) as StoredSecrets) : {};
}

function toDto(r: Row): DatasourceDto {
  const auth: DatasourceDto["auth"] =
    r.authKind === "basic"
      ? { type: "basic", username: r.basicUsername ?? "", hasPassword: r.secrets !== null }
      : r.authKind === "bearer"
        ? { type: "bearer", hasToken: r.secrets !== null }
        : { type: "none" };
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    url: r.url,
    auth,
    headers: r.headerNames,
    timeoutSeconds: r.timeoutSeconds,
    scrapeIntervalSeconds: r.scrapeIntervalSeconds,
    isDefault: r.isDefault,
    fromEnv: r.fromEnv,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function rowFor(ref: string): Promise<Row | undefined> {
  if (ref === "default") {
    const [row] = await getDb().select().from(d).where(eq(d.isDefault, true)).limit(1);
    return row;
  }
  if (!UUID.test(ref)) return undefined;
  const [row] = await getDb().select().from(d).where(eq(d.id, ref)).limit(1);
  return row;
}

export async function requireRow(ref: string): Promise<Row> {
  const row = await rowFor(ref);
  if (!row) {
    throw new AppError("not_found", ref === "default" ? "No default data source is configured. An admin can add one in Settings → Data sources." : `No data source with id "${ref}".`);
  }
  return row;
}

export async function listDatasources(actor: Principal): Promise<DatasourceDto[]> {
  assertRole(actor, "viewer");
  const rows = await getDb().select().from(d).orderBy(asc(d.name));
  return rows.map(toDto);
}

export async function getDatasource(actor: Principal, ref: string): Promise<DatasourceDto> {
  assertRole(actor, "viewer");
  return toDto(await requireRow(ref));
}

/** Merges new secrets over the stored ones: omitted password/token and null header values are kept. */
export function mergeSecrets(
  current: StoredSecrets,
  auth: AuthInput,
  headers: Record<string, string | null>,
  previousAuthKind: string,
): { secrets: StoredSecrets; missing: Record<string, string[]> } {
  const out: StoredSecrets = {};
  const missing: Record<string, string[]> = {};
  if (auth.type === "basic") {
    const password = auth.password ?? (previousAuthKind === "basic" ? current.password : undefined);
    if (!password) missing["auth.password"] = ["Enter the password."];
    else out.password = password;
  } else if (auth.type === "bearer") {
    const token = auth.token ?? (previousAuthKind === "bearer" ? current.token : undefined);
    if (!token) missing["auth.token"] = ["Enter the token."];
    else out.token = token;
  }
  const hs: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const kept = value ?? Object.entries(current.headers ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (kept === undefined) (missing[`headers.${name}`] ??= []).push("Enter a value for this header.");
    else hs[name] = kept;
  }
  if (Object.keys(hs).length) out.headers = hs;
  return { secrets: out, missing };
}

function sealOrNull(id: string, secrets: StoredSecrets): string | null {
  return Object.keys(secrets).length ? seal(JSON.stringify(secrets), secretContext(id)) : null;
}

const nameTaken = (name: string) => new AppError("conflict", `A data source named "${name}" already exists.`, { name: ["This name is already taken."] });

export async function createDatasource(actor: Principal, input: DatasourceInput, opts: { fromEnv?: boolean } = {}): Promise<DatasourceDto> {
  assertRole(actor, "admin");
  const id = randomUUID();
  const { secrets, missing } = mergeSecrets({}, input.auth, input.headers, "none");
  if (Object.keys(missing).length) throw new AppError("bad_request", "Some fields are invalid.", missing);
  const db = getDb();
  try {
    await db.transaction(async (tx) => {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(d);
      const isDefault = input.isDefault || n === 0;
      if (isDefault) await tx.update(d).set({ isDefault: false }).where(eq(d.isDefault, true));
      await tx.insert(d).values({
        id,
        name: input.name,
        kind: input.kind,
        url: input.url,
        authKind: input.auth.type,
        basicUsername: input.auth.type === "basic" ? input.auth.username : null,
        headerNames: Object.keys(input.headers),
        secrets: sealOrNull(id, secrets),
        timeoutSeconds: input.timeoutSeconds,
        scrapeIntervalSeconds: input.scrapeIntervalSeconds,
        isDefault,
        fromEnv: opts.fromEnv ?? false,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
  await recordAudit({ action: "datasource.created", ...auditActor(actor), target: `datasource:${input.name}`, details: { url: input.url, auth: input.auth.type, headers: Object.keys(input.headers) } });
  return toDto(await requireRow(id));
}

export async function updateDatasource(actor: Principal, ref: string, patch: DatasourcePatch): Promise<DatasourceDto> {
  assertRole(actor, "admin");
  const row = await requireRow(ref);
  if (patch.version !== undefined && patch.version !== row.version) {
    throw new AppError("conflict", "Someone else changed this data source since you opened it. Reload to see their changes.");
  }
  const values: Partial<typeof d.$inferInsert> = { updatedAt: new Date(), version: row.version + 1 };
  for (const k of ["name", "kind", "url", "timeoutSeconds", "scrapeIntervalSeconds"] as const) {
    if (patch[k] !== undefined) (values as Record<string, unknown>)[k] = patch[k];
  }
  if (patch.auth !== undefined || patch.headers !== undefined) {
    const auth: AuthInput =
      patch.auth ??
      (row.authKind === "basic" ? { type: "basic", username: row.basicUsername ?? "" } : row.authKind === "bearer" ? { type: "bearer" } : { type: "none" });
    const headers = patch.headers ?? Object.fromEntries(row.headerNames.map((h) => [h, null]));
    const { secrets, missing } = mergeSecrets(readSecrets(row), auth, headers, row.authKind);
    if (Object.keys(missing).length) throw new AppError("bad_request", "Some fields are invalid.", missing);
    values.authKind = auth.type;
    values.basicUsername = auth.type === "basic" ? auth.username : null;
    values.headerNames = Object.keys(headers);
    values.secrets = sealOrNull(row.id, secrets);
  }
  try {
    await getDb().transaction(async (tx) => {
      if (patch.isDefault === true) {
        await tx.update(d).set({ isDefault: false }).where(and(eq(d.isDefault, true), ne(d.id, row.id)));
        values.isDefault = true;
      } else if (patch.isDefault === false && row.isDefault) {
        throw new AppError("bad_request", "Some fields are invalid.", { isDefault: ["Make another data source the default instead."] });
      }
      const updated = await tx
        .update(d)
        .set(values)
        .where(and(eq(d.id, row.id), eq(d.version, row.version)))
        .returning({ id: d.id });
      if (updated.length === 0) throw new AppError("conflict", "Someone else changed this data source since you opened it. Reload to see their changes.");
    });
  } catch (err) {
    if (isUniqueViolation(err) && patch.name) throw nameTaken(patch.name);
    throw err;
  }
  forgetConnection(row.id);
  const changed = Object.keys(patch).filter((k) => k !== "version");
  await recordAudit({ action: "datasource.updated", ...auditActor(actor), target: `datasource:${row.name}`, details: { changed } });
  return toDto(await requireRow(row.id));
}

export async function deleteDatasource(actor: Principal, ref: string): Promise<void> {
  assertRole(actor, "admin");
  const row = await requireRow(ref);
  await getDb().transaction(async (tx) => {
    await tx.delete(d).where(eq(d.id, row.id));
    if (row.isDefault) {
      const [next] = await tx.select({ id: d.id }).from(d).orderBy(asc(d.name)).limit(1);
      if (next) await tx.update(d).set({ isDefault: true }).where(eq(d.id, next.id));
    }
  });
  forgetConnection(row.id);
  await recordAudit({ action: "datasource.deleted", ...auditActor(actor), target: `datasource:${row.name}` });
}
