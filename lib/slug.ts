/**
 * A machine name from a display name: "Checkout API — p99 < 500 ms" → "checkout-api-p99-500-ms".
 * Accents are dropped, every other run of non-alphanumerics becomes one hyphen, at most 63
 * characters. May return "" when nothing usable is left. Pure; used by every form that suggests a slug.
 */
export function slugify(displayName: string): string {
  return displayName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
