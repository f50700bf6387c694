import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { AppError, type FieldErrors } from "@/lib/errors";
import { instantQuery, PromQueryFailed, type VectorSample } from "@/lib/prometheus/server-query";

/**
 * Runs a resource's queries once, now, through Keel's Prometheus layer: each must parse and return
 * exactly one series (the forecast follows one line), and a limit query a positive value. Problems
 * come back per field; a data source that cannot be reached throws (nothing could be checked).
 */
export type CapacityQueries = { datasourceId: string | null; usageQuery: string; limitQuery: string | null };
export type QueryChecker = (actor: Principal, q: CapacityQueries) => Promise<FieldErrors>;

const MAX_LABELS_SHOWN = 3;

/** `name{a="x", b="y"}`, as Prometheus shows a series. */
function seriesText(metric: Record<string, string>): string {
  const pairs = Object.entries(metric)
    .filter(([k]) => k !== "__name__")
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${metric.__name__ ?? ""}{${pairs.join(", ")}}`;
}

/** What is wrong with a query's answer, or null. */
export function seriesProblem(samples: readonly VectorSample[], what: "usage" | "limit"): string | null {
  if (samples.length === 0) return `The ${what} query returns no series now: check the metric name and the label matchers.`;
  if (samples.length > 1) {
    const shown = samples.slice(0, MAX_LABELS_SHOWN).map((s) => seriesText(s.metric));
    const more = samples.length > MAX_LABELS_SHOWN ? `, and ${samples.length - MAX_LABELS_SHOWN} more` : "";
    return `The ${what} query returns ${samples.length} series (${shown.join(", ")}${more}); a capacity resource follows exactly one: aggregate it, e.g. with sum(…) or max(…), or pick one with a label matcher.`;
  }
  if (what === "limit" && !(samples[0].value > 0)) return `The limit query returns ${samples[0].value} now; a limit must be positive.`;
  return null;
}

async function checkOne(actor: Principal, ds: string, query: string, what: "usage" | "limit"): Promise<string | null> {
  try {
    return seriesProblem(await instantQuery(actor, ds, query), what);
  } catch (err) {
    if (!(err instanceof PromQueryFailed)) throw err;
    if (err.status === 400 || err.status === 422) return `Prometheus refused the ${what} query: ${err.message}`;
    if (err.status === 404) throw new AppError("bad_request", "Some fields are invalid.", { datasourceId: [err.message] });
    throw new AppError(err.status === 504 ? "gateway_timeout" : "bad_gateway", `Could not check the queries against the data source: ${err.message}`);
  }
}

export const checkCapacityQueries: QueryChecker = async (actor, q) => {
  const ds = q.datasourceId ?? "default";
  const [usage, limit] = await Promise.all([checkOne(actor, ds, q.usageQuery, "usage"), q.limitQuery ? checkOne(actor, ds, q.limitQuery, "limit") : null]);
  const fields: FieldErrors = {};
  if (usage) fields.usageQuery = [usage];
  if (limit) fields.limitQuery = [limit];
  return fields;
};
