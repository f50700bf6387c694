/**
 * A mapping rule's label match written as Prometheus writes matchers, for the settings form:
 * `alertname="DiskFull", team=~"pay.*"`. `=` is an exact value, `=~` a regular expression that
 * must match the whole value. Pure.
 */
import type { LabelMatcher } from "@/db/schema/integrations";

export type MatcherParse = { ok: true; match: Record<string, LabelMatcher> } | { ok: false; error: string };

const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;

const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/** Parses `a="x", b=~"y.*"` (braces optional). An empty text matches every alert. */
export function parseMatchers(text: string): MatcherParse {
  let src = text.trim();
  if (src.startsWith("{") && src.endsWith("}")) src = src.slice(1, -1).trim();
  const match: Record<string, LabelMatcher> = {};
  if (!src) return { ok: true, match };
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < src.length) {
    const at = MATCHER.lastIndex;
    const m = MATCHER.exec(src);
    if (!m) return { ok: false, error: `Cannot read the matcher at "${src.slice(at, at + 30).trim()}": write label="value" or label=~"regex", separated by commas.` };
    const [, name, op, raw, sep] = m;
    if (name in match) return { ok: false, error: `The label ${name} is matched twice.` };
    const value = unescape(raw);
    match[name] = op === "=~" ? { regex: value } : value;
    if (!sep) break;
  }
  return { ok: true, match };
}

/** `alertname` first, then the other labels by name: stored rules do not keep the order typed. */
const labelOrder = (a: string, b: string) => (a === "alertname" ? -1 : b === "alertname" ? 1 : a.localeCompare(b));

/** The inverse of `parseMatchers`. */
export function formatMatchers(match: Record<string, LabelMatcher>): string {
  return Object.entries(match)
    .sort(([a], [b]) => labelOrder(a, b))
    .map(([name, m]) => (typeof m === "string" ? `${name}="${escape(m)}"` : `${name}=~"${escape(m.regex)}"`))
    .join(", ");
}
