"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PromData, PromSample, PromMatrixResult, PromVectorResult } from "./series";
import { refetchIntervalFor, resolveTimeRange, timeRangeKey, type TimeRange } from "./time-range";

export type PromErrorType = "bad_data" | "timeout" | "unavailable" | "not_found" | "unauthorized" | "forbidden" | "network" | "invalid_response" | (string & {});

/** A failed proxy call: HTTP status (0 = network failure), Prometheus errorType, message to show. */
export class PromQueryError extends Error {
  readonly status: number;
  readonly errorType: PromErrorType;
  readonly position?: { line: number; column: number };
  constructor(message: string, status: number, errorType: PromErrorType, position?: { line: number; column: number }) {
    super(message);
    this.name = "PromQueryError";
    this.status = status;
    this.errorType = errorType;
    this.position = position;
  }
}

export type PromRangeResult = {
  data: PromData; // resultType "matrix" in practice
  warnings: string[];
  /** Step the server used (X-Keel-Step), seconds; null when absent. */
  step: number | null;
  /** The absolute window that was queried, ms. */
  start: number;
  end: number;
};

export type PromInstantResult = { data: PromData; warnings: string[]; time: number };

export type PromRangeParams = {
  datasourceId: string;
  query: string;
  start: number; // ms
  end: number; // ms
  /** Seconds or a Prometheus duration ("30s"); omit to let the server pick from `width`. */
  step?: number | string;
  width?: number;
  maxPoints?: number;
  signal?: AbortSignal;
};

export type PromInstantParams = { datasourceId: string; query: string; time?: number; signal?: AbortSignal };

const base = (id: string) => `/api/v1/datasources/${encodeURIComponent(id)}`;
const seconds = (ms: number) => String(Math.floor(ms / 1000));

async function promGet(url: string, signal?: AbortSignal): Promise<{ body: { data: PromData; warnings?: string[] }; res: Response }> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (signal?.aborted || (err instanceof DOMException && err.name === "AbortError")) throw err;
    throw new PromQueryError("Could not reach Keel. Check your connection and try again.", 0, "network");
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch (err) {
    if (signal?.aborted) throw err;
  }
  const b = (body ?? {}) as { status?: string; data?: PromData; warnings?: unknown; error?: unknown; errorType?: unknown; position?: unknown };
  if (!res.ok || b.status !== "success") {
    const message = typeof b.error === "string" && b.error ? b.error : res.ok ? "The server sent an unexpected response." : `Query failed (HTTP ${res.status}).`;
    const type = typeof b.errorType === "string" ? b.errorType : res.ok ? "invalid_response" : "unavailable";
    const pos = b.position as { line?: unknown; column?: unknown } | undefined;
    const position = pos && typeof pos.line === "number" && typeof pos.column === "number" ? { line: pos.line, column: pos.column } : undefined;
    throw new PromQueryError(message, res.ok ? 502 : res.status, type, position);
  }
  if (!b.data || typeof b.data !== "object") throw new PromQueryError("The server sent an unexpected response.", 502, "invalid_response");
  const warnings = Array.isArray(b.warnings) ? b.warnings.filter((w): w is string => typeof w === "string") : [];
  return { body: { data: b.data, warnings }, res };
}

export async function fetchPromRange(p: PromRangeParams): Promise<PromRangeResult> {
  const q = new URLSearchParams({ query: p.query, start: seconds(p.start), end: seconds(p.end) });
  if (p.step !== undefined) q.set("step", String(p.step));
  if (p.width !== undefined) q.set("width", String(Math.round(p.width)));
  if (p.maxPoints !== undefined) q.set("maxPoints", String(Math.round(p.maxPoints)));
  const { body, res } = await promGet(`${base(p.datasourceId)}/query_range?${q}`, p.signal);
  const stepHeader = Number(res.headers.get("X-Keel-Step"));
  return { data: body.data, warnings: body.warnings ?? [], step: stepHeader > 0 ? stepHeader : null, start: p.start, end: p.end };
}

export async function fetchPromInstant(p: PromInstantParams & { now?: number }): Promise<PromInstantResult> {
  const time = p.time ?? p.now ?? Date.now();
  const q = new URLSearchParams({ query: p.query, time: seconds(time) });
  const { body } = await promGet(`${base(p.datasourceId)}/query?${q}`, p.signal);
  return { data: body.data, warnings: body.warnings ?? [], time };
}

/**
 * Query keys. A relative range is keyed by its preset ("24h"), not by timestamps, so every chart
 * showing the same query, range and width shares one request and one cache entry.
 */
export const promKeys = {
  all: ["prom"] as const,
  datasource: (datasourceId: string) => [...promKeys.all, datasourceId] as const,
  range: (datasourceId: string, query: string, range: TimeRange, opts: { width?: number; maxPoints?: number } = {}) =>
    [...promKeys.datasource(datasourceId), "range", query, timeRangeKey(range), { width: opts.width ?? null, maxPoints: opts.maxPoints ?? null }] as const,
  instant: (datasourceId: string, query: string, time?: number) => [...promKeys.datasource(datasourceId), "instant", query, time ?? "now"] as const,
};

export type UsePromRangeOptions = {
  datasourceId: string;
  query: string;
  range: TimeRange;
  width?: number;
  maxPoints?: number;
  enabled?: boolean;
};

export function usePromRange({ datasourceId, query, range, width, maxPoints, enabled = true }: UsePromRangeOptions) {
  const interval = refetchIntervalFor(range);
  return useQuery<PromRangeResult, PromQueryError>({
    queryKey: promKeys.range(datasourceId, query, range, { width, maxPoints }),
    queryFn: ({ signal }) => {
      const { start, end } = resolveTimeRange(range, Date.now());
      return fetchPromRange({ datasourceId, query, start, end, width, maxPoints, signal });
    },
    enabled: enabled && query.trim() !== "" && datasourceId !== "",
    refetchInterval: interval,
    refetchOnWindowFocus: false,
    // Fresh until the next scheduled refresh; a past (custom) window barely changes.
    staleTime: interval === false ? 5 * 60_000 : interval,
    placeholderData: keepPreviousData,
  });
}

export type UsePromInstantOptions = {
  datasourceId: string;
  query: string;
  /** ms; omit for "now" (then refreshed every `refetchInterval`, default 60 s). */
  time?: number;
  refetchInterval?: number | false;
  enabled?: boolean;
};

export function usePromInstant({ datasourceId, query, time, refetchInterval = 60_000, enabled = true }: UsePromInstantOptions) {
  const interval = time === undefined ? refetchInterval : false;
  return useQuery<PromInstantResult, PromQueryError>({
    queryKey: promKeys.instant(datasourceId, query, time),
    queryFn: ({ signal }) => fetchPromInstant({ datasourceId, query, time, signal }),
    enabled: enabled && query.trim() !== "" && datasourceId !== "",
    refetchInterval: interval,
    refetchOnWindowFocus: false,
    staleTime: interval === false ? 5 * 60_000 : interval,
  });
}

export type { PromData, PromSample, PromMatrixResult, PromVectorResult };
