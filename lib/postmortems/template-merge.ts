/**
 * An organisation's edits of the postmortem template, and merging them over the default.
 *
 * Edits may rename headings and hints (of sections and of their parts), reorder sections, hide
 * optional ones and add custom markdown sections. Required sections cannot be hidden or removed.
 *
 * Two checks, on purpose:
 * - `templateEditsSchemaFor(base)` is strict: it is what a settings form validates before saving,
 *   and it refuses hiding a required section, unknown keys, clashing custom keys, with field errors.
 * - `mergeTemplate(base, edits)` is lenient: stored edits were valid against an older default, and
 *   Keel may since have added sections or made one required. It ignores what no longer applies,
 *   forces required sections visible, and places sections the edits never mentioned next to their
 *   neighbour in the default order. It always returns a valid template.
 */
import { z } from "zod";
import { headingSchema, hintSchema, sectionKeySchema, type PostmortemTemplate, type TemplateSection } from "./template";

const overrideSchema = z
  .object({
    heading: headingSchema.optional(),
    hint: hintSchema.optional(),
    hidden: z.boolean().optional(),
    parts: z.record(sectionKeySchema, z.object({ heading: headingSchema.optional(), hint: hintSchema.optional() }).strict()).optional(),
  })
  .strict();

const customSchema = z
  .object({
    key: sectionKeySchema,
    heading: headingSchema,
    hint: hintSchema.default(""),
    required: z.boolean().default(false),
    hidden: z.boolean().default(false),
  })
  .strict();

/** The shape of an organisation's edits, without checks against a base template. */
export const templateEditsSchema = z
  .object({
    /** Section keys in the wanted order; sections left out keep their default neighbours. */
    order: z.array(sectionKeySchema).max(80, "At most 80 sections in the order.").optional(),
    /** Overrides of default or custom sections, by key. */
    sections: z.record(sectionKeySchema, overrideSchema).optional(),
    /** Sections the organisation adds (markdown text). */
    custom: z.array(customSchema).max(20, "At most 20 custom sections.").optional(),
  })
  .strict();

export type TemplateEdits = z.input<typeof templateEditsSchema>;

/** Keys the API uses beside section keys (see create-input.ts): no custom section may take them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["incidentId", "title", "impact", "fiveWhys", "links", "actionItems", "timeline", "sections", "version"]);

/** The edits schema with the rules that depend on the base template: for the settings form. */
export function templateEditsSchemaFor(base: PostmortemTemplate) {
  const baseByKey = new Map(base.sections.map((s) => [s.key, s]));
  return templateEditsSchema.superRefine((e, ctx) => {
    const custom = e.custom ?? [];
    const customKeys = new Set<string>();
    custom.forEach((c, i) => {
      if (baseByKey.has(c.key)) ctx.addIssue({ code: "custom", path: ["custom", i, "key"], message: `"${c.key}" is a built-in section; pick another key.` });
      else if (RESERVED_KEYS.has(c.key)) ctx.addIssue({ code: "custom", path: ["custom", i, "key"], message: `"${c.key}" is reserved; pick another key.` });
      else if (customKeys.has(c.key)) ctx.addIssue({ code: "custom", path: ["custom", i, "key"], message: `Custom section key "${c.key}" is used twice.` });
      if (c.required && c.hidden) ctx.addIssue({ code: "custom", path: ["custom", i, "hidden"], message: `"${c.heading}" is required and cannot be hidden.` });
      customKeys.add(c.key);
    });
    const known = (k: string) => baseByKey.has(k) || customKeys.has(k);
    for (const [key, o] of Object.entries(e.sections ?? {})) {
      const b = baseByKey.get(key);
      if (!known(key)) {
        ctx.addIssue({ code: "custom", path: ["sections", key], message: `There is no section "${key}".` });
        continue;
      }
      if (o.hidden && b?.required) ctx.addIssue({ code: "custom", path: ["sections", key, "hidden"], message: `"${b.heading}" is required and cannot be hidden.` });
      const parts = new Set((b?.parts ?? []).map((p) => p.key));
      for (const p of Object.keys(o.parts ?? {})) {
        if (!parts.has(p)) ctx.addIssue({ code: "custom", path: ["sections", key, "parts", p], message: `Section "${key}" has no part "${p}".` });
      }
    }
    const order = e.order ?? [];
    order.forEach((k, i) => {
      if (!known(k)) ctx.addIssue({ code: "custom", path: ["order", i], message: `There is no section "${k}" to place.` });
      else if (order.indexOf(k) !== i) ctx.addIssue({ code: "custom", path: ["order", i], message: `Section "${k}" appears twice in the order.` });
    });
  });
}

function applyOverride(s: TemplateSection, o: z.output<typeof overrideSchema> | undefined): TemplateSection {
  if (!o) return s;
  const parts = s.parts?.map((p) => ({ ...p, ...pick(o.parts?.[p.key]) }));
  return {
    ...s,
    ...pick({ heading: o.heading, hint: o.hint }),
    // A required section stays visible whatever the stored edits say.
    hidden: s.required ? false : (o.hidden ?? s.hidden),
    ...(parts ? { parts } : {}),
  };
}

/** The defined fields of an object (so `undefined` never overwrites a default). */
function pick<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The order: the edits' order (known keys, first occurrence), then every section it left out,
 * inserted right after the section that precedes it in the base order (custom ones: at the end,
 * in the order they were added).
 */
function ordered(sections: TemplateSection[], order: readonly string[]): TemplateSection[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const placed: string[] = [];
  for (const k of order) if (byKey.has(k) && !placed.includes(k)) placed.push(k);
  sections.forEach((s, i) => {
    if (placed.includes(s.key)) return;
    if (s.custom) {
      placed.push(s.key);
      return;
    }
    // Find the nearest earlier section in the base order that is already placed.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const idx = placed.indexOf(sections[j].key);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    placed.splice(at, 0, s.key);
  });
  return placed.map((k) => byKey.get(k)!);
}

/** The organisation's template: the base with the edits applied. Never fails; see the file comment. */
export function mergeTemplate(base: PostmortemTemplate, edits: TemplateEdits | null | undefined): PostmortemTemplate {
  const e = lenientEdits(edits);
  const baseKeys = new Set(base.sections.map((s) => s.key));
  const seen = new Set<string>();
  const custom: TemplateSection[] = [];
  for (const c of e.custom ?? []) {
    if (baseKeys.has(c.key) || seen.has(c.key) || RESERVED_KEYS.has(c.key)) continue;
    seen.add(c.key);
    custom.push({ key: c.key, heading: c.heading, kind: "markdown", hint: c.hint, required: c.required, hidden: c.required ? false : c.hidden, custom: true });
  }
  const all = [...base.sections, ...custom].map((s) => applyOverride(s, e.sections?.[s.key]));
  return { sections: ordered(all, e.order ?? []) };
}

/**
 * Stored edits, keeping every valid piece: one bad override or custom section (say, a hint longer
 * than a newer limit allows) is dropped on its own instead of discarding all the edits.
 */
function lenientEdits(edits: unknown): z.output<typeof templateEditsSchema> {
  const whole = templateEditsSchema.safeParse(edits ?? {});
  if (whole.success) return whole.data;
  const raw = (edits && typeof edits === "object" ? edits : {}) as Record<string, unknown>;
  const order = Array.isArray(raw.order) ? raw.order.filter((k): k is string => sectionKeySchema.safeParse(k).success) : [];
  const sections: Record<string, z.output<typeof overrideSchema>> = {};
  if (raw.sections && typeof raw.sections === "object") {
    for (const [k, v] of Object.entries(raw.sections)) {
      const o = overrideSchema.safeParse(v);
      if (o.success) sections[k] = o.data;
    }
  }
  const custom = (Array.isArray(raw.custom) ? raw.custom : []).flatMap((c) => {
    const r = customSchema.safeParse(c);
    return r.success ? [r.data] : [];
  });
  return { order, sections, custom };
}

export { customSectionKey } from "./section-key";
