import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { proxyPrometheus } from "./proxy";

export type VectorSample = { metric: Record<string, string>; value: number };

export class PromQueryFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "PromQueryFailed";
  }
}

/**
 * An instant query from Keel's own server code, through the same path as the browser's (role check,
 * cache, coalescing, time-out, error mapping). Returns the vector's samples (a scalar as one sample).
 */
export async function instantQuery(actor: Principal, datasource: string, query: string, timeMs?: number): Promise<VectorSample[]> {
  const params = new URLSearchParams({ query });
  if (timeMs !== undefined) params.set("time", String(timeMs / 1000));
  const res = await proxyPrometheus(actor, datasource, ["query"], params);
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] | [number, string] };
  };
  if (res.status !== 200 || body.status !== "success" || !body.data) throw new PromQueryFailed(body.error ?? `HTTP ${res.status}`, res.status);
  if (body.data.resultType === "scalar") return [{ metric: {}, value: Number((body.data.result as [number, string])[1]) }];
  return (body.data.result as { metric: Record<string, string>; value: [number, string] }[]).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** The single value of a query expected to return at most one series; null when it returns none. */
export async function scalarQuery(actor: Principal, datasource: string, query: string, timeMs?: number): Promise<number | null> {
  const samples = await instantQuery(actor, datasource, query, timeMs);
  if (samples.length > 1) throw new PromQueryFailed(`The query returns ${samples.length} series; aggregate it to one (e.g. with sum(...)).`, 400);
  const v = samples[0]?.value;
  return v === undefined || !Number.isFinite(v) ? null : v;
}

/** A range query from server code (same path as the browser's): one [ms, value] list per series. */
export async function rangeQuery(
  actor: Principal,
  datasource: string,
  query: string,
  o: { startMs: number; endMs: number; stepMs: number },
): Promise<{ metric: Record<string, string>; values: [number, number][] }[]> {
  const params = new URLSearchParams({ query, start: String(o.startMs / 1000), end: String(o.endMs / 1000), step: String(o.stepMs / 1000) });
  const res = await proxyPrometheus(actor, datasource, ["query_range"], params);
  const body = (await res.json()) as { status: string; error?: string; data?: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  if (res.status !== 200 || body.status !== "success" || !body.data) throw new PromQueryFailed(body.error ?? `HTTP ${res.status}`, res.status);
  return body.data.result.map((r) => ({ metric: r.metric, values: r.values.map(([t, v]) => [t * 1000, Number(v)] as [number, number]) }));
}
