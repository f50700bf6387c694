import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { PromQueryFailed, instantQuery, scalarQuery } from "./server-query";
import { batchExpression, BATCH_LABEL } from "./batch-expression";

export type ScalarResult = { value: number | null } | { error: PromQueryFailed };

/** Few enough parts per request that one request stays well inside Prometheus's sample limit. */
export const DEFAULT_CHUNK = 16;

async function one(actor: Principal, ds: string, query: string, timeMs: number): Promise<ScalarResult> {
  try {
    return { value: await scalarQuery(actor, ds, query, timeMs) };
  } catch (err) {
    if (err instanceof PromQueryFailed) return { error: err };
    throw err;
  }
}

async function chunk(actor: Principal, ds: string, queries: readonly string[], timeMs: number): Promise<ScalarResult[]> {
  if (queries.length === 1) return [await one(actor, ds, queries[0], timeMs)];
  let samples;
  try {
    samples = await instantQuery(actor, ds, batchExpression(queries), timeMs);
  } catch (err) {
    // One bad part fails the whole expression: ask part by part, so each gets its own answer.
    if (err instanceof PromQueryFailed && (err.status === 400 || err.status === 422)) return Promise.all(queries.map((q) => one(actor, ds, q, timeMs)));
    throw err;
  }
  const byPart = new Map<number, number[]>();
  for (const s of samples) {
    const i = Number(s.metric[BATCH_LABEL]);
    byPart.set(i, [...(byPart.get(i) ?? []), s.value]);
  }
  return queries.map((_q, i) => {
    const values = byPart.get(i) ?? [];
    if (values.length > 1) return { error: new PromQueryFailed(`The query returns ${values.length} series; aggregate it to one (e.g. with sum(...)).`, 400) };
    const v = values[0];
    return { value: v === undefined || !Number.isFinite(v) ? null : v };
  });
}

/**
 * Many single-series queries at one instant in a few requests: duplicates asked once, each part
 * labelled and joined with `or`, `chunkSize` parts a request. Answers come back in order, each a value (null for no series) or
 * that part's own error. An unreachable data source still throws, as for a single query.
 */
export async function batchScalars(actor: Principal, ds: string, queries: readonly string[], timeMs: number, chunkSize = DEFAULT_CHUNK): Promise<ScalarResult[]> {
  const unique = [...new Set(queries)]; // SLOs on one service often share their queries
  const parts: Promise<ScalarResult[]>[] = [];
  for (let i = 0; i < unique.length; i += chunkSize) parts.push(chunk(actor, ds, unique.slice(i, i + chunkSize), timeMs));
  const answers = new Map<string, ScalarResult>();
  (await Promise.all(parts)).flat().forEach((r, i) => answers.set(unique[i], r));
  return queries.map((q) => answers.get(q)!);
}
