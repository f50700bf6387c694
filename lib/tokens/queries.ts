import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, hasRole, type Principal, type Role } from "@/lib/auth/roles";
import { generateToken } from "@/lib/auth/token-secret";
import { recordAudit } from "@/lib/audit/record";
import type { TokenInput } from "@/lib/users/schemas";

export type TokenDto = {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const k = schema.apiTokens;
const u = schema.users;

export async function listTokens(actor: Principal): Promise<TokenDto[]> {
  assertRole(actor, "admin");
  const rows = await getDb()
    .select({ id: k.id, name: k.name, role: k.role, prefix: k.prefix, userEmail: u.email, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt })
    .from(k)
    .innerJoin(u, eq(u.id, k.userId))
    .orderBy(desc(k.createdAt));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Creates a token for a user; the secret is returned here once and never again. */
export async function createToken(actor: Principal, input: TokenInput): Promise<{ token: string; id: string; role: Role }> {
  assertRole(actor, "admin");
  const [user] = await getDb().select({ id: u.id, role: u.role, disabled: u.disabled }).from(u).where(eq(u.email, input.email));
  if (!user || user.disabled) throw new AppError("bad_request", "Some fields are invalid.", { email: ["No active user with this email."] });
  const role = input.role ?? user.role;
  if (!hasRole(user.role, role)) {
    throw new AppError("bad_request", "Some fields are invalid.", { role: [`A token cannot hold more than its user's role (${user.role}).`] });
  }
  const secret = generateToken();
  const [row] = await getDb()
    .insert(k)
    .values({ userId: user.id, name: input.name, role, tokenHash: secret.hash, prefix: secret.prefix })
    .returning({ id: k.id });
  await recordAudit({ action: "token.created", ...auditActor(actor), target: input.email, details: { tokenId: row.id, name: input.name, role } });
  return { token: secret.token, id: row.id, role };
}

export async function revokeToken(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "admin");
  const [row] = await getDb()
    .update(k)
    .set({ revokedAt: new Date() })
    .where(and(eq(k.id, id), isNull(k.revokedAt)))
    .returning({ name: k.name });
  if (!row) throw new AppError("not_found", "No active token with this id.");
  await recordAudit({ action: "token.revoked", ...auditActor(actor), target: row.name, details: { tokenId: id } });
}
