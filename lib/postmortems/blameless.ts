/**
 * The blameless-language helper: finds blaming phrasing in a text and suggests a systems-focused
 * wording (rules in blameless-rules.ts). Advisory only: it never blocks a save.
 *
 * Code (fenced blocks, inline `code`), URLs and link destinations are not checked: a log line
 * saying "failed to connect" or a /forgot-password path is not the author's phrasing.
 */
import { RULES, type RuleId } from "./blameless-rules";

export type BlamelessFinding = {
  /** Offsets in the text (UTF-16, as String.slice takes them); `end` is exclusive. */
  start: number;
  end: number;
  /** The text flagged, as written. */
  phrase: string;
  suggestion: string;
  rule: RuleId;
};

const MAX_FINDINGS = 200;

/** The text with code, URLs and link destinations blanked out (same length, newlines kept). */
export function maskUnchecked(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  return (
    maskFences(text)
      // Inline code spans: `x`, ``x ` y``.
      .replace(/(?<!`)(`+)(?!`)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)/g, blank)
      // Link destinations: ](…)
      .replace(/\]\([^)\n]*\)/g, blank)
      // Bare URLs and <autolinks>.
      .replace(/<?\b(?:https?|mailto|ftp):[^\s>)]*>?/gi, blank)
      .replace(/\bwww\.[^\s)]+/gi, blank)
  );
}

/** Blanks fenced code blocks (``` or ~~~, up to a closing fence of the same kind or the end). */
function maskFences(text: string): string {
  const lines = text.split("\n");
  let fence: string | null = null;
  return lines
    .map((line) => {
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === null) {
        if (!m) return line;
        fence = m[1];
        return " ".repeat(line.length);
      }
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      return " ".repeat(line.length);
    })
    .join("\n");
}

/** Every finding in `text`, in order of position. Findings inside a longer one are dropped. */
export function checkBlameless(text: string): BlamelessFinding[] {
  if (!text) return [];
  const masked = maskUnchecked(text);
  const found: BlamelessFinding[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of masked.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (rule.accept && !rule.accept(masked, start, end)) continue;
      found.push({ start, end, phrase: text.slice(start, end), suggestion: rule.suggestion, rule: rule.id });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BlamelessFinding[] = [];
  let reach = -1;
  for (const f of found) {
    // Sorted by start, longest first: a finding ending within the previous reach is nested in it.
    if (f.end <= reach) continue;
    out.push(f);
    reach = Math.max(reach, f.end);
    if (out.length >= MAX_FINDINGS) break;
  }
  return out;
}

/** Findings per text field (e.g. the document's sections), only for fields that have some. */
export function checkBlamelessFields(fields: Readonly<Record<string, string>>): Record<string, BlamelessFinding[]> {
  const out: Record<string, BlamelessFinding[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    const findings = checkBlameless(value);
    if (findings.length) out[key] = findings;
  }
  return out;
}
