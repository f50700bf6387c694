import { describe, expect, it } from "vitest";
import { createForecastCache, forecastKey } from "./forecast-cache";

describe("forecast cache", () => {
  it("shares one computation between concurrent callers and keeps it until its time is up", async () => {
    let clock = 0;
    let runs = 0;
    const cache = createForecastCache<number>({ ttlMs: 1000, now: () => clock });
    const compute = async () => ++runs;
    const key = forecastKey("r1", 2, 30);
    expect(await Promise.all([cache.get(key, compute), cache.get(key, compute)])).toEqual([1, 1]);
    clock = 999;
    expect(await cache.get(key, compute)).toBe(1);
    clock = 1000;
    expect(await cache.get(key, compute)).toBe(2);
    // Another version or horizon is another forecast.
    expect(await cache.get(forecastKey("r1", 3, 30), compute)).toBe(3);
    expect(forecastKey("r1", 2, 30)).not.toBe(forecastKey("r1", 2, 7));
  });

  it("drops a failure at once and keeps some results for less time", async () => {
    let clock = 0;
    const cache = createForecastCache<string>({ ttlMs: 1000, ttlFor: (v) => (v === "problem" ? 100 : 1000), now: () => clock });
    await expect(cache.get("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("a", async () => "fine")).toBe("fine");
    expect(await cache.get("b", async () => "problem")).toBe("problem");
    clock = 150;
    expect(await cache.get("b", async () => "second")).toBe("second");
    expect(await cache.get("a", async () => "again")).toBe("fine");
  });
});
