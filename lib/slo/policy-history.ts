import "server-only";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "@/db";
import type { PolicyState } from "./policy";

const ps = schema.policyStates;

/** A service's policy state as evaluated now; `remaining` is its lowest budget left (null: no data). */
export type PolicyStateObservation = { serviceId: string; state: PolicyState; remaining: number | null };

/** A state change that was recorded; `from` is null for a service's first observation. */
export type PolicyStateChange = { serviceId: string; from: PolicyState | null; to: PolicyState };

/** One row of a service's history: the state it entered, when, and the budget left then. ISO times. */
export type PolicyStateEntry = { state: PolicyState; since: string; remaining: number | null };

/** A past state, for seeding history. */
export type PolicyHistoryRow = { serviceId: string; state: PolicyState; since: Date; remaining: number | null };

/** The latest row of each service, in one query (through the transaction when given one). */
const latestRows = (ids: string[], db: Pick<Db, "selectDistinctOn"> = getDb()) =>
  db
    .selectDistinctOn([ps.serviceId], { serviceId: ps.serviceId, state: ps.state, since: ps.since, remaining: ps.remaining })
    .from(ps)
    .where(inArray(ps.serviceId, ids))
    .orderBy(ps.serviceId, desc(ps.since), desc(ps.id));

/**
 * Records each service's state at `at` when it differs from its latest recorded state (a first
 * observation is recorded too). Overlapping callers are serialised per service by a transaction-scoped
 * advisory lock, taken in a fixed order, so the same change is recorded once. An observation older
 * than the latest row is ignored: history only moves forward. Returns what was recorded.
 */
export async function recordPolicyStates(entries: PolicyStateObservation[], at: Date): Promise<PolicyStateChange[]> {
  const byService = new Map(entries.map((e) => [e.serviceId, e])); // the last observation of a service wins
  const ids = [...byService.keys()].sort();
  if (!ids.length) return [];
  return getDb().transaction(async (tx) => {
    // unnest keeps the array's (sorted) order, so every caller locks services in the same order.
    const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('keel.policy_states'), hashtext(id)) from unnest(array[${list}]::text[]) as t(id)`);
    const latest = await latestRows(ids, tx);
    const prev = new Map(latest.map((r) => [r.serviceId, r]));
    const changes: PolicyStateChange[] = [];
    const rows: (typeof ps.$inferInsert)[] = [];
    for (const id of ids) {
      const e = byService.get(id)!;
      const last = prev.get(id);
      if (last && (last.state === e.state || at < last.since)) continue;
      changes.push({ serviceId: id, from: last?.state ?? null, to: e.state });
      rows.push({ serviceId: id, state: e.state, since: at, remaining: e.remaining !== null && Number.isFinite(e.remaining) ? e.remaining : null });
    }
    if (rows.length) await tx.insert(ps).values(rows);
    return changes;
  });
}

/** Each service's current state and since when (its latest row); services never recorded are absent. */
export async function stateSince(serviceIds: string[]): Promise<Map<string, PolicyStateEntry>> {
  const ids = [...new Set(serviceIds)];
  if (!ids.length) return new Map();
  const rows = await latestRows(ids);
  return new Map(rows.map((r) => [r.serviceId, { state: r.state, since: r.since.toISOString(), remaining: r.remaining }]));
}

/** A service's states, newest first. */
export async function stateHistory(serviceId: string, { limit = 50 }: { limit?: number } = {}): Promise<PolicyStateEntry[]> {
  const n = Math.min(Math.max(Math.trunc(limit) || 1, 1), 500);
  const rows = await getDb()
    .select({ state: ps.state, since: ps.since, remaining: ps.remaining })
    .from(ps)
    .where(eq(ps.serviceId, serviceId))
    .orderBy(desc(ps.since), desc(ps.id))
    .limit(n);
  return rows.map((r) => ({ state: r.state, since: r.since.toISOString(), remaining: r.remaining }));
}

/** Inserts past states as given (seeding); no change detection. Returns the number of rows. */
export async function insertPolicyHistory(rows: PolicyHistoryRow[]): Promise<number> {
  for (let i = 0; i < rows.length; i += 1000) {
    await getDb()
      .insert(ps)
      .values(rows.slice(i, i + 1000).map((r) => ({ serviceId: r.serviceId, state: r.state, since: r.since, remaining: r.remaining })));
  }
  return rows.length;
}

/** The latest `limit` states of each service, newest first, in one query. */
export async function recentHistories(serviceIds: string[], limit = 10): Promise<Map<string, PolicyStateEntry[]>> {
  const ids = [...new Set(serviceIds)];
  const out = new Map<string, PolicyStateEntry[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const ranked = getDb()
    .select({
      serviceId: ps.serviceId,
      state: ps.state,
      since: ps.since,
      remaining: ps.remaining,
      n: sql<number>`row_number() over (partition by ${ps.serviceId} order by ${ps.since} desc, ${ps.id} desc)`.as("n"),
    })
    .from(ps)
    .where(inArray(ps.serviceId, ids))
    .as("ranked");
  const rows = await getDb().select().from(ranked).where(sql`${ranked.n} <= ${limit}`).orderBy(ranked.serviceId, ranked.n);
  for (const r of rows) out.get(r.serviceId)!.push({ state: r.state, since: new Date(r.since).toISOString(), remaining: r.remaining });
  return out;
}
