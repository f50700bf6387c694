import { describe, expect, it } from "vitest";
import { doneCount, remapDone, setDone, splitAlertNames } from "./progress";

const steps = (...titles: string[]) => titles.map((title) => ({ title }));

describe("runbook progress", () => {
  it("ticks and unticks a step, keeping the indexes sorted and unique", () => {
    expect(setDone([], 2, true)).toEqual([2]);
    expect(setDone([3, 0], 1, true)).toEqual([0, 1, 3]);
    expect(setDone([0, 1], 1, true)).toEqual([0, 1]);
    expect(setDone([0, 1, 3], 1, false)).toEqual([0, 3]);
    expect(setDone([0], 5, false)).toEqual([0]);
  });

  it("follows done steps to their new places when steps are reordered, inserted or removed", () => {
    const before = steps("Check pool", "Kill slow query", "Raise max", "Tell support");
    // Reordered: "Raise max" first. Inserted: "Page DBA". Removed: "Tell support".
    const after = steps("Raise max", "Page DBA", "Check pool", "Kill slow query");
    expect(remapDone(before, after, [0, 2, 3])).toEqual([0, 2]); // Check pool → 2, Raise max → 0, Tell support gone
    expect(remapDone(before, after, [])).toEqual([]);
    expect(remapDone(before, before, [1, 3])).toEqual([1, 3]);
  });

  it("matches steps that share a title in order", () => {
    const before = steps("Restart", "Wait", "Restart");
    const after = steps("Wait", "Restart", "Restart", "Verify");
    expect(remapDone(before, after, [2])).toEqual([2]); // second "Restart" → second "Restart"
    expect(remapDone(before, after, [0, 1])).toEqual([0, 1]);
    expect(remapDone(before, steps("Restart"), [0, 2])).toEqual([0]); // only one "Restart" left
  });

  it("counts done steps that still exist", () => {
    expect(doneCount(3, [0, 2])).toBe(2);
    expect(doneCount(2, [0, 2, 5])).toBe(1);
    expect(doneCount(0, [])).toBe(0);
  });

  it("splits alert names on commas, spaces and new lines", () => {
    expect(splitAlertNames(" HighErrorRate, PostgresDown\nKafkaLag ,,")).toEqual(["HighErrorRate", "PostgresDown", "KafkaLag"]);
    expect(splitAlertNames("")).toEqual([]);
  });
});
