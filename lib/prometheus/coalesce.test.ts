import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Coalescer", () => {
  it("runs one call for identical keys and gives every caller its answer", async () => {
    const c = new Coalescer<number>();
    let calls = 0;
    const d = deferred<number>();
    const runs = Array.from({ length: 5 }, () => c.run("k", undefined, () => (calls++, d.promise)));
    expect(runs.map((r) => r.joined)).toEqual([false, true, true, true, true]);
    d.resolve(42);
    expect(await Promise.all(runs.map((r) => r.promise))).toEqual([42, 42, 42, 42, 42]);
    expect(calls).toBe(1);
    expect(c.size).toBe(0);
    const next = c.run("k", undefined, async () => 7);
    expect(next.joined).toBe(false); // a finished call is not reused: that is the cache's job
    expect(await next.promise).toBe(7);
  });

  it("lets one caller leave without failing the others, and aborts upstream when all have left", async () => {
    const c = new Coalescer<string>();
    let upstream: AbortSignal | undefined;
    const d = deferred<string>();
    const a = new AbortController();
    const b = new AbortController();
    const first = c.run("k", a.signal, (s) => ((upstream = s), d.promise));
    const second = c.run("k", b.signal, () => Promise.reject(new Error("not called")));
    a.abort(new Error("tab closed"));
    await expect(first.promise).rejects.toThrow("tab closed");
    expect(upstream!.aborted).toBe(false);
    d.resolve("ok");
    expect(await second.promise).toBe("ok");

    const e = deferred<string>();
    const x = new AbortController();
    const y = new AbortController();
    let upstream2: AbortSignal | undefined;
    const p1 = c.run("k2", x.signal, (s) => ((upstream2 = s), e.promise));
    const p2 = c.run("k2", y.signal, () => e.promise);
    x.abort();
    y.abort();
    await expect(p1.promise).rejects.toBeDefined();
    await expect(p2.promise).rejects.toBeDefined();
    expect(upstream2!.aborted).toBe(true);
    expect(c.size).toBe(0);
  });

  it("passes a failure to every caller and forgets it", async () => {
    const c = new Coalescer<number>();
    const runs = [c.run("k", undefined, () => Promise.reject(new Error("boom"))), c.run("k", undefined, async () => 1)];
    for (const r of runs) await expect(r.promise).rejects.toThrow("boom");
    expect(await c.run("k", undefined, async () => 2).promise).toBe(2);
  });
});
