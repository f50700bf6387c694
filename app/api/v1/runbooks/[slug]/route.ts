import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteRunbook, getRunbook, updateRunbook } from "@/lib/runbooks/queries";
import { runbookUpdateSchema } from "@/lib/runbooks/schemas";

type P = { slug: string };

export const GET = apiRoute<P>(async (_req, principal, { slug }) => Response.json(await getRunbook(principal, slug)));

/** Replaces the runbook's content (admin); send `version` to refuse the save if someone else saved first. */
export const PUT = apiRoute<P>(async (req, principal, { slug }) => Response.json(await updateRunbook(principal, slug, await readJson(req, runbookUpdateSchema))));

export const DELETE = apiRoute<P>(async (_req, principal, { slug }) => {
  await deleteRunbook(principal, slug);
  return new Response(null, { status: 204 });
});
