import { describe, expect, it } from "vitest";
import { editLayer, versionAt } from "./history";
import { layerShifts, newLayer } from "./layer";
import type { LayerDefinition } from "./types";
import { at, DAY, dayOf, HOUR, type ZoneName } from "./testing/dst-model";
import { rotationPersonAt } from "./testing/oracle";
import { prng } from "./testing/prng";

const z: ZoneName = "America/Chicago";
const weekly = (participants: string[], handoffTime = "09:00", start = "2026-03-02"): LayerDefinition => ({
  rotation: { type: "weekly", length: 1, handoffTime, start, participants },
});
const iso = (ms: number) => new Date(ms).toISOString();

describe("rotation edits change the future only", () => {
  it("a mid-shift edit cuts the current turn at the edit and leaves every earlier shift as it was", () => {
    const old = newLayer("p", "Primary", weekly(["ana", "ben", "cy"]));
    const monday = dayOf("2026-03-02");
    const editAt = at(z, monday + 14 + 2, "15:00"); // Wednesday of week 3 (cy's week), 15:00
    const edited = editLayer(old, weekly(["dan", "eve"], "10:00", "2026-03-16"), editAt);
    const from = at(z, monday, "09:00");
    const to = at(z, monday + 35, "09:00");
    const before = layerShifts(old, z, from, to);
    const after = layerShifts(edited, z, from, to);
    // Past: identical up to the edit, the current turn cut there.
    expect(after.filter((s) => s.startMs < editAt)).toEqual(before.filter((s) => s.startMs < editAt).map((s) => ({ ...s, endMs: Math.min(s.endMs, editAt) })));
    const cut = after.find((s) => s.startMs < editAt && s.endMs >= editAt)!;
    expect([cut.userId, iso(cut.startMs), iso(cut.endMs)]).toEqual(["cy", iso(at(z, monday + 14, "09:00")), iso(editAt)]);
    // Future: the new rotation, counted from its own start (2026-03-16 10:00: dan, then eve from 03-23 10:00).
    const next = after.filter((s) => s.startMs >= editAt);
    expect(next.map((s) => [s.userId, iso(s.startMs)])).toEqual([
      ["dan", iso(editAt)],
      ["eve", iso(at(z, monday + 21, "10:00"))],
      ["dan", iso(at(z, monday + 28, "10:00"))],
    ]);
    expect(versionAt(edited, editAt - 1)).toEqual(old.versions[0]);
    expect(versionAt(edited, editAt)?.rotation.participants).toEqual(["dan", "eve"]);
  });

  it("an edit that keeps the person on call does not split their shift; a later edit replaces a planned one", () => {
    const old = newLayer("p", "Primary", weekly(["ana", "ben"]));
    const editAt = at(z, dayOf("2026-03-04"), "12:00");
    const edited = editLayer(old, weekly(["ana", "ben", "cy"]), editAt);
    const shifts = layerShifts(edited, z, at(z, dayOf("2026-03-02"), "09:00"), at(z, dayOf("2026-03-23"), "09:00"));
    expect(shifts.map((s) => [s.userId, iso(s.startMs)])).toEqual([
      ["ana", iso(at(z, dayOf("2026-03-02"), "09:00"))],
      ["ben", iso(at(z, dayOf("2026-03-09"), "09:00"))],
      ["cy", iso(at(z, dayOf("2026-03-16"), "09:00"))],
    ]);
    const planned = editLayer(edited, weekly(["zed"]), editAt + 30 * DAY);
    const replanned = editLayer(planned, weekly(["yan"]), editAt + 10 * DAY);
    expect(replanned.versions.map((v) => v.rotation.participants)).toEqual([["ana", "ben"], ["ana", "ben", "cy"], ["yan"]]);
  });

  it("random edits: shifts before the edit never change, shifts after follow the new definition (2 years, seeded)", () => {
    const r = prng(42);
    const people = ["a", "b", "c", "d", "e"];
    const def = (): LayerDefinition => ({
      rotation: {
        type: r.pick(["hourly", "daily", "weekly", "custom"] as const),
        length: r.int(1, 3) * (r.chance(0.5) ? 1 : 12),
        handoffTime: r.pick(["00:00", "02:30", "01:30", "09:00", "18:15"]),
        start: `2026-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        participants: people.slice(0, r.int(1, 5)),
      },
    });
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    for (let i = 0; i < 40; i++) {
      const first = def();
      first.rotation.length = Math.min(first.rotation.length, first.rotation.type === "weekly" ? 2 : 36);
      const old = newLayer("l", "L", first);
      const editAt = from + r.int(0, 700) * DAY + r.int(0, 47) * 30 * 60_000 + r.int(0, 59) * 1000;
      const second = def();
      second.rotation.length = Math.min(second.rotation.length, second.rotation.type === "weekly" ? 2 : 36);
      const edited = editLayer(old, second, editAt);
      const pastFrom = editAt - r.int(1, 60) * DAY;
      const past = layerShifts(old, z, pastFrom, editAt);
      const now = layerShifts(edited, z, pastFrom, Math.min(to, editAt + 40 * DAY));
      expect(now.filter((s) => s.startMs < editAt).map((s) => ({ ...s, endMs: Math.min(s.endMs, editAt) }))).toEqual(past);
      // After the edit, the person on call is the new rotation's (independent reading) at each hour.
      let j = 0;
      for (let t = editAt; t < Math.min(to, editAt + 40 * DAY); t += 7 * HOUR) {
        while (j < now.length && now[j].endMs <= t) j++;
        const got = now[j] && now[j].startMs <= t ? now[j].userId : null;
        if (got !== rotationPersonAt(second.rotation, z, t)) throw new Error(`edit ${i} at ${iso(editAt)}: ${iso(t)} got ${got}`);
      }
    }
  });
});
