import { z } from "zod";
import { notificationEvents } from "@/db/schema/notifications";
import { ALL_EVENTS } from "./event-labels";

/** Input of the channel API and the settings form. Service and team are given by slug. */

const name = z.string().trim().min(1, "Name is required.").max(100, "Name is at most 100 characters.");
const url = z
  .string()
  .trim()
  .max(2000, "The URL is at most 2000 characters.")
  .url("Enter the full webhook URL, e.g. https://hooks.slack.com/services/….")
  .refine((u) => /^https?:\/\//i.test(u), "Only http and https URLs are allowed.");
const email = z.string().trim().toLowerCase().email("Enter valid email addresses.");
const emails = z
  .array(email)
  .max(50, "At most 50 recipients.")
  .transform((list) => [...new Set(list)]);
const events = z
  .array(z.enum(notificationEvents, "Events are declared, severity_changed, status_changed and resolved."))
  .min(1, "Choose at least one event.")
  .transform((list) => ALL_EVENTS.filter((e) => list.includes(e)));
const slug = z.string().trim().min(1).max(100);

export const channelInputSchema = z
  .object({
    kind: z.enum(["webhook", "email"], "Kind is webhook or email."),
    name,
    url: url.optional(),
    emails: emails.optional(),
    /** A service slug: only incidents affecting it. */
    service: slug.nullish(),
    /** A team slug: only incidents affecting its services. Neither service nor team: every incident. */
    team: slug.nullish(),
    events: events.default(ALL_EVENTS),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "webhook" && !v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "Enter the webhook URL." });
    if (v.kind === "webhook" && v.emails?.length) ctx.addIssue({ code: "custom", path: ["emails"], message: "A webhook channel has no email recipients." });
    if (v.kind === "email" && !v.emails?.length) ctx.addIssue({ code: "custom", path: ["emails"], message: "Enter at least one email address." });
    if (v.kind === "email" && v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "An email channel has no URL." });
    if (v.service && v.team) ctx.addIssue({ code: "custom", path: ["team"], message: "Choose a service or a team, not both." });
  });
export type ChannelInput = z.input<typeof channelInputSchema>;

/** A change to a channel; its kind stays. `rotateSecret` replaces a webhook's signing secret (shown once). */
export const channelPatchSchema = z
  .object({
    name: name.optional(),
    url: url.optional(),
    emails: emails.optional(),
    service: slug.nullish(),
    team: slug.nullish(),
    events: events.optional(),
    enabled: z.boolean().optional(),
    rotateSecret: z.boolean().optional(),
    version: z.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.service && v.team) ctx.addIssue({ code: "custom", path: ["team"], message: "Choose a service or a team, not both." });
  });
export type ChannelPatch = z.input<typeof channelPatchSchema>;

export const deliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, "limit is 1 to 200.").max(200, "limit is 1 to 200.").default(50),
  /** Only deliveries older than this id (the previous page's last id). */
  before: z.coerce.number().int().positive().optional(),
});

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/** The settings form's fields as channel input: scope "all" | "service:<slug>" | "team:<slug>", emails split on commas, spaces or lines. */
export function channelFormToInput(form: FormData): Record<string, unknown> {
  const kind = text(form, "kind");
  const [scopeType, scopeSlug] = text(form, "scope").split(":");
  const list = text(form, "emails")
    .split(/[\s,;]+/)
    .filter(Boolean);
  return {
    kind,
    name: text(form, "name"),
    url: kind === "webhook" ? text(form, "url") : undefined,
    emails: kind === "email" ? list : undefined,
    service: scopeType === "service" ? scopeSlug : null,
    team: scopeType === "team" ? scopeSlug : null,
    events: form.getAll("events").filter((e): e is string => typeof e === "string"),
  };
}
