import { apiRoute } from "@/lib/api/handler";
import { postmortemMarkdownFor } from "@/lib/postmortems/export";

type P = { id: string };

/** The postmortem as Markdown, every section heading of the template included. `?download=1` names it as a file. */
export const GET = apiRoute<P>(async (req, principal, { id }) => {
  const { markdown, filename } = await postmortemMarkdownFor(principal, id);
  const headers: Record<string, string> = { "Content-Type": "text/markdown; charset=utf-8" };
  if (new URL(req.url).searchParams.get("download")) headers["Content-Disposition"] = `attachment; filename="${filename}"`;
  return new Response(markdown, { headers });
});
