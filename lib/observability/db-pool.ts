import type { Sql } from "postgres";
import { metrics } from "./metrics";

/**
 * Counts queries and transactions in flight on a postgres.js pool. postgres.js exposes no pool
 * statistics, so Keel wraps the two entry points drizzle uses (`unsafe` and `begin`): work beyond
 * `max` in flight is waiting for a connection.
 */
export function trackPool(sql: Sql, max: number): void {
  const m = metrics();
  m.dbPoolMax.set(max);
  let inFlight = 0;
  const update = () => {
    m.dbPoolInUse.set(Math.min(inFlight, max));
    m.dbPoolWaiting.set(Math.max(0, inFlight - max));
  };
  const track = <T>(p: PromiseLike<T>): void => {
    inFlight++;
    update();
    const done = () => {
      inFlight--;
      update();
    };
    p.then(done, done);
  };
  const unsafe = sql.unsafe.bind(sql);
  sql.unsafe = ((...args: Parameters<Sql["unsafe"]>) => {
    const q = unsafe(...args);
    // Pending queries are lazy thenables: observe them without starting them early.
    const origThen = q.then.bind(q);
    let observed = false;
    q.then = ((ok: unknown, fail: unknown) => {
      if (!observed) {
        observed = true;
        track(new Promise((res) => origThen(res, res)));
      }
      return origThen(ok as never, fail as never);
    }) as typeof q.then;
    return q;
  }) as Sql["unsafe"];
  const begin = sql.begin.bind(sql);
  sql.begin = ((...args: unknown[]) => {
    const p = (begin as (...a: unknown[]) => Promise<unknown>)(...args);
    track(p);
    return p;
  }) as Sql["begin"];
}
