import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { importSlos } from "@/lib/slo/import";

const MAX_BYTES = 1_000_000;

/** OpenSLO v1 (multi-document) or Sloth prometheus/v1 YAML as the body; all or nothing. */
export const POST = apiRoute(async (req, principal) => {
  const text = await req.text();
  if (text.length > MAX_BYTES) throw new AppError("bad_request", "The file is larger than 1 MB.");
  if (!text.trim()) throw new AppError("bad_request", "Send the YAML as the request body (Content-Type: application/yaml).");
  const result = await importSlos(principal, text);
  return Response.json(result, { status: result.created.length ? 201 : 200 });
});
