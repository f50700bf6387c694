import { describe, expect, it } from "vitest";
import { escalationPlan, nextEscalation, scheduleLookup, stepRecipients, unreachableSteps, type EscalationPolicy, type EscalationState } from "./escalation";
import { newLayer } from "./layer";
import type { Schedule } from "./types";

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 3, 7);
/** The seeds' chain: primary → secondary after 15 min → engineering manager → VP. */
const policy: EscalationPolicy = {
  steps: [
    { targets: [{ kind: "layer", scheduleId: "plat", layerId: "primary" }], delayMinutes: 15 },
    { targets: [{ kind: "layer", scheduleId: "plat", layerId: "secondary" }], delayMinutes: 15 },
    { targets: [{ kind: "user", userId: "manager" }], delayMinutes: 30 },
    { targets: [{ kind: "user", userId: "vp" }], delayMinutes: 60 },
  ],
  repeat: 2,
};

describe("escalation", () => {
  it("plans every step of every round: delays add up, the last step's delay leads into the next round", () => {
    const plan = escalationPlan(policy, T0);
    expect(plan).toHaveLength(12);
    // Independently: a round lasts 15 + 15 + 30 + 60 = 120 minutes; offsets within it 0, 15, 30, 60.
    const offsets = [0, 15, 30, 60];
    plan.forEach((p, i) => {
      expect(p.index).toBe(i);
      expect(p.round).toBe(Math.floor(i / 4));
      expect(p.stepIndex).toBe(i % 4);
      expect(p.dueMs).toBe(T0 + (120 * Math.floor(i / 4) + offsets[i % 4]) * MIN);
      expect(p.targets).toBe(policy.steps[i % 4].targets);
    });
    expect(escalationPlan({ ...policy, repeat: 0 }, T0)).toHaveLength(4);
  });

  it("notifies what is due, waits for the next, stops on acknowledgement or resolution, and ends when exhausted", () => {
    const state: EscalationState = { policy, openedAtMs: T0, sent: 0 };
    expect(nextEscalation(state, T0)).toMatchObject({ kind: "notify", due: [{ index: 0 }], nextDueMs: T0 + 15 * MIN });
    expect(nextEscalation({ ...state, sent: 1 }, T0 + 14 * MIN)).toMatchObject({ kind: "wait", next: { index: 1, dueMs: T0 + 15 * MIN } });
    expect(nextEscalation({ ...state, sent: 1 }, T0 + 15 * MIN)).toMatchObject({ kind: "notify", due: [{ index: 1, stepIndex: 1 }] });
    // Timers that ran late owe every step that fell due, in order.
    const late = nextEscalation({ ...state, sent: 1 }, T0 + 61 * MIN);
    expect(late.kind === "notify" && late.due.map((d) => d.index)).toEqual([1, 2, 3]);
    // Acknowledged before the secondary was due: stopped. An acknowledgement in the future does not count yet.
    expect(nextEscalation({ ...state, sent: 1, acknowledgedAtMs: T0 + 10 * MIN }, T0 + 15 * MIN)).toEqual({ kind: "stopped", reason: "acknowledged", atMs: T0 + 10 * MIN });
    expect(nextEscalation({ ...state, sent: 1, acknowledgedAtMs: T0 + 20 * MIN }, T0 + 15 * MIN).kind).toBe("notify");
    expect(nextEscalation({ ...state, sent: 3, resolvedAtMs: T0 + 40 * MIN }, T0 + 50 * MIN)).toMatchObject({ kind: "stopped", reason: "resolved" });
    // The repeat: step 1 again at 120 minutes, the third round's last step at 300; then nothing is left.
    expect(nextEscalation({ ...state, sent: 4 }, T0 + 100 * MIN)).toMatchObject({ kind: "wait", next: { round: 1, stepIndex: 0, dueMs: T0 + 120 * MIN } });
    expect(nextEscalation({ ...state, sent: 12 }, T0 + 10_000 * MIN)).toEqual({ kind: "exhausted", lastDueMs: T0 + 300 * MIN });
  });

  it("refuses empty policies, steps without targets and bad delays or repeats", () => {
    expect(() => escalationPlan({ steps: [], repeat: 0 }, T0)).toThrow(/at least one step/);
    expect(() => escalationPlan({ steps: [{ targets: [], delayMinutes: 5 }], repeat: 0 }, T0)).toThrow(/Step 1 notifies nobody/);
    expect(() => escalationPlan({ steps: [{ targets: [{ kind: "user", userId: "a" }], delayMinutes: 0 }], repeat: 0 }, T0)).toThrow(/at least 1/);
    expect(() => escalationPlan({ ...policy, repeat: 10 }, T0)).toThrow(/0 to 9/);
  });

  it("resolves steps through the schedules and flags nobody on call", () => {
    const plat: Schedule = {
      id: "plat",
      timeZone: "UTC",
      layers: [
        newLayer("secondary", "Secondary", { rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2026-06-01", participants: ["sam"] } }),
        newLayer("primary", "Primary", { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2026-06-01", participants: ["ana", "ben"] }, restrictions: [{ start: "09:00", end: "21:00" }] }),
      ],
    };
    const lookup = scheduleLookup(new Map([["plat", { schedule: plat, overrides: [] }]]));
    const noon = Date.UTC(2026, 5, 2, 12);
    const night = Date.UTC(2026, 5, 2, 23);
    expect(stepRecipients(policy.steps[0], noon, lookup)).toEqual({ userIds: ["ben"], empty: [], nobodyOnCall: false });
    expect(stepRecipients(policy.steps[0], night, lookup)).toEqual({ userIds: [], empty: [{ target: policy.steps[0].targets[0], reason: "nobody-on-call" }], nobodyOnCall: true });
    const both = { targets: [...policy.steps[0].targets, { kind: "layer" as const, scheduleId: "gone", layerId: "x" }, { kind: "schedule" as const, scheduleId: "plat" }] };
    expect(stepRecipients(both, night, lookup)).toMatchObject({ userIds: ["sam"], nobodyOnCall: false, empty: [{ reason: "nobody-on-call" }, { reason: "unknown" }] });
    // An incident opened at 20:50: the primary step is due at 20:50 (ben), a repeat at 22:50 finds nobody.
    const unreachable = unreachableSteps(escalationPlan(policy, Date.UTC(2026, 5, 2, 20, 50)), lookup);
    expect(unreachable.map((u) => [u.round, u.stepIndex, new Date(u.dueMs).toISOString()])).toEqual([
      [1, 0, "2026-06-02T22:50:00.000Z"],
      [2, 0, "2026-06-03T00:50:00.000Z"],
    ]);
  });
});
