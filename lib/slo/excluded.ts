import "server-only";
import type { Interval } from "./count-plan";
import { correctionsForSlos } from "./correction-queries";
import { correctionIntervals } from "./corrections";

/** Each SLO's maintenance windows and corrections that overlap [fromMs, toMs), merged; one query. */
export async function excludedForSlos(sloIds: string[], fromMs: number, toMs: number): Promise<Map<string, Interval[]>> {
  if (!sloIds.length) return new Map();
  const bySlo = await correctionsForSlos(sloIds);
  return new Map(sloIds.map((id) => [id, correctionIntervals(bySlo.get(id) ?? [], fromMs, toMs).map(({ startMs, endMs }) => ({ startMs, endMs }))]));
}

/** One SLO's maintenance windows and corrections that overlap [fromMs, toMs), merged. */
export async function excludedIntervals(sloId: string, fromMs: number, toMs: number): Promise<Interval[]> {
  return (await excludedForSlos([sloId], fromMs, toMs)).get(sloId) ?? [];
}
