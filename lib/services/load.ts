import "server-only";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getService } from "./queries";

/** For service pages: the signed-in user and the service, or the not-found page. */
export async function loadService(slug: string) {
  const user = await requirePage();
  try {
    return { user, service: await getService(user, slug) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
