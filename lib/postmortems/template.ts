/**
 * The organisation's postmortem template as data: ordered sections, each with a stable key (the
 * document stores content under it), a heading, a kind and a hint. The default follows the seeds;
 * `template-merge.ts` applies an organisation's edits. Pure; safe in the browser.
 */
import { z } from "zod";

/**
 * markdown: free text (optionally split into labelled parts, e.g. resolution → immediate fix, workaround).
 * The others are structured; each may also carry free text under its key in the document:
 * impact (fields), slo_impact (computed by Keel, never typed), timeline (rows), five_whys (whys +
 * root cause), action_items (tracked items), links (supporting information).
 */
export const SECTION_KINDS = ["markdown", "impact", "slo_impact", "timeline", "five_whys", "action_items", "links"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** A labelled sub-field of a markdown section; its content is stored under "<section>.<part>". */
export type SectionPart = { key: string; heading: string; hint: string };

export type TemplateSection = {
  key: string;
  heading: string;
  kind: SectionKind;
  hint: string;
  /** A required section cannot be hidden or removed by an organisation's edits. */
  required: boolean;
  /** Hidden sections are not offered to authors; content already written in one is still exported. */
  hidden: boolean;
  /** Added by the organisation (always markdown). */
  custom: boolean;
  parts?: SectionPart[];
};

export type PostmortemTemplate = { sections: TemplateSection[] };

const section = (key: string, heading: string, kind: SectionKind, hint: string, required: boolean, parts?: SectionPart[]): TemplateSection => ({
  key,
  heading,
  kind,
  hint,
  required,
  hidden: false,
  custom: false,
  ...(parts ? { parts } : {}),
});

/** The seeds' template, in order. SLO impact and action items are sections too, so exports place them. */
export const DEFAULT_TEMPLATE: PostmortemTemplate = {
  sections: [
    section("summary", "Summary", "markdown", "Two or three sentences: what happened, who was affected, how it ended.", true),
    section("impact", "Impact", "impact", "Users affected, services, duration, revenue impact and support tickets; add context below the figures.", true),
    section("sloImpact", "SLO impact", "slo_impact", "Computed by Keel from the SLOs of the affected services; refresh it, do not type it.", false),
    section("timeline", "Timeline", "timeline", "What happened when (UTC), imported from the incident; edit rows and add what the incident log missed.", true),
    section("rootCause", "Root cause", "five_whys", "Ask why until you reach a cause in the system (process, tooling, design), not a person.", true),
    section("trigger", "Trigger", "markdown", "The change or event that set the latent problem off (a deploy, a traffic spike, a certificate expiring).", false),
    section("detection", "Detection", "markdown", "How we found out: which alert or person, how long after the start, and what would have told us sooner.", false),
    section("resolution", "Resolution", "markdown", "How the impact was stopped and how the system was brought back to normal.", true, [
      { key: "immediateFix", heading: "Immediate fix", hint: "What stopped the impact (rollback, failover, config change)." },
      { key: "workaround", heading: "Workaround", hint: "Any temporary measure still in place, and what replaces it." },
    ]),
    section("whatWentWell", "What went well", "markdown", "Tools, practices and people that helped: keep doing these.", false),
    section("whatWentWrong", "What went wrong", "markdown", "Where the system, tooling or process made the response harder.", false),
    section("whereWeGotLucky", "Where we got lucky", "markdown", "Things that limited the damage by chance rather than by design.", false),
    section("lessonsLearned", "Lessons learned", "markdown", "What we now know about the system that we did not before.", false),
    section("actionItems", "Action items", "action_items", "Changes that prevent a recurrence, detect it sooner or recover faster; each with an owner and a due date.", true),
    section("supportingInformation", "Supporting information", "links", "Dashboards, logs, tickets, pull requests, chat threads.", false),
  ],
};

// ── zod ─────────────────────────────────────────────────────────────────────────────────────────

const KEY = /^[a-z][a-zA-Z0-9-]{0,63}$/;
export const sectionKeySchema = z
  .string()
  .regex(KEY, "A section key starts with a lower-case letter and has at most 64 letters, digits or dashes.");
export const headingSchema = z.string().trim().min(1, "A heading is required.").max(120, "A heading is at most 120 characters.");
export const hintSchema = z.string().trim().max(500, "A hint is at most 500 characters.");

const partSchema = z.object({ key: sectionKeySchema, heading: headingSchema, hint: hintSchema }).strict();

const templateSectionSchema = z
  .object({
    key: sectionKeySchema,
    heading: headingSchema,
    kind: z.enum(SECTION_KINDS, `A section kind is one of ${SECTION_KINDS.join(", ")}.`),
    hint: hintSchema,
    required: z.boolean(),
    hidden: z.boolean(),
    custom: z.boolean(),
    parts: z.array(partSchema).min(1).max(8, "A section has at most 8 parts.").optional(),
  })
  .strict();

/** A whole template (as stored or as produced by `mergeTemplate`). */
export const templateSchema = z
  .object({ sections: z.array(templateSectionSchema).min(1, "A template needs at least one section.").max(60, "A template has at most 60 sections.") })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    const kinds = new Set<SectionKind>();
    t.sections.forEach((s, i) => {
      const at = (field: string) => ["sections", i, field];
      if (seen.has(s.key)) ctx.addIssue({ code: "custom", path: at("key"), message: `Section key "${s.key}" is used twice.` });
      seen.add(s.key);
      if (s.kind !== "markdown" && kinds.has(s.kind)) ctx.addIssue({ code: "custom", path: at("kind"), message: `Only one ${s.kind} section is allowed.` });
      kinds.add(s.kind);
      if (s.required && s.hidden) ctx.addIssue({ code: "custom", path: at("hidden"), message: `"${s.heading}" is required and cannot be hidden.` });
      if (s.custom && s.kind !== "markdown") ctx.addIssue({ code: "custom", path: at("kind"), message: "Custom sections are markdown text." });
      if (s.parts && s.kind !== "markdown") ctx.addIssue({ code: "custom", path: at("parts"), message: "Only markdown sections have parts." });
      const partKeys = (s.parts ?? []).map((p) => p.key);
      if (new Set(partKeys).size !== partKeys.length) ctx.addIssue({ code: "custom", path: at("parts"), message: "Part keys must be unique." });
    });
  });

/** The template's visible sections, in order. */
export function visibleSections(template: PostmortemTemplate): TemplateSection[] {
  return template.sections.filter((s) => !s.hidden);
}

/** The document key of a section part: "resolution.immediateFix". */
export function partKey(sectionKey: string, part: string): string {
  return `${sectionKey}.${part}`;
}

/** The document keys a markdown section's text lives under: its parts, or its own key. */
export function textKeys(section: TemplateSection): string[] {
  return section.parts?.length ? section.parts.map((p) => partKey(section.key, p.key)) : [section.key];
}

/** The section of a kind (the first one for markdown), or undefined. */
export function sectionOfKind(template: PostmortemTemplate, kind: SectionKind): TemplateSection | undefined {
  return template.sections.find((s) => s.kind === kind);
}
