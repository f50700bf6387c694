import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { hashToken, tokenPrefix } from "./token-secret";
import { hasRole, type Principal } from "./roles";

export async function loadPrincipal(userId: string): Promise<Principal | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [u] = await getDb()
    .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name, role: schema.users.role, disabled: schema.users.disabled })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .limit(1);
  if (!u || u.disabled) return null;
  return { userId: u.id, email: u.email, name: u.name, role: u.role, via: "session" };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token; revoked tokens and disabled users resolve to null. */
export async function principalFromToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const t = schema.apiTokens;
  const u = schema.users;
  const [row] = await getDb()
    .select({ tokenId: t.id, role: t.role, userRole: u.role, userId: u.id, email: u.email, name: u.name, disabled: u.disabled, lastUsedAt: t.lastUsedAt })
    .from(t)
    .innerJoin(u, eq(u.id, t.userId))
    .where(and(eq(t.tokenHash, hashToken(token)), isNull(t.revokedAt)))
    .limit(1);
  if (!row || row.disabled) return null;
  // Best-effort bookkeeping, at most once a minute per token (not a write per API call); a failure
  // here must not fail the request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    getDb()
      .update(t)
      .set({ lastUsedAt: new Date() })
      .where(eq(t.id, row.tokenId))
      .catch(() => {});
  }
  // A token never grants more than its user currently holds.
  const role = hasRole(row.userRole, row.role) ? row.role : row.userRole;
  return { userId: row.userId, email: row.email, name: row.name, role, via: "token", tokenId: row.tokenId };
}
