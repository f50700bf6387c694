import { describe, expect, it } from "vitest";
import { afterFailure, MAX_ATTEMPTS } from "./backoff";

const now = new Date("2025-03-01T10:00:00Z");
const waitAfter = (attempts: number) => {
  const next = afterFailure(attempts, now);
  return next.status === "pending" ? (next.nextAttemptAt.getTime() - now.getTime()) / 1000 : "failed";
};

describe("retry backoff", () => {
  it("waits 30 s, 2 min, 10 min, 30 min, 2 h, then gives up after the 6th attempt", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(waitAfter)).toEqual([30, 120, 600, 1800, 7200, "failed", "failed"]);
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it("spends under three hours retrying before a delivery fails", () => {
    const total = [1, 2, 3, 4, 5].reduce((s, n) => s + (waitAfter(n) as number), 0);
    expect(total).toBe(30 + 120 + 600 + 1800 + 7200);
    expect(total).toBeLessThan(3 * 3600);
  });

  it("does not retry a permanent failure", () => {
    expect(afterFailure(1, now, true)).toEqual({ status: "failed" });
  });
});
