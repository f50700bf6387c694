/**
 * Identical requests in flight share one upstream call. Each caller can give up on its own (its
 * promise rejects with the signal's reason); the shared call is aborted only when every caller has
 * gone away, so one closed browser tab never fails the others.
 */
type Flight<T> = { promise: Promise<T>; waiters: number; controller: AbortController };

export class Coalescer<T> {
  private readonly flights = new Map<string, Flight<T>>();

  get size(): number {
    return this.flights.size;
  }

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): { promise: Promise<T>; joined: boolean } {
    let flight = this.flights.get(key);
    const joined = flight !== undefined;
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = { promise: start(controller.signal), waiters: 0, controller };
      created.promise.then(
        () => this.flights.get(key) === created && this.flights.delete(key),
        () => this.flights.get(key) === created && this.flights.delete(key),
      );
      this.flights.set(key, created);
      flight = created;
    }
    const f = flight;
    f.waiters++;
    if (!signal) return { promise: f.promise.finally(() => f.waiters--), joined };
    if (signal.aborted) {
      this.leave(key, f);
      return { promise: Promise.reject(signal.reason), joined };
    }
    const promise = new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.leave(key, f);
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      f.promise.then(
        (v) => {
          signal.removeEventListener("abort", onAbort);
          f.waiters--;
          resolve(v);
        },
        (e) => {
          signal.removeEventListener("abort", onAbort);
          f.waiters--;
          reject(e);
        },
      );
    });
    return { promise, joined };
  }

  private leave(key: string, f: Flight<T>) {
    f.waiters--;
    if (f.waiters <= 0) {
      if (this.flights.get(key) === f) this.flights.delete(key);
      f.controller.abort(new DOMException("All callers went away.", "AbortError"));
    }
  }
}
