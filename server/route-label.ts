import { readdirSync, statSync } from "node:fs";
import path from "node:path";

type Pattern = { label: string; re: RegExp; score: number };

/**
 * Route patterns from the app directory (`/services/[slug]`), so request metrics are labelled by
 * route and never by raw path (bounded label cardinality).
 */
export function routePatterns(appDir: string): Pattern[] {
  const out: Pattern[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith("_") || name.startsWith("@")) continue;
        walk(full, /^\(.*\)$/.test(name) ? segs : [...segs, name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) {
        out.push(toPattern(segs));
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => b.score - a.score);
}

function toPattern(segs: string[]): Pattern {
  const label = "/" + segs.join("/");
  let score = 0;
  const parts = segs.map((s) => {
    if (/^\[\[\.\.\..+\]\]$/.test(s)) return "(?:/.*)?";
    if (/^\[\.\.\..+\]$/.test(s)) return "/.+";
    if (/^\[.+\]$/.test(s)) {
      score += 1;
      return "/[^/]+";
    }
    score += 100;
    return "/" + s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return { label, re: new RegExp(`^${parts.join("") || "/"}/?$`), score: score * 10 + segs.length };
}

export function routeLabel(patterns: Pattern[], pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next";
  for (const p of patterns) if (p.re.test(pathname)) return p.label;
  return "other";
}
