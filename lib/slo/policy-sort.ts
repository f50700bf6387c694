/** Sorting and filtering the Policy page's rows (from its URL). Pure. */
import type { PolicyState } from "./policy";

export const POLICY_SORTS = { state: "Worst first", name: "Service", budget: "Budget left", since: "Longest in state", trend: "Fastest falling" } as const;
export type PolicySort = keyof typeof POLICY_SORTS;
export const POLICY_FILTER_STATES: PolicyState[] = ["exhausted", "warning", "healthy", "unknown"];

type Row = { serviceName: string; state: PolicyState; since: string | null; remaining: number | null; remainingWeekAgo: number | null };

const RANK: Record<PolicyState, number> = { exhausted: 0, warning: 1, unknown: 2, healthy: 3 };
const known = (v: number | null, missing: number) => (v === null ? missing : v);

export function parsePolicyQuery(p: { state?: string; sort?: string; q?: string }): { state?: PolicyState; sort: PolicySort; q: string } {
  return {
    state: POLICY_FILTER_STATES.includes(p.state as PolicyState) ? (p.state as PolicyState) : undefined,
    sort: p.sort && p.sort in POLICY_SORTS ? (p.sort as PolicySort) : "state",
    q: (p.q ?? "").trim().slice(0, 100),
  };
}

export function sortPolicies<T extends Row>(rows: T[], sort: PolicySort): T[] {
  const byName = (a: T, b: T) => a.serviceName.localeCompare(b.serviceName);
  const cmp: Record<PolicySort, (a: T, b: T) => number> = {
    state: (a, b) => RANK[a.state] - RANK[b.state] || known(a.remaining, 2) - known(b.remaining, 2) || byName(a, b),
    name: byName,
    budget: (a, b) => known(a.remaining, Infinity) - known(b.remaining, Infinity) || byName(a, b),
    since: (a, b) => known(a.since ? Date.parse(a.since) : null, Infinity) - known(b.since ? Date.parse(b.since) : null, Infinity) || byName(a, b),
    trend: (a, b) => trendOf(a) - trendOf(b) || byName(a, b),
  };
  return [...rows].sort(cmp[sort]);
}

function trendOf(r: Row): number {
  return r.remaining === null || r.remainingWeekAgo === null ? Infinity : r.remaining - r.remainingWeekAgo;
}

export function filterPolicies<T extends Row>(rows: T[], f: { state?: PolicyState; q: string }): T[] {
  const q = f.q.toLowerCase();
  return rows.filter((r) => (!f.state || r.state === f.state) && (!q || r.serviceName.toLowerCase().includes(q)));
}
