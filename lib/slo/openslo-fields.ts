/**
 * Field conversions shared by the OpenSLO and Sloth importers: names, labels, percentages. Pure.
 */
import { labelsSchema } from "@/lib/services/schemas";
import { isRecord, type DocScope } from "./interop-errors";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 63;

export function isSlug(s: string): boolean {
  return s.length >= 2 && s.length <= SLUG_MAX && SLUG.test(s);
}

import { slugify } from "@/lib/slug";

export { slugify };

/** The Keel slug for an imported name: kept when already one, else slugified with a note. */
export function slugFor(name: string, field: string, scope: DocScope): string | undefined {
  if (isSlug(name)) return name;
  const slug = slugify(name);
  if (!isSlug(slug)) {
    return scope.error(`${field} "${name}" cannot be made into a Keel slug: use 2–63 lowercase letters, digits and hyphens.`);
  }
  scope.note(`${field} "${name}" is not a Keel slug (lowercase letters, digits, single hyphens); imported as "${slug}".`);
  return slug;
}

/**
 * Labels as Keel stores them. OpenSLO allows a list of values per key: the values are joined
 * with ",". Numbers and booleans become their text.
 */
export function readLabels(v: unknown, field: string, scope: DocScope): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) {
    scope.error(`${field} must be a map of label names to values.`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(isScalar)) {
      scope.error(`${field}.${key} must be a string or a list of strings.`);
      continue;
    }
    out[key] = values.map(String).join(",");
  }
  const checked = labelsSchema.safeParse(out);
  for (const issue of checked.error?.issues ?? []) {
    const at = issue.path.length > 0 ? `${field}.${issue.path.map(String).join(".")}` : field;
    // A bad label name comes as "invalid_key" with the key schema's own message nested inside.
    const nested = issue.code === "invalid_key" ? issue.issues[0]?.message : undefined;
    scope.error(`${at}: ${nested ?? issue.message}`);
  }
  return out;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** 99.9 → 0.999 without binary noise (99.9 / 100 is 0.9990000000000001 in floating point). */
export function percentToRatio(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}

/** A number from YAML (a quoted number is accepted too), or undefined. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
