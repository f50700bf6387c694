/**
 * A short fingerprint of what an SLI measures, written as the `keel_sli` label on recorded error
 * ratios, so Keel reads a recorded series only while it still matches the SLO's definition (rules
 * not yet reloaded after an edit are ignored, not trusted). Pure: FNV-1a over canonical JSON.
 */
import type { SliSpec } from "./definition";

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null && x !== "");
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export function sliHash(sli: SliSpec): string {
  let h = 0x811c9dc5;
  const text = canonical(sli);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export const SLI_HASH_LABEL = "keel_sli";
