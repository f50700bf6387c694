import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { proxyPrometheus } from "@/lib/prometheus/proxy";

type P = { id: string; endpoint: string[] };

export const dynamic = "force-dynamic";

/** The Prometheus HTTP API, read-only, against the stored data source `id` (or "default"). */
export const GET = apiRoute<P>(async (req, principal, { id, endpoint }) => proxyPrometheus(principal, id, endpoint, new URL(req.url).searchParams, req.signal));

/** Prometheus clients may POST form-encoded parameters; they are merged with the query string. */
export const POST = apiRoute<P>(async (req, principal, { id, endpoint }) => {
  const params = new URL(req.url).searchParams;
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) throw new AppError("bad_request", "Send parameters as application/x-www-form-urlencoded, as Prometheus expects.");
  for (const [k, v] of new URLSearchParams(await req.text())) params.append(k, v);
  return proxyPrometheus(principal, id, endpoint, params, req.signal);
});
