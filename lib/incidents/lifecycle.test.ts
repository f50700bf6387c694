import { describe, expect, it } from "vitest";
import { STATUSES, allowedNext, canClose, checkTransition, isRelapse, postmortemRequiredByDefault, transitionStamps, type Stamps, type Status } from "./lifecycle";

// The allowed moves written out by hand, independently of the implementation's rules.
const ALLOWED: Record<Status, Status[]> = {
  triaging: ["investigating", "identified", "monitoring", "resolved"],
  investigating: ["identified", "monitoring", "resolved"],
  identified: ["monitoring", "resolved"],
  monitoring: ["investigating", "resolved"],
  resolved: ["investigating", "closed"],
  closed: [],
};

const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
const at = new Date("2025-03-01T12:00:00Z");
const earlier = new Date("2025-03-01T11:00:00Z");

describe("status transitions", () => {
  it.each(pairs)("%s → %s is allowed exactly when the table says so", (from, to) => {
    const check = checkTransition(from, to);
    expect(check.ok).toBe(ALLOWED[from].includes(to));
    if (!check.ok) {
      // The message names both states and, unless the incident is closed or unchanged, every allowed next state.
      if (from === "closed") expect(check.message).toMatch(/closed incident is final/);
      else if (from === to) expect(check.message).toBe(`The incident is already ${from}.`);
      else {
        expect(check.message).toContain(`from ${from} to ${to}`);
        expect(check.message).toContain(`it can move to: ${ALLOWED[from].join(", ")}.`);
      }
    }
  });

  it("lists the allowed next states in lifecycle order", () => {
    for (const s of STATUSES) expect(allowedNext(s)).toEqual(ALLOWED[s]);
  });

  it("calls only moves back to investigating from monitoring or resolved a relapse", () => {
    const relapses = pairs.filter(([f, t]) => isRelapse(f, t)).map(([f, t]) => `${f}→${t}`);
    expect(relapses.sort()).toEqual(["monitoring→investigating", "resolved→investigating"]);
  });
});

// The timestamps each allowed move sets on an incident that has none yet, by hand.
const FRESH: Record<string, (keyof Stamps)[]> = {
  "triaging→investigating": ["acknowledged"],
  "triaging→identified": ["acknowledged"],
  "triaging→monitoring": ["acknowledged", "mitigated"],
  "triaging→resolved": ["acknowledged", "mitigated", "resolved"],
  "investigating→identified": [],
  "investigating→monitoring": ["mitigated"],
  "investigating→resolved": ["mitigated", "resolved"],
  "identified→monitoring": ["mitigated"],
  "identified→resolved": ["mitigated", "resolved"],
  "monitoring→investigating": [],
  "monitoring→resolved": ["mitigated", "resolved"],
  "resolved→investigating": [],
  "resolved→closed": ["mitigated", "resolved", "closed"],
};

describe("timestamps set by transitions", () => {
  const allowedPairs = pairs.filter(([f, t]) => ALLOWED[f].includes(t));

  it("covers every allowed move in the table", () => {
    expect(allowedPairs.map(([f, t]) => `${f}→${t}`).sort()).toEqual(Object.keys(FRESH).sort());
  });

  it.each(allowedPairs)("%s → %s on an incident with no times yet", (from, to) => {
    const out = transitionStamps(from, to, {}, at);
    expect(Object.keys(out).sort()).toEqual([...FRESH[`${from}→${to}`]].sort());
    for (const v of Object.values(out)) expect(v).toBe(at);
  });

  it.each(allowedPairs)("%s → %s never overwrites a time already recorded (back-filled times stay)", (from, to) => {
    const current: Stamps = { acknowledged: earlier, mitigated: earlier, resolved: earlier, closed: null };
    const out = transitionStamps(from, to, current, at);
    if (isRelapse(from, to)) {
      expect(out).toEqual({ mitigated: null, resolved: null });
    } else {
      expect(out).toEqual(to === "closed" ? { closed: at } : {});
    }
  });

  it("a relapse from monitoring clears mitigated only when set, and the next resolution stamps anew", () => {
    expect(transitionStamps("monitoring", "investigating", { acknowledged: earlier, mitigated: earlier }, at)).toEqual({ mitigated: null });
    expect(transitionStamps("investigating", "resolved", { acknowledged: earlier, mitigated: null, resolved: null }, at)).toEqual({ mitigated: at, resolved: at });
  });
});

describe("closing", () => {
  const cases: [Status, boolean, boolean, string | null][] = [
    ["resolved", false, false, null],
    ["resolved", true, true, null],
    ["resolved", true, false, "This incident needs a published postmortem before it can be closed."],
    ["monitoring", false, false, "Only a resolved incident can be closed; this one is monitoring."],
    ["triaging", true, true, "Only a resolved incident can be closed; this one is triaging."],
    ["closed", false, false, "The incident is already closed."],
  ];
  it.each(cases)("a %s incident (postmortem required %s, published %s)", (status, postmortemRequired, postmortemPublished, reason) => {
    const check = canClose({ status }, { postmortemRequired, postmortemPublished });
    expect(check).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });

  it("requires a postmortem for SEV1 and SEV2 by default", () => {
    expect([postmortemRequiredByDefault("SEV1"), postmortemRequiredByDefault("SEV2"), postmortemRequiredByDefault("SEV3"), postmortemRequiredByDefault("SEV4")]).toEqual([true, true, false, false]);
  });
});
