import { describe, expect, it } from "vitest";
import { checkNewOverride, conflictingOverrides, overridesConflict } from "./overrides";
import type { Override, OverrideKind } from "./types";

const H = 3_600_000;
const T0 = Date.UTC(2026, 5, 1);
let n = 0;
const ov = (kind: OverrideKind, userId: string, fromH: number, toH: number, layerId: string | null = "primary"): Override => ({
  id: `o${++n}`,
  kind,
  userId,
  startMs: T0 + fromH * H,
  endMs: T0 + toH * H,
  layerId,
});
const schedule = { layers: [{ id: "secondary", name: "Secondary", versions: [] }, { id: "primary", name: "Primary", versions: [] }] };

describe("override conflicts", () => {
  it("follows the rule: same layers, overlapping, and not just adding or removing different people", () => {
    const cases: [Override, Override, boolean][] = [
      [ov("replace", "ana", 0, 4), ov("replace", "ben", 2, 6), true],
      [ov("replace", "ana", 0, 4), ov("replace", "ana", 2, 6), true],
      [ov("replace", "ana", 0, 4), ov("add", "ben", 2, 6), true],
      [ov("add", "ana", 0, 4), ov("add", "ben", 2, 6), false],
      [ov("add", "ana", 0, 4), ov("remove", "ben", 2, 6), false],
      [ov("add", "ana", 0, 4), ov("remove", "ana", 2, 6), true],
      [ov("remove", "ana", 0, 4), ov("remove", "ana", 3, 6), true],
      // Touching ends do not overlap.
      [ov("replace", "ana", 0, 4), ov("replace", "ben", 4, 6), false],
      // Different layers do not conflict; an override without a layer touches every layer.
      [ov("replace", "ana", 0, 4, "primary"), ov("replace", "ben", 2, 6, "secondary"), false],
      [ov("replace", "ana", 0, 4, null), ov("replace", "ben", 2, 6, "secondary"), true],
      [ov("add", "ana", 0, 4, null), ov("add", "ana", 2, 6, "secondary"), true],
      [ov("add", "ana", 0, 4, null), ov("add", "ben", 2, 6, "secondary"), false],
    ];
    for (const [a, b, want] of cases) {
      expect(overridesConflict(a, b), `${a.kind} ${a.userId} ${a.layerId} / ${b.kind} ${b.userId} ${b.layerId}`).toBe(want);
      expect(overridesConflict(b, a)).toBe(want);
    }
  });

  it("reports each conflicting pair once, empty ranges, unknown layers and missing people", () => {
    const a = ov("replace", "ana", 0, 10);
    const b = ov("replace", "ben", 5, 6);
    const c = ov("replace", "cy", 8, 12);
    const d = ov("add", "dan", 0, 10);
    const backwards = ov("add", "eve", 5, 3);
    const nowhere = ov("add", "eve", 20, 21, "tertiary");
    const nobody = { ...ov("add", "", 30, 31) };
    const problems = conflictingOverrides([a, b, c, d, backwards, nowhere, nobody], schedule);
    expect(problems.filter((p) => p.code === "conflict").map((p) => p.overrideIds).sort()).toEqual(
      // A replace conflicts with anything overlapping on its layer, the add of dan included.
      [[a.id, b.id], [a.id, c.id], [a.id, d.id], [b.id, d.id], [c.id, d.id]].sort(),
    );
    expect(problems.find((p) => p.code === "empty-range")).toMatchObject({ overrideIds: [backwards.id], message: expect.stringMatching(/must end after it starts/) });
    expect(problems.find((p) => p.code === "unknown-layer")).toMatchObject({ overrideIds: [nowhere.id], message: 'The schedule has no layer "tertiary".' });
    expect(problems.find((p) => p.code === "missing-user")?.overrideIds).toEqual([nobody.id]);
    expect(problems.find((p) => p.overrideIds.join() === `${a.id},${b.id}`)!.message).toBe(
      `Overrides ${a.id} (replace ana) and ${b.id} (replace ben) overlap on layer "primary" from 2026-06-01T05:00:00.000Z to 2026-06-01T06:00:00.000Z.`,
    );
  });

  it("checks a new override against the saved ones, by brute force over random sets", () => {
    // Independent check: conflictingOverrides over a set equals all pairs tested one by one.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 30; round++) {
      const list: Override[] = Array.from({ length: 25 }, () => {
        const s = Math.floor(rnd() * 100);
        return ov((["add", "replace", "remove"] as const)[Math.floor(rnd() * 3)], ["ana", "ben", "cy"][Math.floor(rnd() * 3)], s, s + 1 + Math.floor(rnd() * 20), [null, "primary", "secondary"][Math.floor(rnd() * 3)]);
      });
      const pairs: string[] = [];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const overlap = a.startMs < b.endMs && b.startMs < a.endMs;
        const layers = a.layerId === null || b.layerId === null || a.layerId === b.layerId;
        const harmless = a.kind !== "replace" && b.kind !== "replace" && a.userId !== b.userId;
        if (overlap && layers && !harmless) pairs.push(`${a.id}+${b.id}`);
      }
      expect(conflictingOverrides(list).map((p) => p.overrideIds.join("+")).sort()).toEqual(pairs.sort());
      const last = list.at(-1)!;
      expect(checkNewOverride(last, list.slice(0, -1)).length).toBe(pairs.filter((p) => p.endsWith(`+${last.id}`)).length);
    }
  });
});
