import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { loadPrincipal } from "./principal";
import { hasRole, type Principal, type Role } from "./roles";

/** The signed-in user, re-read from the database each request (role changes and disabling apply at once). */
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadPrincipal(id) : null;
});

/** For pages: send anonymous visitors to sign in. Pages only decide what to show; actions check again. */
export async function requirePage(role: Role = "viewer"): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) redirect("/login");
  if (!hasRole(p.role, role)) redirect("/?denied=1");
  return p;
}
