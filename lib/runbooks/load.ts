import "server-only";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getRunbook } from "@/lib/runbooks/queries";

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The page's user and runbook; a 404 page for a slug that is not a runbook. */
export async function loadRunbook(slug: string, role: Role = "viewer") {
  const user = await requirePage(role);
  const runbook = await getRunbook(user, decode(slug)).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return { user, runbook };
}
