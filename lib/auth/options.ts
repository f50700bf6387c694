import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { env, oidcEnabled } from "@/lib/env";
import { verifyPassword } from "./passwords";
import { loginBlocked, markLoginSucceeded, recordLoginAttempt } from "./rate-limit";
import { recordAudit } from "@/lib/audit/record";
import { metrics } from "@/lib/observability/metrics";

export const genericLoginError = "Invalid email or password.";
export const rateLimitedError = "Too many failed sign-in attempts. Wait a few minutes and try again.";

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

function clientIp(headers: unknown): string | null {
  const h = (headers ?? {}) as Record<string, string | undefined>;
  return h["x-keel-client-ip"] ?? null;
}

async function findUserByEmail(email: string) {
  const [user] = await getDb()
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email.toLowerCase()))
    .limit(1);
  return user;
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input, req) {
        const ip = clientIp(req?.headers);
        const parsed = credentials.safeParse(input);
        if (!parsed.success) throw new Error(genericLoginError);
        const { email, password } = parsed.data;
        if (await loginBlocked(email, ip)) {
          metrics().loginAttempts.inc({ result: "rate_limited" });
          await recordAudit({ action: "login.rate_limited", actorEmail: email, ip });
          throw new Error(rateLimitedError);
        }
        // Counted as a failure before the (slow) check, so parallel guesses all count against the limit.
        const attempt = await recordLoginAttempt(email, ip, false);
        const user = await findUserByEmail(email);
        const ok = (await verifyPassword(password, user?.passwordHash)) && user && !user.disabled;
        if (ok) await markLoginSucceeded(attempt);
        if (!ok || !user) {
          metrics().loginAttempts.inc({ result: "failure" });
          await recordAudit({ action: "login.failure", actorEmail: email, ip });
          throw new Error(genericLoginError);
        }
        metrics().loginAttempts.inc({ result: "success" });
        await getDb().update(schema.users).set({ lastLoginAt: new Date() }).where(eq(schema.users.id, user.id));
        await recordAudit({ action: "login.success", actorId: user.id, actorEmail: user.email, ip, details: { method: "password" } });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  const e = env();
  if (oidcEnabled(e)) {
    list.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Only a verified email may link to (or create) a Keel account.
      profile(p: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
        return { id: p.sub, email: p.email_verified === true ? (p.email ?? null) : null, name: p.name ?? p.email ?? p.sub };
      },
    });
  }
  return list;
}

/** OIDC users are matched by email; unknown ones are created with OIDC_DEFAULT_ROLE. */
async function userForOidc(email: string, name: string) {
  const existing = await findUserByEmail(email);
  if (existing) return existing;
  const [created] = await getDb()
    .insert(schema.users)
    .values({ email: email.toLowerCase(), name, role: env().OIDC_DEFAULT_ROLE })
    .onConflictDoNothing()
    .returning();
  const user = created ?? (await findUserByEmail(email));
  if (created) await recordAudit({ action: "user.created", actorEmail: email, target: email, details: { via: "oidc", role: created.role } });
  return user;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: env().KEEL_SECURE_COOKIES,
    providers: providers(),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return "/login?error=OidcNoEmail"; // missing or unverified
        const local = await userForOidc(user.email, user.name ?? user.email);
        if (!local || local.disabled) {
          await recordAudit({ action: "login.failure", actorEmail: user.email, details: { method: "oidc", reason: "disabled" } });
          return "/login?error=AccessDenied";
        }
        await getDb().update(schema.users).set({ lastLoginAt: new Date() }).where(and(eq(schema.users.id, local.id)));
        await recordAudit({ action: "login.success", actorId: local.id, actorEmail: local.email, details: { method: "oidc" } });
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "oidc" && user.email) token.uid = (await findUserByEmail(user.email))?.id;
          else token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string | undefined;
        return session;
      },
    },
  };
}
