/**
 * The settings form's view of the organisation's template: one row per section, in order, and the
 * step back from rows to the smallest `TemplateEdits` that `mergeTemplate` turns into them. Only
 * what differs from Keel's default is stored, so sections Keel adds or changes later still reach
 * organisations that never touched them. Pure; type imports only.
 */
import type { PostmortemTemplate, SectionKind } from "./template";
import type { TemplateEdits } from "./template-merge";

export type TemplatePartRow = { key: string; heading: string; hint: string };
export type TemplateRow = {
  key: string;
  heading: string;
  hint: string;
  kind: SectionKind;
  required: boolean;
  hidden: boolean;
  custom: boolean;
  parts: TemplatePartRow[];
};

export function rowsFromTemplate(template: PostmortemTemplate): TemplateRow[] {
  return template.sections.map((s) => ({
    key: s.key,
    heading: s.heading,
    hint: s.hint,
    kind: s.kind,
    required: s.required,
    hidden: s.hidden,
    custom: s.custom,
    parts: (s.parts ?? []).map((p) => ({ ...p })),
  }));
}

type Override = NonNullable<TemplateEdits["sections"]>[string];

/** The edits that turn `base` into `rows` (rows of base sections keep their kind and required flag). */
export function editsFromRows(base: PostmortemTemplate, rows: readonly TemplateRow[]): TemplateEdits {
  const baseByKey = new Map(base.sections.map((s) => [s.key, s]));
  const sections: Record<string, Override> = {};
  const custom: NonNullable<TemplateEdits["custom"]> = [];
  for (const r of rows) {
    const b = baseByKey.get(r.key);
    if (!b) {
      custom.push({ key: r.key, heading: r.heading, hint: r.hint, required: r.required, hidden: r.required ? false : r.hidden });
      continue;
    }
    const o: Override = {};
    if (r.heading.trim() !== b.heading) o.heading = r.heading;
    if (r.hint.trim() !== b.hint) o.hint = r.hint;
    if (!b.required && r.hidden !== b.hidden) o.hidden = r.hidden;
    const parts: NonNullable<Override["parts"]> = {};
    for (const p of r.parts) {
      const bp = b.parts?.find((x) => x.key === p.key);
      if (!bp) continue;
      const po: { heading?: string; hint?: string } = {};
      if (p.heading.trim() !== bp.heading) po.heading = p.heading;
      if (p.hint.trim() !== bp.hint) po.hint = p.hint;
      if (Object.keys(po).length) parts[p.key] = po;
    }
    if (Object.keys(parts).length) o.parts = parts;
    if (Object.keys(o).length) sections[r.key] = o;
  }
  // Without an order, base sections keep the default order and custom ones follow in theirs.
  const natural = [...base.sections.map((s) => s.key).filter((k) => rows.some((r) => r.key === k)), ...custom.map((c) => c.key)];
  const order = rows.map((r) => r.key);
  const edits: TemplateEdits = {};
  if (order.join("\n") !== natural.join("\n")) edits.order = order;
  if (Object.keys(sections).length) edits.sections = sections;
  if (custom.length) edits.custom = custom;
  return edits;
}

/** Moves the row at `index` by `by` places (clamped), returning a new list. */
export function moveRow<T>(rows: readonly T[], index: number, by: number): T[] {
  const to = Math.min(rows.length - 1, Math.max(0, index + by));
  if (to === index || index < 0 || index >= rows.length) return [...rows];
  const out = [...rows];
  const [row] = out.splice(index, 1);
  out.splice(to, 0, row);
  return out;
}

/**
 * Where a validation error of the edits belongs in the form: "<section key>.<field>" or
 * "<section key>.parts.<part>.<field>" for a row, "template" for the whole template.
 * Paths come from zod ("custom.0.heading", "sections.summary.heading", "order.3").
 */
export function templateErrorField(path: string, edits: TemplateEdits): string {
  const [root, at, ...rest] = path.split(".");
  if (root === "custom" && at !== undefined) {
    const key = edits.custom?.[Number(at)]?.key;
    return key ? [key, ...(rest.length ? rest : ["heading"])].join(".") : "template";
  }
  if (root === "sections" && at !== undefined) return [at, ...(rest.length ? rest : ["heading"])].join(".");
  return "template";
}
