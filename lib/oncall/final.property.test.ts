/**
 * Property-style tests: seeded random schedules (zones with DST, 1–3 layers, all rotation types,
 * hand-offs at skipped and repeated times, restrictions crossing midnight, mid-range edits) and
 * random overrides. The final shifts must partition the range, agree with a naive instant-by-
 * instant reading of the rules (testing/oracle.ts, on an independent zone model), agree with
 * onCallAt, and honour every override.
 */
import { describe, expect, it } from "vitest";
import { finalShifts } from "./final";
import { editLayer } from "./history";
import { layerShifts } from "./layer";
import { ON_CALL_HORIZON_MS, onCallAt } from "./on-call-at";
import { checkNewOverride, conflictingOverrides } from "./overrides";
import type { Layer, LayerDefinition, Override, Restriction, Rotation, Schedule, Weekday } from "./types";
import { DAY, HOUR, MIN, MODELLED_ZONES } from "./testing/dst-model";
import { oracleOnCall } from "./testing/oracle";
import { prng, type Prng } from "./testing/prng";

const USERS = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"];
const TIMES = ["00:00", "01:30", "01:45", "02:15", "02:30", "09:00", "17:45", "23:30"];
const DAYS: Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const sorted = (a: readonly string[]) => [...a].sort();

function randomRotation(r: Prng): Rotation {
  const type = r.pick(["hourly", "daily", "weekly", "custom"] as const);
  const length = type === "hourly" ? r.int(1, 12) : type === "daily" ? r.int(1, 3) : type === "weekly" ? r.int(1, 2) : r.pick([8, 12, 36, 48]);
  const n = r.int(1, 5);
  return {
    type,
    length,
    handoffTime: r.chance(0.5) ? r.pick(TIMES) : hhmm(r.int(0, 95) * 15),
    start: `2026-${String(r.int(1, 11)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
    participants: Array.from({ length: n }, () => r.pick(USERS)),
  };
}

function randomRestrictions(r: Prng): Restriction[] | undefined {
  if (!r.chance(0.4)) return undefined;
  return Array.from({ length: r.int(1, 2) }, () => ({
    days: r.chance(0.5) ? DAYS.filter(() => r.chance(0.6)).concat(r.pick(DAYS)).filter((d, i, a) => a.indexOf(d) === i) : undefined,
    start: hhmm(r.int(0, 47) * 30),
    end: hhmm(r.int(0, 47) * 30),
  }));
}

const definition = (r: Prng): LayerDefinition => ({ rotation: randomRotation(r), restrictions: randomRestrictions(r) });

function randomCase(seed: number) {
  const r = prng(seed);
  const timeZone = r.pick(MODELLED_ZONES);
  const fromMs = Date.UTC(2026, 0, 1) + r.int(0, 330) * DAY + r.int(0, 23) * HOUR;
  const toMs = fromMs + r.int(10, 45) * DAY + r.int(0, 59) * MIN;
  const layers: Layer[] = Array.from({ length: r.int(1, 3) }, (_, i) => {
    let layer: Layer = { id: `L${i}`, name: `Layer ${i}`, versions: [definition(r)] };
    if (r.chance(0.3)) layer = editLayer(layer, definition(r), fromMs + r.int(0, toMs - fromMs));
    return layer;
  });
  const schedule: Schedule = { id: `s${seed}`, timeZone, layers };
  const overrides: Override[] = [];
  for (let i = r.int(0, 30); i > 0; i--) {
    const startMs = fromMs - 2 * DAY + r.int(0, (toMs - fromMs) / MIN + 2 * 24 * 60) * MIN;
    const candidate: Override = {
      id: `o${i}`,
      kind: r.pick(["add", "replace", "remove"] as const),
      userId: r.pick(USERS),
      startMs,
      endMs: startMs + r.int(30, 3 * 24 * 60) * MIN,
      layerId: r.chance(0.3) ? null : r.pick(layers).id,
    };
    if (!checkNewOverride(candidate, overrides, schedule).length) overrides.push(candidate);
  }
  return { r, schedule, overrides, fromMs, toMs };
}

const SEEDS = Array.from({ length: 36 }, (_, i) => 1000 + i * 7919);

describe("final shifts of random schedules", () => {
  it("partition the range, agree with the rules at random instants and at every boundary, and honour every override", () => {
    let instants = 0;
    let overridesChecked = 0;
    for (const seed of SEEDS) {
      const { r, schedule, overrides, fromMs, toMs } = randomCase(seed);
      const ctx = `seed ${seed}`;
      expect(conflictingOverrides(overrides, schedule), ctx).toEqual([]);
      const shifts = finalShifts(schedule, overrides, fromMs, toMs);

      // A partition of [from, to), coalesced.
      const key = (x: (typeof shifts)[number]) => JSON.stringify([x.userIds, x.sourceLayerId, x.layers, x.overrideIds, x.overridden]);
      const broken = shifts.filter(
        (s, i) =>
          !(s.endMs > s.startMs) ||
          (s.sourceLayerId === null) !== (s.userIds.length === 0) ||
          (i > 0 && (s.startMs !== shifts[i - 1].endMs || key(s) === key(shifts[i - 1]))),
      );
      expect(broken, ctx).toEqual([]);
      expect([shifts[0].startMs, shifts.at(-1)!.endMs], ctx).toEqual([fromMs, toMs]);

      // Agreement with the naive reading at each piece's first and last millisecond and at random instants.
      const probes = shifts.flatMap((s) => [s.startMs, s.endMs - 1]);
      for (let i = 0; i < 100; i++) probes.push(fromMs + Math.floor(r.next() * (toMs - fromMs)));
      let j = 0;
      const wrong: string[] = [];
      for (const t of [...probes].sort((a, b) => a - b)) {
        while (shifts[j].endMs <= t) j++;
        const want = oracleOnCall(schedule, overrides, t);
        const got = shifts[j];
        const same = (a: string[], b: string[]) => sorted(a).join() === sorted(b).join();
        if (!same(got.userIds, want.final) || got.layers.some((l, k) => !same(l.userIds, want.layers[k]))) {
          wrong.push(`${new Date(t).toISOString()} (${schedule.timeZone}): got ${JSON.stringify(got.layers)} → ${got.userIds}, want ${JSON.stringify(want)}`);
        }
        instants++;
      }
      expect(wrong, ctx).toEqual([]);

      // onCallAt agrees, and its stretch holds the piece of the final shifts.
      for (let i = 0; i < 3; i++) {
        const t = fromMs + Math.floor(r.next() * (toMs - fromMs));
        const now = onCallAt(schedule, overrides, t);
        const piece = shifts.find((s) => s.startMs <= t && t < s.endMs)!;
        expect(now.final.userIds, ctx).toEqual(piece.userIds);
        now.layers.forEach((l, k) => expect(l.userIds, ctx).toEqual(piece.layers[k].userIds));
        expect(now.final.startMs ?? -Infinity, ctx).toBeLessThanOrEqual(piece.startMs);
        expect(now.final.endMs ?? Infinity, ctx).toBeGreaterThanOrEqual(piece.endMs);
        // Where the piece starts inside the range because the final people changed, onCallAt starts there too.
        const prev = shifts[shifts.indexOf(piece) - 1];
        if (prev && prev.userIds.join() !== piece.userIds.join()) expect(now.final.startMs, ctx).toBe(piece.startMs > t - ON_CALL_HORIZON_MS ? piece.startMs : null);
      }

      // Every override does what it says, in the middle of its range.
      for (const o of overrides) {
        const t = Math.floor((Math.max(o.startMs, fromMs) + Math.min(o.endMs, toMs)) / 2);
        if (t < fromMs || t >= toMs || t < o.startMs || t >= o.endMs) continue;
        const s = shifts.find((x) => x.startMs <= t && t < x.endMs)!;
        const layer = s.layers.find((l) => l.layerId === o.layerId);
        const msg = `${ctx}: ${o.kind} ${o.userId} on ${o.layerId ?? "the schedule"}`;
        expect(s.overrideIds, msg).toContain(o.id);
        if (o.kind === "remove") expect((layer ? [layer] : s.layers).some((l) => l.userIds.includes(o.userId)), msg).toBe(false);
        else if (layer) expect(o.kind === "replace" ? layer.userIds : layer.userIds.includes(o.userId), msg).toEqual(o.kind === "replace" ? [o.userId] : true);
        else expect(o.kind === "replace" ? s.userIds : s.userIds.includes(o.userId), msg).toEqual(o.kind === "replace" ? [o.userId] : true);
        overridesChecked++;
      }
    }
    expect(instants).toBeGreaterThan(5_000);
    expect(overridesChecked).toBeGreaterThan(150);
  });

  it("layer shifts stay inside the restrictions and never overlap", () => {
    for (const seed of SEEDS) {
      const { schedule, fromMs, toMs } = randomCase(seed);
      for (const layer of schedule.layers) {
        const shifts = layerShifts(layer, schedule.timeZone, fromMs, toMs);
        const wrong = shifts.filter(
          (s, i) =>
            !(s.endMs > s.startMs) ||
            (i > 0 && s.startMs < shifts[i - 1].endMs) ||
            [s.startMs, s.endMs - 1].some((t) => oracleOnCall({ ...schedule, layers: [layer] }, [], t).layers[0].join() !== s.userId),
        );
        expect(wrong, `seed ${seed}`).toEqual([]);
      }
    }
  });
});
