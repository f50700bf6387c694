import { describe, expect, it } from "vitest";
import { deployGate, policyState, worstState } from "./policy";

describe("error-budget policy", () => {
  it("maps remaining budget to the seeds' states at their boundaries", () => {
    expect(policyState(0.51)).toBe("healthy");
    expect(policyState(0.5)).toBe("healthy");
    expect(policyState(0.4999)).toBe("warning");
    expect(policyState(0.2)).toBe("warning");
    expect(policyState(0.1999)).toBe("exhausted");
    expect(policyState(-0.5)).toBe("exhausted");
    expect(policyState(null)).toBe("unknown");
    expect(policyState(0.3, { warningBelow: 0.25, exhaustedBelow: 0.1, actions: { healthy: [], warning: [], exhausted: [] } })).toBe("healthy");
  });

  it("takes the worst SLO for the service and turns it into a deploy decision", () => {
    expect(worstState(["healthy", "warning", "healthy"])).toBe("warning");
    expect(worstState(["healthy", "unknown"])).toBe("unknown");
    expect(worstState(["exhausted", "unknown"])).toBe("exhausted");
    const slo = (name: string, remaining: number | null) => ({ id: name, name, remaining, state: policyState(remaining) });
    expect(deployGate([slo("a", 0.9), slo("b", 0.1)])).toMatchObject({ decision: "freeze", reason: expect.stringContaining("b (10.0 % left)") });
    expect(deployGate([slo("a", 0.9), slo("b", 0.3)]).decision).toBe("caution");
    expect(deployGate([slo("a", 0.9), slo("b", null)]).decision).toBe("caution");
    expect(deployGate([slo("a", 0.9)]).decision).toBe("allow");
    expect(deployGate([]).decision).toBe("allow");
  });
});
