/**
 * Burn rates and time to exhaustion. Pure.
 *
 * A burn rate of 1 spends exactly the whole budget over one SLO window; 14.4 spends a 30-day
 * budget's 2 % in one hour (the SRE workbook's page threshold).
 */
import type { Counts } from "./budget";

export const BURN_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];

export const BURN_WINDOW_MS: Record<BurnWindow, number> = {
  "5m": 300_000,
  "30m": 1_800_000,
  "1h": 3_600_000,
  "2h": 7_200_000,
  "6h": 21_600_000,
  "1d": 86_400_000,
  "3d": 259_200_000,
};

/** Error rate over the burn window divided by the error rate the objective allows; null with no events. */
export function burnRate(target: number, c: Counts): number | null {
  if (c.total <= 0) return null;
  const errorRate = (c.total - Math.min(c.good, c.total)) / c.total;
  return errorRate / (1 - target);
}

/**
 * How long until the budget is gone if the current burn rate holds: remaining share × window ÷ rate.
 * Null when nothing is burning (rate 0 or unknown); 0 when the budget is already spent.
 */
export function timeToExhaustionMs(remaining: number, rate: number | null, windowMs: number): number | null {
  if (remaining <= 0) return 0;
  if (rate === null || rate <= 0) return null;
  return (remaining * windowMs) / rate;
}

/** The multiwindow, multi-burn-rate alert pairs of the SRE workbook (chapter 5). */
export const BURN_ALERTS = [
  { severity: "page", long: "1h", short: "5m", factor: 14.4 },
  { severity: "page", long: "6h", short: "30m", factor: 6 },
  { severity: "ticket", long: "1d", short: "2h", factor: 3 },
  { severity: "ticket", long: "3d", short: "6h", factor: 1 },
] as const satisfies ReadonlyArray<{ severity: "page" | "ticket"; long: BurnWindow; short: BurnWindow; factor: number }>;
