/**
 * Rotation edits change the future only. A layer keeps its versions; an edit at `atMs` ends the
 * version in force then and starts the new definition at `atMs`, so every shift before `atMs` is
 * what it was (the current turn is cut at `atMs`), and from `atMs` on the new rotation decides,
 * counting its turns from its own start date. Versions that were to take effect at or after
 * `atMs` (edits scheduled ahead) are replaced. Pure; the caller passes `now` as `atMs` (or a
 * future instant for a planned change).
 */
import { checkLayer } from "./layer";
import type { Layer, LayerDefinition } from "./types";

export function editLayer(layer: Layer, next: LayerDefinition, atMs: number): Layer {
  if (!Number.isFinite(atMs)) throw new RangeError("An edit needs the instant it takes effect.");
  const kept = layer.versions.filter((v) => (v.effectiveFrom ?? -Infinity) < atMs);
  // An edit before the layer's first version took effect leaves nothing of the old definition.
  const edited: Layer = { ...layer, versions: [...kept, { ...next, effectiveFrom: atMs }] };
  checkLayer(edited);
  return edited;
}

/** The definition in force at `atMs`, or null before the layer's first version. */
export function versionAt(layer: Layer, atMs: number): LayerDefinition | null {
  let found: LayerDefinition | null = null;
  for (const v of layer.versions) if ((v.effectiveFrom ?? -Infinity) <= atMs) found = v;
  return found;
}
