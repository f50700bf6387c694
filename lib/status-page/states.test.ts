import { describe, expect, it } from "vitest";
import { COMPONENT_STATES, bannerText, componentStates, publicHeadline, stateForSeverity, stateLabels, worstState, type ComponentState, type PublicImpact } from "./states";

const NOW = Date.parse("2025-06-01T12:00:00Z");
const impact = (severity: number, componentIds: string[], p: Partial<PublicImpact> = {}): PublicImpact => ({ severity, componentIds, startedMs: NOW - 3_600_000, mitigatedMs: null, resolvedMs: null, ...p });

describe("component states", () => {
  it("maps SEV1 to major outage, SEV2 to partial outage, SEV3 and SEV4 to degraded", () => {
    expect([1, 2, 3, 4].map(stateForSeverity)).toEqual(["major_outage", "partial_outage", "degraded", "degraded"]);
  });

  it("takes the worst state, operational when there is none", () => {
    expect(worstState([])).toBe("operational");
    expect(worstState(["degraded", "major_outage", "partial_outage"])).toBe("major_outage");
    expect(worstState(["operational", "degraded"])).toBe("degraded");
    expect(bannerText("operational")).toBe("All systems operational");
    expect(bannerText("partial_outage")).toBe("Partial outage");
  });

  it("derives each component's state from the incidents still having an impact", () => {
    const states = componentStates(
      ["a", "b", "c", "d"],
      [
        impact(3, ["a", "b"]),
        impact(2, ["b"]),
        impact(1, ["c"], { mitigatedMs: NOW - 60_000 }), // mitigated: no longer counts
        impact(1, ["d"], { startedMs: NOW + 60_000 }), // not begun
        impact(1, ["private-x"]), // not a listed component
      ],
      NOW,
    );
    expect(Object.fromEntries(states)).toEqual({ a: "degraded", b: "partial_outage", c: "operational", d: "operational" });
  });

  it("agrees with a brute-force worst-of over every combination of severities", () => {
    const order: ComponentState[] = ["operational", "degraded", "partial_outage", "major_outage"];
    for (let mask = 0; mask < 16; mask++) {
      const sevs = [1, 2, 3, 4].filter((_, k) => mask & (1 << k));
      const got = componentStates(["x"], sevs.map((s) => impact(s, ["x"])), NOW).get("x");
      const want = sevs.length ? order[Math.max(...sevs.map((s) => (s === 1 ? 3 : s === 2 ? 2 : 1)))] : "operational";
      expect(got).toBe(want);
    }
  });

  it("builds a public headline from severity and public component names only", () => {
    expect(publicHeadline(2, ["Checkout API", "Search"])).toBe("Partial outage: Checkout API, Search");
    expect(publicHeadline(4, ["Search"])).toBe("Degraded performance: Search");
  });

  it("puts components of a maintenance in progress under maintenance, and only while it is in progress", () => {
    const w = (componentIds: string[], p: { startsMs?: number; endsMs?: number; cancelledMs?: number | null } = {}) => ({ startsMs: NOW - 60_000, endsMs: NOW + 60_000, cancelledMs: null, componentIds, ...p });
    const states = componentStates(["a", "b", "c", "d", "e"], [], NOW, [w(["a", "private-x"]), w(["b"], { startsMs: NOW + 1 }), w(["c"], { endsMs: NOW }), w(["d"], { cancelledMs: NOW - 1 })]);
    expect(Object.fromEntries(states)).toEqual({ a: "under_maintenance", b: "operational", c: "operational", d: "operational", e: "operational" });
    expect(states.has("private-x")).toBe(false);
    expect(stateLabels.under_maintenance).toBe("Under maintenance");
    expect(bannerText("under_maintenance")).toBe("Scheduled maintenance in progress");
  });

  it("lets a partial or major outage win over maintenance, but not degraded performance", () => {
    // The documented precedence, written out here rather than read from the implementation.
    const expected = (sevs: number[], maintenance: boolean): ComponentState => {
      if (sevs.includes(1)) return "major_outage";
      if (sevs.includes(2)) return "partial_outage";
      if (maintenance) return "under_maintenance";
      if (sevs.length) return "degraded";
      return "operational";
    };
    for (let mask = 0; mask < 32; mask++) {
      const sevs = [1, 2, 3, 4].filter((_, k) => mask & (1 << k));
      const maintenance = Boolean(mask & 16);
      const windows = maintenance ? [{ startsMs: NOW - 1, endsMs: NOW + 1, cancelledMs: null, componentIds: ["x"] }] : [];
      expect(componentStates(["x"], sevs.map((s) => impact(s, ["x"])), NOW, windows).get("x"), `SEV ${sevs.join(",")} maintenance ${maintenance}`).toBe(expected(sevs, maintenance));
    }
  });

  it("makes the banner the worst component by the same precedence", () => {
    expect(worstState(["degraded", "under_maintenance", "operational"])).toBe("under_maintenance");
    expect(worstState(["under_maintenance", "partial_outage"])).toBe("partial_outage");
    expect(COMPONENT_STATES).toEqual(["operational", "degraded", "under_maintenance", "partial_outage", "major_outage"]);
  });
});
