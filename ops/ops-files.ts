import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { metrics } from "@/lib/observability/metrics";

/** Readers for Keel's operations files, used by ops.test.ts: rule file, runbook anchors, PromQL metric names, dashboard panels. */

export const read = (file: string) => readFileSync(file, "utf8");

export function run(bin: string, args: string[], cwd?: string): { status: number | null; output: string } {
  const r = spawnSync(bin, args, { cwd, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

// ---------------------------------------------------------------------------------------------
// Reading the files. Keel's rules file is block-style YAML with one rule per `- alert:` or
// `- record:` item; this reader handles exactly that shape, and the promtool test below checks
// that it finds as many rules as promtool does.
// ---------------------------------------------------------------------------------------------

export type Rule = {
  kind: "alert" | "record";
  name: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

export const indentOf = (line: string) => line.length - line.trimStart().length;

export function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) return JSON.parse(v) as string;
  if (v.startsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v.replace(/\s+#.*$/, "");
}

export function parseRules(text: string): Rule[] {
  const lines = text.split("\n");
  const rules: Rule[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^(\s*)- (alert|record):\s*(\S+)\s*$/.exec(lines[i]);
    if (!start) continue;
    const itemIndent = start[1].length;
    const keyIndent = itemIndent + 2;
    const rule: Rule = { kind: start[2] as Rule["kind"], name: start[3], expr: "", labels: {}, annotations: {} };
    let j = i + 1;
    const body: string[] = [];
    while (j < lines.length && (lines[j].trim() === "" || indentOf(lines[j]) > itemIndent)) body.push(lines[j++]);
    for (let k = 0; k < body.length; k++) {
      const key = /^(\w+):\s*(.*)$/.exec(body[k].slice(keyIndent));
      if (!key || indentOf(body[k]) !== keyIndent) continue;
      const [, name, value] = key;
      const nested: string[] = [];
      while (k + 1 < body.length && (body[k + 1].trim() === "" || indentOf(body[k + 1]) > keyIndent)) nested.push(body[++k]);
      if (name === "expr") {
        rule.expr = /^[|>][-+]?$/.test(value) ? nested.map((l) => l.trim()).join("\n").trim() : unquote(value);
      } else if (name === "labels" || name === "annotations") {
        for (const l of nested) {
          const kv = /^\s*(\w+):\s*(.*)$/.exec(l);
          if (kv) rule[name][kv[1]] = unquote(kv[2]);
        }
      }
    }
    rules.push(rule);
    i = j - 1;
  }
  return rules;
}

/** GitHub's anchor for a Markdown heading. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
}

export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const h = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) anchors.add(slug(h[1]));
  }
  return anchors;
}

export const PROMQL_KEYWORDS = new Set(["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2"]);

/** Metric names a PromQL expression selects (bare identifiers that are not functions or keywords). */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names: string[] = [];
  for (const m of stripped.matchAll(/(?<![\w.:$])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    if (m[2] || PROMQL_KEYWORDS.has(m[1].toLowerCase())) continue;
    names.push(m[1]);
  }
  return names;
}

/** Every series name Keel's /api/metrics can expose, from the `# TYPE` lines of Keel's own registry. */
export async function exportedSeries(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const [, name, type] of (await metrics().registry.metrics()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(name + s);
    if (type === "summary") for (const s of ["_sum", "_count"]) names.add(name + s);
  }
  return names;
}

export type Target = { expr?: string; datasource?: { type?: string; uid?: string }; refId?: string };
export type Panel = {
  id: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
  panels?: Panel[];
};
export type Dashboard = {
  title: string;
  uid: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown; datasource?: { uid?: string } }[] };
};

export function allPanels(d: Dashboard): Panel[] {
  return d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

export function dashboardQueries(d: Dashboard): { panel: string; expr: string }[] {
  return allPanels(d).flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr ?? "" })));
}

/** A dashboard query as Prometheus would receive it, with Grafana's variables filled in. */
export function withVariables(expr: string): string {
  return expr
    .replace(/\$__rate_interval|\$__interval|\$__range/g, "5m")
    .replace(/\$job\b/g, "keel")
    .replace(/\$\w+/g, ".*");
}
