import "server-only";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getCapacityResource } from "./queries";

/** The page's user and resource; a 404 page for an id that is not a resource. */
export async function loadCapacityResource(id: string, role: Role = "viewer") {
  const user = await requirePage(role);
  const resource = await getCapacityResource(user, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return { user, resource };
}
