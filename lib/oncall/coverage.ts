/**
 * Coverage warnings for the weeks ahead (30 days by default), from the final shifts. Pure.
 *  - `gap`: nobody is on call on any layer.
 *  - `double-booked`: one person is on call on two or more layers at once (their backup is
 *    themselves).
 *  - `no-backup`: the schedule has two or more layers but fewer than two different people are on
 *    call across them — only one layer is covered, or every covered layer has the same person.
 *    This reads layers as primary/secondary/…: each should back the one above it up. For a
 *    schedule whose layers only stack (a business-hours layer over a 24/7 one, where only one is
 *    meant to be on at a time) pass `backup: false` and only gaps and double bookings are reported.
 * Adjacent stretches of the same warning (same kind and people) are one warning.
 */
import { finalShifts } from "./final";
import type { Override, Schedule } from "./types";
import { DAY_MS } from "./zone";

export const COVERAGE_DAYS = 30;

export type CoverageIssue =
  | { kind: "gap"; startMs: number; endMs: number }
  | { kind: "double-booked"; startMs: number; endMs: number; userId: string; layerIds: string[] }
  | { kind: "no-backup"; startMs: number; endMs: number; userIds: string[] };

const keyOf = (i: CoverageIssue) => (i.kind === "gap" ? "gap" : i.kind === "double-booked" ? `d|${i.userId}|${i.layerIds.join(",")}` : `n|${i.userIds.join(",")}`);

export function coverageIssues(
  schedule: Schedule,
  overrides: readonly Override[],
  nowMs: number,
  { days = COVERAGE_DAYS, backup = true }: { days?: number; backup?: boolean } = {},
): CoverageIssue[] {
  const open = new Map<string, CoverageIssue>();
  const out: CoverageIssue[] = [];
  for (const s of finalShifts(schedule, overrides, nowMs, nowMs + days * DAY_MS)) {
    const found: CoverageIssue[] = [];
    const people = new Map<string, string[]>();
    for (const l of s.layers) for (const u of new Set(l.userIds)) people.set(u, [...(people.get(u) ?? []), l.layerId]);
    if (!s.userIds.length) found.push({ kind: "gap", startMs: s.startMs, endMs: s.endMs });
    for (const [userId, layerIds] of people) if (layerIds.length > 1) found.push({ kind: "double-booked", startMs: s.startMs, endMs: s.endMs, userId, layerIds });
    if (backup && schedule.layers.length > 1 && people.size === 1) found.push({ kind: "no-backup", startMs: s.startMs, endMs: s.endMs, userIds: [...people.keys()] });
    for (const issue of found) {
      const key = keyOf(issue);
      const prev = open.get(key);
      if (prev && prev.endMs === issue.startMs) prev.endMs = issue.endMs;
      else {
        open.set(key, issue);
        out.push(issue);
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.kind.localeCompare(b.kind));
}
