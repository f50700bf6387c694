/**
 * The incident list's filters as they live in the URL (status=open|all|<status>, severity, service,
 * from and to as dates, q, limit, cursor) and their translation to the list query. Pure.
 */
import { OPEN_STATUSES, isStatus } from "@/lib/incidents/lifecycle";
import { incidentFilterSchema, type IncidentFilter } from "@/lib/incidents/schemas";

export type ListQuery = { status: string; severity: string; service: string; from: string; to: string; q: string; limit: string; cursor: string };

const KEYS = ["status", "severity", "service", "from", "to", "q", "limit", "cursor"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

export function readListQuery(raw: Record<string, string | string[] | undefined>): ListQuery {
  const one = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  return Object.fromEntries(KEYS.map((k) => [k, one(k)])) as ListQuery;
}

/** A UTC date (yyyy-mm-dd) as the instant its day starts, `days` later; undefined when not a date. */
function dayStart(date: string, days = 0): string | undefined {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString();
}

/**
 * The list query for the URL's filters. `ok` is false when some filter is not valid; the list then
 * shows everything (and says so) rather than failing.
 */
export function toIncidentFilter(q: ListQuery, defaultLimit = 25): { filter: IncidentFilter; ok: boolean } {
  const bad = (q.status && q.status !== "open" && q.status !== "all" && !isStatus(q.status)) || (q.from && !dayStart(q.from)) || (q.to && !dayStart(q.to));
  const input: IncidentFilter = {
    status: q.status === "open" ? [...OPEN_STATUSES] : isStatus(q.status) ? [q.status] : undefined,
    severity: q.severity || undefined,
    service: q.service || undefined,
    // "to" is the last day included: the list takes incidents started before the next day.
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? dayStart(q.to, 1) : undefined,
    q: q.q || undefined,
    cursor: q.cursor || undefined,
    limit: q.limit || defaultLimit,
  };
  const parsed = incidentFilterSchema.safeParse(input);
  if (bad || !parsed.success) return { filter: { limit: defaultLimit }, ok: false };
  return { filter: input, ok: true };
}

/** Whether any filter narrows the list (paging alone does not). */
export function isFiltered(q: ListQuery): boolean {
  return Boolean((q.status && q.status !== "all") || q.severity || q.service || q.from || q.to || q.q);
}

/** The list's URL for the same filters at another cursor. */
export function listHref(q: ListQuery, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const v = k === "cursor" ? (cursor ?? "") : q[k];
    if (v) params.set(k, v);
  }
  const s = params.toString();
  return s ? `/incidents?${s}` : "/incidents";
}
