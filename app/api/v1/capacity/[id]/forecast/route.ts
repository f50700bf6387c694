import { apiRoute } from "@/lib/api/handler";
import { problem, validationError } from "@/lib/errors";
import { forecastJson } from "@/lib/capacity/forecast-json";
import { getCapacityResource } from "@/lib/capacity/queries";
import { forecastResource } from "@/lib/capacity/resource-forecast";
import { horizonSchema } from "@/lib/capacity/schemas";

type P = { id: string };

/**
 * The forecast over `?horizon=` (default 30d): dates of the warning level and the limit with their
 * bounds, the model and its backtest, the series for a chart. 422 when the history cannot be
 * forecast (no data, too little of it), 502 when Prometheus could not answer.
 */
export const GET = apiRoute<P>(async (req, principal, { id }) => {
  const horizon = horizonSchema.safeParse(new URL(req.url).searchParams.get("horizon") ?? undefined);
  if (!horizon.success) throw validationError(horizon.error);
  const resource = await getCapacityResource(principal, id);
  const rf = await forecastResource(principal, resource, { horizonMs: horizon.data });
  if (!rf.ok) return problem(rf.problem.code === "query-failed" ? "bad_gateway" : "unprocessable", rf.problem.message);
  return Response.json(forecastJson(resource, rf));
});
