/** Synthetic series for the capacity tests: known trend, season, noise, gaps. Seeded, so deterministic. */
import { DAY_MS, type Sample } from "./types";

/** A linear congruential generator in [0, 1). */
export function rng(seed = 42): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Standard normal draws (Box–Muller). */
export function gaussian(seed = 42): () => number {
  const u = rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export const T0 = Date.UTC(2026, 8, 1); // 1 Sep 2026, 00:00 UTC (a Tuesday)

export type Shape = {
  days: number;
  stepMs: number;
  level: number;
  /** Change per day. */
  slopePerDay?: number;
  /** Amplitude of a daily sine (peak at 06:00 UTC). */
  daily?: number;
  weekly?: number;
  noise?: number;
  seed?: number;
  start?: number;
};

/** level + slope·t + daily·sin(2π·t/day) + weekly·sin(2π·t/week) + noise·N(0,1), one sample per step. */
export function series(o: Shape): Sample[] {
  const noise = gaussian(o.seed ?? 1);
  const start = o.start ?? T0;
  const n = Math.round((o.days * DAY_MS) / o.stepMs);
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const t = start + i * o.stepMs;
    const d = (t - start) / DAY_MS;
    const v =
      o.level +
      (o.slopePerDay ?? 0) * d +
      (o.daily ?? 0) * Math.sin(2 * Math.PI * d) +
      (o.weekly ?? 0) * Math.sin((2 * Math.PI * d) / 7) +
      (o.noise ?? 0) * noise();
    out.push({ t, v });
  }
  return out;
}

/** The time just after the last sample (the `now` of a forecast). */
export const endOf = (s: Sample[], stepMs: number) => s[s.length - 1].t + stepMs;
