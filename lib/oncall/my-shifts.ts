/**
 * A person's coming stretches in a schedule, to offer for a swap: where they are the final
 * on-call (layer null), and where they are on call on a layer below the final one (that layer).
 * Stretches that have started are left out (they cannot be offered). Pure.
 */
import type { FinalShift } from "./types";

export type MyStretch = { startMs: number; endMs: number; layerId: string | null };

export function myStretches(shifts: readonly FinalShift[], userId: string, nowMs: number): MyStretch[] {
  const out: MyStretch[] = [];
  const open = new Map<string, MyStretch>();
  for (const s of shifts) {
    const keys = s.userIds.includes(userId) ? ["final"] : s.layers.filter((l) => l.userIds.includes(userId)).map((l) => l.layerId);
    for (const [k, cur] of open) {
      if (!keys.includes(k) || cur.endMs !== s.startMs) open.delete(k);
    }
    for (const k of keys) {
      const cur = open.get(k);
      if (cur) cur.endMs = s.endMs;
      else {
        const fresh = { startMs: s.startMs, endMs: s.endMs, layerId: k === "final" ? null : k };
        open.set(k, fresh);
        out.push(fresh);
      }
    }
  }
  return out.filter((x) => x.startMs >= nowMs).sort((a, b) => a.startMs - b.startMs);
}
