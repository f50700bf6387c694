import { describe, expect, it } from "vitest";
import { myStretches } from "./my-shifts";
import type { FinalShift } from "./types";

const shift = (startMs: number, endMs: number, final: string[], layers: [string, string[]][]): FinalShift => ({
  startMs,
  endMs,
  userIds: final,
  sourceLayerId: final.length ? "top" : null,
  layers: layers.map(([layerId, userIds]) => ({ layerId, userIds })),
  overrideIds: [],
  overridden: false,
});

describe("myStretches", () => {
  it("joins adjacent pieces where I am final, or on a lower layer, and leaves out started ones", () => {
    const shifts = [
      shift(0, 10, ["me"], [["low", ["bo"]], ["top", ["me"]]]),
      shift(10, 20, ["ann"], [["low", ["me"]], ["top", ["ann"]]]),
      shift(20, 30, ["ann"], [["low", ["me"]], ["top", ["ann"]]]),
      shift(30, 40, ["me"], [["low", ["bo"]], ["top", ["me"]]]),
      shift(40, 50, ["me"], [["low", ["bo"]], ["top", ["me"]]]),
    ];
    expect(myStretches(shifts, "me", 5)).toEqual([
      { startMs: 10, endMs: 30, layerId: "low" },
      { startMs: 30, endMs: 50, layerId: null },
    ]);
    expect(myStretches(shifts, "me", 0)[0]).toEqual({ startMs: 0, endMs: 10, layerId: null });
  });
});
