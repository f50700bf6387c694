import { AppError } from "@/lib/errors";

export const roles = ["viewer", "responder", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

/** Who is asking: a signed-in user or an API token acting for one. */
export type Principal = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "cli";
  tokenId?: string;
};

/** Throws `forbidden` unless the principal holds at least `required`. */
export function assertRole(principal: Principal | null | undefined, required: Role): asserts principal is Principal {
  if (!principal) throw new AppError("unauthorized", "Sign in or send a valid API token.");
  if (!hasRole(principal.role, required)) {
    throw new AppError("forbidden", `This needs the ${required} role; you are ${principal.role}.`);
  }
}

/** The admin CLI acts as this principal; audit entries show it as "cli". */
export const cliPrincipal: Principal = { userId: "cli", email: "cli", name: "Admin CLI", role: "admin", via: "cli" };

export function auditActor(p: Principal): { actorId: string | null; actorEmail: string } {
  return { actorId: p.via === "cli" ? null : p.userId, actorEmail: p.email };
}
