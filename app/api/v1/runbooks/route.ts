import { apiRoute, readJson } from "@/lib/api/handler";
import { createRunbook, listRunbooks } from "@/lib/runbooks/queries";
import { runbookInputSchema } from "@/lib/runbooks/schemas";

/** Runbooks by title; ?q= matches title, slug, scenario and alert names. */
export const GET = apiRoute(async (req, principal) => Response.json(await listRunbooks(principal, { q: new URL(req.url).searchParams.get("q") || undefined })));

/** Creates a runbook (admin). */
export const POST = apiRoute(async (req, principal) => {
  const runbook = await createRunbook(principal, await readJson(req, runbookInputSchema));
  return Response.json(runbook, { status: 201, headers: { Location: `/api/v1/runbooks/${runbook.slug}` } });
});
