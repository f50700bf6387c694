/**
 * `POST /api/v1/postmortems`: `{ incidentId, title?, <section key>?, impact?, fiveWhys?, links?,
 * actionItems? }`. Markdown sections are sent under their template key ("summary": "…"); a
 * section with parts as an object ("resolution": { "immediateFix": "…" }). Whatever is sent is laid
 * over the postmortem prefilled from the incident.
 */
import { z } from "zod";
import { actionItemInputSchema } from "./action-items";
import { LIMITS, fiveWhysSchema, impactSchema, linkSchema, type PostmortemDocument } from "./document";
import { partKey, type PostmortemTemplate } from "./template";
import { RESERVED_KEYS } from "./template-merge";

const sectionText = z.string("Section text is a string.").max(LIMITS.sectionChars, `A section is at most ${LIMITS.sectionChars.toLocaleString("en-US")} characters.`);

/** The create body for this template's sections; its output gathers section text under `sections`. */
export function createPostmortemSchema(template: PostmortemTemplate) {
  const sectionFields: Record<string, z.ZodType> = {};
  for (const s of template.sections) {
    if (s.kind !== "markdown" || RESERVED_KEYS.has(s.key)) continue;
    sectionFields[s.key] = s.parts?.length
      ? z
          .object(Object.fromEntries(s.parts.map((p) => [p.key, sectionText.optional()])))
          .strict()
          .optional()
      : sectionText.optional();
  }
  return z
    .object({
      incidentId: z.string("incidentId is required: the incident's id or INC-number.").trim().min(1, "incidentId is required: the incident's id or INC-number.").max(100),
      title: z.string().trim().min(1, "Title cannot be empty.").max(LIMITS.title, `Title is at most ${LIMITS.title} characters.`).optional(),
      impact: impactSchema.partial().optional(),
      fiveWhys: fiveWhysSchema.partial().optional(),
      links: z.array(linkSchema).max(LIMITS.links, `At most ${LIMITS.links} links.`).optional(),
      actionItems: z.array(actionItemInputSchema).max(50, "At most 50 action items at once.").default([]),
      ...sectionFields,
    })
    .strict()
    .transform((input) => {
      const sections: Record<string, string> = {};
      for (const s of template.sections) {
        const v = (input as Record<string, unknown>)[s.key];
        if (typeof v === "string") sections[s.key] = v;
        else if (v && typeof v === "object" && s.parts) {
          for (const [k, text] of Object.entries(v as Record<string, string | undefined>)) if (text !== undefined) sections[partKey(s.key, k)] = text;
        }
      }
      return { incidentId: input.incidentId, title: input.title, impact: input.impact, fiveWhys: input.fiveWhys, links: input.links, actionItems: input.actionItems, sections };
    });
}

export type CreatePostmortemInput = z.output<ReturnType<typeof createPostmortemSchema>>;

/** The prefilled document with the create body laid over it (sent fields win; links are added, no duplicate URLs). */
export function applyCreateInput(doc: PostmortemDocument, input: CreatePostmortemInput): PostmortemDocument {
  const links = [...doc.links];
  for (const l of input.links ?? []) if (!links.some((x) => x.url === l.url) && links.length < LIMITS.links) links.push(l);
  const defined = <T extends object>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...doc,
    title: input.title ?? doc.title,
    sections: { ...doc.sections, ...input.sections },
    impact: { ...doc.impact, ...defined(input.impact) },
    fiveWhys: { ...doc.fiveWhys, ...defined(input.fiveWhys) },
    links,
  };
}
