/**
 * Postmortem action items: what they are, how input is validated, and the figures the Action
 * items page shows.
 *
 * Counting decisions:
 * - Closed means done or won't do: both are decisions that take the item off someone's list, so
 *   `closureRate` counts both as closed. (The page shows won't-do separately with `statusCounts`,
 *   so a habit of won't-doing items stays visible.)
 * - `medianTimeToClose` counts done items only: how fast fixes land. A won't-do closed in a
 *   minute says nothing about that and would flatter the figure.
 * - Due dates are calendar days. An item is overdue once its due day has ended in the given time
 *   zone (UTC unless told) while it is still open or in progress.
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { httpUrlSchema } from "./document";

export const ACTION_CATEGORIES = ["prevent", "detect", "recover"] as const;
export const ACTION_PRIORITIES = ["P0", "P1", "P2"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CATEGORY_LABELS: Record<ActionCategory, string> = { prevent: "Prevent", detect: "Detect", recover: "Recover" };
export const STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", in_progress: "In progress", done: "Done", wont_do: "Won't do" };
export const CLOSED_STATUSES: readonly ActionStatus[] = ["done", "wont_do"];

export type ActionItem = {
  id: string;
  title: string;
  category: ActionCategory;
  priority: ActionPriority;
  /** Display name of the owner, or null while unassigned. */
  owner: string | null;
  /** Calendar day "2025-03-14", or null. */
  dueDate: string | null;
  status: ActionStatus;
  link: string | null;
  createdAt: string;
  /** When it became done or won't do; null while open. */
  closedAt: string | null;
};

/** "2025-02-30" is not a date: the day must exist in the calendar. */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Form fields arrive as strings: "" means "not given". */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const fields = {
  title: z.string("Title is required.").trim().min(1, "Title is required.").max(300, "A title is at most 300 characters."),
  category: z.enum(ACTION_CATEGORIES, "Category is prevent, detect or recover."),
  priority: z.enum(ACTION_PRIORITIES, "Priority is P0, P1 or P2."),
  /** A user id or email; the caller resolves it to a person. */
  owner: z.preprocess(blankToNull, z.string().trim().max(320, "Owner is at most 320 characters.").nullable()),
  dueDate: z.preprocess(blankToNull, z.string().trim().refine(isCalendarDay, "Give the due date as a calendar day, e.g. 2025-03-14.").nullable()),
  status: z.enum(ACTION_STATUSES, "Status is open, in_progress, done or wont_do."),
  link: z.preprocess(blankToNull, httpUrlSchema.nullable()),
};

/** A new item: title, category and priority required; the rest optional (status defaults to open). */
export const actionItemInputSchema = z
  .object({
    ...fields,
    owner: fields.owner.optional(),
    dueDate: fields.dueDate.optional(),
    status: fields.status.default("open"),
    link: fields.link.optional(),
  })
  .strict();
export type ActionItemInput = z.input<typeof actionItemInputSchema>;

/** A change to an item: only the fields sent change (null clears owner, due date, link), with the version it was based on. */
export const actionItemPatchSchema = z
  .object({
    title: fields.title.optional(),
    category: fields.category.optional(),
    priority: fields.priority.optional(),
    owner: fields.owner.optional(),
    dueDate: fields.dueDate.optional(),
    status: fields.status.optional(),
    link: fields.link.optional(),
    version: z.number("The version the edit was based on is required.").int().positive("A version is a positive whole number."),
  })
  .strict();
export type ActionItemPatch = z.input<typeof actionItemPatchSchema>;

export function isClosed(status: ActionStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/**
 * The `closedAt` an item should have after a status change: set when it becomes closed (keeping
 * an earlier close time when moving between done and won't do), cleared when it is reopened.
 */
export function closedAtAfter(from: ActionStatus, to: ActionStatus, closedAt: string | null, now: number | Date): string | null {
  if (!isClosed(to)) return null;
  if (isClosed(from) && closedAt) return closedAt;
  return new Date(typeof now === "number" ? now : now.getTime()).toISOString();
}

/** Share of items closed (done or won't do); null when there are none. */
export function closureRate(items: readonly Pick<ActionItem, "status">[]): number | null {
  if (!items.length) return null;
  return items.filter((i) => isClosed(i.status)).length / items.length;
}

export function statusCounts(items: readonly Pick<ActionItem, "status">[]): Record<ActionStatus, number> {
  const out: Record<ActionStatus, number> = { open: 0, in_progress: 0, done: 0, wont_do: 0 };
  for (const i of items) out[i.status]++;
  return out;
}

/** Median of closedAt − createdAt over done items, in milliseconds; null when none is done. */
export function medianTimeToClose(items: readonly Pick<ActionItem, "status" | "createdAt" | "closedAt">[]): number | null {
  const spans = items
    .filter((i) => i.status === "done" && i.closedAt)
    .map((i) => Date.parse(i.closedAt!) - Date.parse(i.createdAt))
    .filter((ms) => Number.isFinite(ms))
    .map((ms) => Math.max(0, ms))
    .sort((a, b) => a - b);
  if (!spans.length) return null;
  const mid = spans.length >> 1;
  return spans.length % 2 ? spans[mid] : (spans[mid - 1] + spans[mid]) / 2;
}

/** When the due day ends (the next midnight) in `timeZone`, in epoch ms. */
export function dueDayEnd(dueDate: string, timeZone = "UTC"): number {
  const [y, m, d] = dueDate.split("-").map(Number);
  return new TZDate(y, m - 1, d + 1, 0, 0, 0, 0, timeZone).getTime();
}

/** Open or in progress, with a due day that has ended. */
export function isOverdue(item: Pick<ActionItem, "status" | "dueDate">, now: number | Date, timeZone = "UTC"): boolean {
  if (isClosed(item.status) || !item.dueDate || !isCalendarDay(item.dueDate)) return false;
  const nowMs = typeof now === "number" ? now : now.getTime();
  return nowMs >= dueDayEnd(item.dueDate, timeZone);
}
