/**
 * The filters of the postmortem list and the action items page as they live in the URL, and their
 * translation to the list queries. Pure. A value that is not valid (a hand-edited URL) is ignored
 * and reported, never an error page.
 */
import { ACTION_CATEGORIES, ACTION_STATUSES, type ActionCategory, type ActionStatus } from "@/lib/postmortems/action-items";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/postmortems/review";

type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, k: string) => {
  const v = raw[k];
  return ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 200);
};
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

function href(path: string, q: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

// ── Postmortems ─────────────────────────────────────────────────────────────────────────────────

/** status: "" (all) | "open" (draft or in review) | a review status. overdue: "1" or "". */
export type PostmortemQuery = { status: string; q: string; service: string; tag: string; overdue: string };

export function readPostmortemQuery(raw: Raw): PostmortemQuery {
  return { status: one(raw, "status"), q: one(raw, "q"), service: one(raw, "service"), tag: one(raw, "tag").toLowerCase(), overdue: one(raw, "overdue") };
}

export type PostmortemListFilter = { status?: ReviewStatus[]; q?: string; service?: string; tag?: string; overdue?: boolean };

export function toPostmortemFilter(q: PostmortemQuery): { filter: PostmortemListFilter; ok: boolean } {
  let ok = true;
  const filter: PostmortemListFilter = {};
  if (q.status === "open") filter.status = ["draft", "in_review"];
  else if (isOneOf(REVIEW_STATUSES, q.status)) filter.status = [q.status];
  else if (q.status && q.status !== "all") ok = false;
  if (q.q) filter.q = q.q;
  if (q.service) {
    if (SLUG.test(q.service)) filter.service = q.service;
    else ok = false;
  }
  if (q.tag) {
    if (/^[a-z0-9][a-z0-9-]{0,39}$/.test(q.tag)) filter.tag = q.tag;
    else ok = false;
  }
  if (q.overdue === "1" || q.overdue === "true" || q.overdue === "on") filter.overdue = true;
  else if (q.overdue) ok = false;
  return { filter, ok };
}

export function isPostmortemFiltered(q: PostmortemQuery): boolean {
  return Boolean((q.status && q.status !== "all") || q.q || q.service || q.tag || q.overdue);
}

/** The list's URL with some filters changed (e.g. a tag clicked in the table). */
export function postmortemsHref(q: PostmortemQuery, change: Partial<PostmortemQuery> = {}): string {
  return href("/postmortems", { ...q, ...change });
}

// ── Action items ────────────────────────────────────────────────────────────────────────────────

/** status: "" (all) | "open" (open or in progress) | an item status. */
export type ActionItemQuery = { owner: string; team: string; service: string; category: string; status: string; overdue: string };

export function readActionItemQuery(raw: Raw): ActionItemQuery {
  return {
    owner: one(raw, "owner"),
    team: one(raw, "team"),
    service: one(raw, "service"),
    category: one(raw, "category"),
    status: one(raw, "status"),
    overdue: one(raw, "overdue"),
  };
}

export type ActionItemListFilter = { owner?: string; team?: string; service?: string; category?: ActionCategory; status?: ActionStatus[]; overdue?: boolean };

export function toActionItemFilter(q: ActionItemQuery): { filter: ActionItemListFilter; ok: boolean } {
  let ok = true;
  const filter: ActionItemListFilter = {};
  if (q.owner) filter.owner = q.owner;
  for (const k of ["team", "service"] as const) {
    if (!q[k]) continue;
    if (SLUG.test(q[k])) filter[k] = q[k];
    else ok = false;
  }
  if (isOneOf(ACTION_CATEGORIES, q.category)) filter.category = q.category;
  else if (q.category) ok = false;
  if (q.status === "open") filter.status = ["open", "in_progress"];
  else if (isOneOf(ACTION_STATUSES, q.status)) filter.status = [q.status];
  else if (q.status && q.status !== "all") ok = false;
  if (q.overdue === "1" || q.overdue === "true" || q.overdue === "on") filter.overdue = true;
  else if (q.overdue) ok = false;
  return { filter, ok };
}

export function isActionItemFiltered(q: ActionItemQuery): boolean {
  return Boolean(q.owner || q.team || q.service || q.category || (q.status && q.status !== "all") || q.overdue);
}

export function actionItemsHref(q: Partial<ActionItemQuery>): string {
  return href("/postmortems/action-items", q as Record<string, string>);
}
