"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { autosaveReducer, initialAutosave, isDirty, isSettled, nextStep, type AutosaveState, type SaveProblem } from "@/lib/postmortems/autosave";
import type { PostmortemDocument } from "@/lib/postmortems/document";
import { savePostmortemAction } from "@/lib/postmortems/actions";

export type SavePayload = { ok: true; document: PostmortemDocument; tags: string[]; reason?: string } | { ok: false; problem: SaveProblem };

/**
 * Drives the pure autosave machine (lib/postmortems/autosave.ts) with the clock and the server:
 * `edited()` after each change, `flush()` to save now. `payload()` is read at the moment a save
 * goes out, so it always carries the latest text. With `manual`, only `flush()` saves.
 */
export function useAutosave({ id, version, payload, manual = false, delayMs = 2_000 }: { id: string; version: number; payload: () => SavePayload; manual?: boolean; delayMs?: number }) {
  const [state, dispatch] = useReducer(autosaveReducer, version, initialAutosave);
  const payloadRef = useRef(payload);
  const stateRef = useRef(state);
  const waiters = useRef<((s: AutosaveState) => void)[]>([]);
  useEffect(() => {
    payloadRef.current = payload;
    stateRef.current = state;
    if (waiters.current.length && isSettled(state)) for (const resolve of waiters.current.splice(0)) resolve(state);
  });
  // Re-evaluates the schedule when a debounce wait ends.
  const [tick, setTick] = useState(0);

  const save = useCallback(
    async (base: AutosaveState) => {
      const p = payloadRef.current();
      if (!p.ok) {
        dispatch({ type: "blocked", problem: p.problem });
        return;
      }
      dispatch({ type: "start" });
      try {
        const r = await savePostmortemAction(id, { version: base.version, document: p.document, tags: p.tags, ...(p.reason !== undefined ? { reason: p.reason } : {}) });
        if (r.ok) dispatch({ type: "saved", version: r.version, updatedAt: r.updatedAt });
        else dispatch({ type: "failed", problem: { message: r.message, fieldErrors: r.fieldErrors }, conflict: r.conflict });
      } catch {
        dispatch({ type: "failed", problem: { message: "Keel could not be reached; your text is kept here. Keep writing, or press Save to try again." } });
      }
    },
    [id],
  );

  useEffect(() => {
    if (manual && !state.flushRequested) return;
    const step = nextStep(state, Date.now(), delayMs);
    if (step.kind === "save") void save(state);
    else if (step.kind === "wait") {
      const t = setTimeout(() => setTick((n) => n + 1), step.ms);
      return () => clearTimeout(t);
    }
  }, [state, tick, manual, delayMs, save]);

  return {
    state,
    edited: useCallback(() => dispatch({ type: "edit", at: Date.now() }), []),
    flush: useCallback(() => dispatch({ type: "flush" }), []),
    loaded: useCallback((v: number) => dispatch({ type: "loaded", version: v }), []),
    /** Saves what is typed now and resolves once that save is done (or refused). */
    settle: useCallback((): Promise<AutosaveState> => {
      const now = stateRef.current;
      if (isSettled(now) && !(isDirty(now) && !now.conflict)) return Promise.resolve(now);
      dispatch({ type: "flush" });
      return new Promise((resolve) => waiters.current.push(resolve));
    }, []),
  };
}
