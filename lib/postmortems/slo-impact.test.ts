import { describe, expect, it } from "vitest";
import { defaultPolicy } from "@/lib/slo/policy";
import { maxConsumed, policyMove, worsenedAny, type SloImpactRow } from "./slo-impact";

const row = (over: Partial<SloImpactRow>): SloImpactRow => ({ sloId: "s", name: "n", service: "svc", consumed: 0.1, stateBefore: "healthy", stateAfter: "healthy", dataSource: "Prometheus", problem: null, ...over });

describe("policyMove", () => {
  // A 30-day 99.9 % SLO over 10,000,000 requests allows 10,000 bad ones. 7,500 bad ones already
  // happened before the incident (75 % used: 25 % left, Warning). The incident added 10,400 bad ones
  // (104 % of the budget): 17,900 used, −79 % left, Exhausted.
  it("moves Warning → Exhausted for an incident that ate 104 % of the budget (seed example)", () => {
    const allowed = 10_000;
    const before = 7_500;
    const incident = 10_400;
    const remainingNow = (allowed - before - incident) / allowed; // −0.79
    const consumed = incident / allowed; // 1.04
    expect(policyMove(remainingNow, consumed)).toEqual({ before: "warning", after: "exhausted" });
  });

  it("uses the policy thresholds (50 % and 20 % left by default) on both sides", () => {
    // 60 % left after consuming 5 %: 65 % before → Healthy both.
    expect(policyMove(0.6, 0.05)).toEqual({ before: "healthy", after: "healthy" });
    // 45 % left after 10 %: 55 % before → Healthy → Warning.
    expect(policyMove(0.45, 0.1)).toEqual({ before: "healthy", after: "warning" });
    // Exactly at the thresholds: 50 % left is Healthy, 20 % left is Warning (states change below them).
    expect(policyMove(0.5, 0)).toEqual({ before: "healthy", after: "healthy" });
    expect(policyMove(0.2, 0.3)).toEqual({ before: "healthy", after: "warning" });
    expect(policyMove(0.1875, 0.0625)).toEqual({ before: "warning", after: "exhausted" });
    const strict = { ...defaultPolicy, warningBelow: 0.8, exhaustedBelow: 0.5 };
    expect(policyMove(0.6, 0.3, strict)).toEqual({ before: "healthy", after: "warning" });
  });

  it("is unknown before when either figure is unknown", () => {
    expect(policyMove(null, 0.3)).toEqual({ before: "unknown", after: "unknown" });
    expect(policyMove(0.3, null)).toEqual({ before: "unknown", after: "warning" });
    expect(policyMove(0.3, Number.POSITIVE_INFINITY)).toEqual({ before: "unknown", after: "warning" });
  });
});

describe("summaries", () => {
  it("maxConsumed: the largest known share, null when none is known", () => {
    expect(maxConsumed([])).toBeNull();
    expect(maxConsumed([row({ consumed: null })])).toBeNull();
    expect(maxConsumed([row({ consumed: 0.1 }), row({ consumed: 1.04 }), row({ consumed: null })])).toBe(1.04);
  });

  it("worsenedAny: a move to a worse known state", () => {
    expect(worsenedAny([row({ stateBefore: "healthy", stateAfter: "healthy" })])).toBe(false);
    expect(worsenedAny([row({ stateBefore: "unknown", stateAfter: "exhausted" })])).toBe(false);
    expect(worsenedAny([row({ stateBefore: "warning", stateAfter: "healthy" })])).toBe(false);
    expect(worsenedAny([row({}), row({ stateBefore: "warning", stateAfter: "exhausted" })])).toBe(true);
  });
});
