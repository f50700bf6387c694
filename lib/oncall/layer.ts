/**
 * A layer's shifts: each version's rotation turns, within the version's time in force, clipped to
 * its restrictions. Pure.
 */
import { applyRestrictions, checkRestriction } from "./restrictions";
import { checkRotation, maxTurnMs, rotationTurns } from "./rotation";
import type { Layer, LayerDefinition, LayerShift } from "./types";
import { assertTimeZone, DAY_MS } from "./zone";

/** The longest range one call computes: five years. */
export const MAX_RANGE_MS = 5 * 366 * DAY_MS;

export function checkRange(fromMs: number, toMs: number): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError("The range needs finite start and end instants.");
  if (toMs - fromMs > MAX_RANGE_MS) throw new RangeError("The range is longer than five years.");
}

/** A layer with one version, in force since always. */
export function newLayer(id: string, name: string, definition: LayerDefinition): Layer {
  return { id, name, versions: [{ ...definition }] };
}

/** Throws a RangeError that says what is wrong with a layer's definition or history. */
export function checkLayer(layer: Layer): void {
  if (!layer.versions.length) throw new RangeError(`Layer "${layer.name}" has no definition.`);
  layer.versions.forEach((v, i) => {
    checkRotation(v.rotation);
    v.restrictions?.forEach(checkRestriction);
    if (i > 0) {
      const prev = layer.versions[i - 1].effectiveFrom ?? -Infinity;
      if (v.effectiveFrom === undefined || !(v.effectiveFrom > prev)) throw new RangeError(`Layer "${layer.name}": version ${i + 1} must take effect after version ${i}.`);
    }
  });
}

/** The longest a turn of any version can last, in ms. */
export function layerMaxTurnMs(layer: Layer): number {
  return Math.max(...layer.versions.map((v) => maxTurnMs(v.rotation)));
}

/**
 * The layer's shifts overlapping [fromMs, toMs), clipped to it, in order, never overlapping. A
 * version's turns end where the next version takes effect; when the same person is on call on
 * both sides of that instant the two pieces are one shift (an edit that keeps the current person
 * does not split their shift). Turns of one version are never merged, even when one person has
 * two in a row.
 */
export function layerShifts(layer: Layer, zone: string, fromMs: number, toMs: number): LayerShift[] {
  assertTimeZone(zone);
  checkRange(fromMs, toMs);
  checkLayer(layer);
  const out: LayerShift[] = [];
  layer.versions.forEach((v, version) => {
    const lo = Math.max(fromMs, v.effectiveFrom ?? -Infinity);
    const hi = Math.min(toMs, layer.versions[version + 1]?.effectiveFrom ?? Infinity);
    if (!(hi > lo)) return;
    const turns: LayerShift[] = rotationTurns(v.rotation, zone, lo, hi).map((t) => ({
      layerId: layer.id,
      userId: t.userId,
      startMs: Math.max(lo, t.startMs),
      endMs: Math.min(hi, t.endMs),
      version,
      turn: t.turn,
    }));
    for (const piece of applyRestrictions(turns, v.restrictions, zone)) {
      const last = out.at(-1);
      if (last && last.version !== piece.version && last.userId === piece.userId && last.endMs === piece.startMs) last.endMs = piece.endMs;
      else out.push(piece);
    }
  });
  return out;
}
