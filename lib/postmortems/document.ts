/**
 * The postmortem document: what authors write, as one JSON value saved with a version. Text is
 * keyed by template section key ("summary", "resolution.immediateFix", "custom-comms"); the
 * structured sections have their own fields. Action items are not part of it (they are tracked
 * one by one, see action-items.ts), nor is the computed SLO impact (see slo-impact.ts).
 */
import { z } from "zod";

/** The incident timeline kinds (db/schema/incidents.ts `timelineKinds`; a test keeps them equal). */
export const ROW_KINDS = ["status", "severity", "role", "edit", "note", "action", "alert_firing", "alert_resolved", "link", "status_update", "timestamp_edit"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const ROW_KIND_LABELS: Record<RowKind, string> = {
  status: "Status",
  severity: "Severity",
  role: "Roles",
  edit: "Edit",
  note: "Note",
  action: "Action taken",
  alert_firing: "Alert firing",
  alert_resolved: "Alert resolved",
  link: "Link",
  status_update: "Status page update",
  timestamp_edit: "Time corrected",
};

export type TimelineRow = {
  /** Stable id: "inc-<entry id>" for imported rows, anything unique (a uuid) for added ones. */
  id: string;
  /** ISO 8601 instant. */
  at: string;
  text: string;
  kind: RowKind;
  source: "incident" | "manual";
  /** The incident timeline entry an imported row came from. */
  incidentEntryId?: number;
  /** The author changed an imported row: re-sync leaves it alone. (Added rows are never touched by re-sync anyway.) */
  edited: boolean;
};

export type Impact = {
  usersAffected: number | null;
  /** Share of traffic affected, 0..100. */
  trafficPercent: number | null;
  /** Affected services (slugs or names, as shown). */
  services: string[];
  durationMinutes: number | null;
  /** Free text: "about $12,000 of failed checkouts". */
  revenueImpact: string;
  supportTickets: number | null;
};

export type FiveWhys = { whys: string[]; rootCause: string };
export type SupportingLink = { label: string; url: string };

export type PostmortemDocument = {
  title: string;
  /** Markdown by section key (or "<section>.<part>"). */
  sections: Record<string, string>;
  impact: Impact;
  timeline: TimelineRow[];
  /** Incident entry ids whose imported rows the author deleted: re-sync does not bring them back. */
  timelineDismissed: number[];
  fiveWhys: FiveWhys;
  links: SupportingLink[];
};

export const LIMITS = {
  title: 200,
  sectionKeys: 100,
  sectionChars: 50_000,
  timelineRows: 500,
  rowChars: 5_000,
  dismissed: 5_000,
  whys: 10,
  whyChars: 2_000,
  rootCauseChars: 5_000,
  links: 50,
  linkLabel: 200,
  url: 2_000,
  services: 50,
  revenueChars: 500,
  /** The whole document as JSON. */
  totalChars: 1_000_000,
} as const;

export const EMPTY_IMPACT: Impact = { usersAffected: null, trafficPercent: null, services: [], durationMinutes: null, revenueImpact: "", supportTickets: null };

export function emptyDocument(title: string): PostmortemDocument {
  return { title, sections: {}, impact: { ...EMPTY_IMPACT, services: [] }, timeline: [], timelineDismissed: [], fiveWhys: { whys: [], rootCause: "" }, links: [] };
}

/** An http or https URL a browser can open (no javascript:, data: or relative ones). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

const n = (x: number) => x.toLocaleString("en-US");
const text = (max: number, what: string) => z.string().max(max, `${what} is at most ${n(max)} characters.`);
const count = (what: string) => z.number(`${what} is a number.`).int(`${what} is a whole number.`).min(0, `${what} cannot be negative.`).nullable();

export const httpUrlSchema = z
  .string()
  .trim()
  .max(LIMITS.url, `A URL is at most ${n(LIMITS.url)} characters.`)
  .refine(isHttpUrl, "Give an http or https URL, e.g. https://grafana.example.com/d/abc.");

const SECTION_KEY = /^[a-z][a-zA-Z0-9-]{0,63}(\.[a-z][a-zA-Z0-9-]{0,63})?$/;

export const impactSchema = z
  .object({
    usersAffected: count("Users affected"),
    trafficPercent: z.number("Traffic share is a number.").min(0, "Traffic share is 0 to 100 %.").max(100, "Traffic share is 0 to 100 %.").nullable(),
    services: z.array(text(100, "A service name")).max(LIMITS.services, `At most ${LIMITS.services} services.`),
    durationMinutes: count("Duration"),
    revenueImpact: text(LIMITS.revenueChars, "Revenue impact"),
    supportTickets: count("Support tickets"),
  })
  .strict();

export const timelineRowSchema = z
  .object({
    id: z.string().min(1, "A timeline row needs an id.").max(100, "A row id is at most 100 characters."),
    at: z.iso.datetime({ offset: true, message: "Give the row's time as a date-time with a zone, e.g. 2025-03-01T14:05:00Z." }),
    text: text(LIMITS.rowChars, "A timeline row"),
    kind: z.enum(ROW_KINDS, `A row kind is one of ${ROW_KINDS.join(", ")}.`),
    source: z.enum(["incident", "manual"], "A row's source is incident or manual."),
    incidentEntryId: z.number().int().positive().optional(),
    edited: z.boolean(),
  })
  .strict()
  .refine((r) => (r.source === "incident") === (r.incidentEntryId !== undefined), {
    message: "An imported row names its incident entry; an added row does not.",
    path: ["incidentEntryId"],
  });

export const fiveWhysSchema = z
  .object({
    whys: z.array(text(LIMITS.whyChars, "A why")).max(LIMITS.whys, `At most ${LIMITS.whys} whys; if you need more, the question is probably too broad.`),
    rootCause: text(LIMITS.rootCauseChars, "The root cause"),
  })
  .strict();

export const linkSchema = z
  .object({ label: z.string().trim().max(LIMITS.linkLabel, `A link label is at most ${LIMITS.linkLabel} characters.`), url: httpUrlSchema })
  .strict();

/** A document as saved (drafts included: empty text is fine, sizes and shapes are not). */
export const postmortemDocumentSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required.").max(LIMITS.title, `Title is at most ${LIMITS.title} characters.`),
    sections: z.record(z.string(), text(LIMITS.sectionChars, "A section")).superRefine((s, ctx) => {
      const keys = Object.keys(s);
      if (keys.length > LIMITS.sectionKeys) ctx.addIssue({ code: "custom", path: [], message: `At most ${LIMITS.sectionKeys} sections.` });
      for (const k of keys) if (!SECTION_KEY.test(k)) ctx.addIssue({ code: "custom", path: [k], message: `"${k.slice(0, 80)}" is not a section key.` });
    }),
    impact: impactSchema,
    timeline: z.array(timelineRowSchema).max(LIMITS.timelineRows, `A timeline has at most ${LIMITS.timelineRows} rows; keep the ones that tell the story and link the full log.`),
    timelineDismissed: z.array(z.number().int().positive()).max(LIMITS.dismissed),
    fiveWhys: fiveWhysSchema,
    links: z.array(linkSchema).max(LIMITS.links, `At most ${LIMITS.links} links.`),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    const entries = new Set<number>();
    d.timeline.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", path: ["timeline", i, "id"], message: `Two timeline rows have the id "${r.id}".` });
      ids.add(r.id);
      if (r.incidentEntryId === undefined) return;
      if (entries.has(r.incidentEntryId)) ctx.addIssue({ code: "custom", path: ["timeline", i, "incidentEntryId"], message: `Incident entry ${r.incidentEntryId} is imported twice.` });
      entries.add(r.incidentEntryId);
    });
    const size = JSON.stringify(d).length;
    if (size > LIMITS.totalChars) {
      ctx.addIssue({ code: "custom", path: [], message: `The postmortem is too large to save (${n(size)} characters of at most ${n(LIMITS.totalChars)}); link long logs instead of pasting them.` });
    }
  });

/** A save: the document and the version it was based on (see `checkVersion` in review.ts). */
export const postmortemSaveSchema = z
  .object({
    version: z.number("The version the edit was based on is required.").int().positive("A version is a positive whole number."),
    document: postmortemDocumentSchema,
  })
  .strict();

export type PostmortemSave = z.output<typeof postmortemSaveSchema>;
