/**
 * Bench: a year of final on-call shifts (lib/oncall), pure CPU, no database.
 *
 *   npx tsx bench/oncall-shifts.ts [--runs 21] [--warmup 20] [--seed 7]
 *
 * The schedule: America/Chicago (so the year holds both DST changes), three layers, 20 people:
 *   - "Secondary": weekly, hand-off Monday 09:00, 7 people;
 *   - "Primary": daily, hand-off 09:00, 7 people;
 *   - "Business hours": daily, hand-off 09:00, 6 people, restricted to Monday–Friday 09:00–17:00.
 * 200 overrides (seeded; add, replace and remove; 70 % on a layer, 30 % on the schedule; 30 min to
 * 3 days) spread over the year, each accepted only if `checkNewOverride` finds no conflict with the
 * ones before it (candidates that conflict are redrawn), as saving them one by one would.
 *
 * Timed: `finalShifts` over 2026-01-01 → 2027-01-01 (Chicago midnight to midnight); also, for
 * scale, `conflictingOverrides` on the 200, `onCallAt` at 50 instants over the year,
 * `coverageIssues` for 30 days and `scheduleCalendar` of the year's shifts. The first call of each
 * (cold: nothing compiled yet, zone-offset memo empty) is reported apart; then `--warmup` calls
 * (so V8 has optimized the code, as in a server that has been up a while) and `--runs` timed
 * calls, one after the other; median and p95 of wall time.
 */
import { cpus, loadavg } from "node:os";
import { scheduleCalendar } from "@/lib/oncall/calendar";
import { coverageIssues } from "@/lib/oncall/coverage";
import { finalShifts } from "@/lib/oncall/final";
import { newLayer } from "@/lib/oncall/layer";
import { onCallAt } from "@/lib/oncall/on-call-at";
import { checkNewOverride, conflictingOverrides } from "@/lib/oncall/overrides";
import type { Override, Schedule } from "@/lib/oncall/types";
import { f1, flag, log } from "./lib/harness";
import { median, percentile } from "./lib/stats";

const RUNS = Number(flag("--runs") ?? 21);
const WARMUP = Number(flag("--warmup") ?? 20);
const SEED = Number(flag("--seed") ?? 7);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: the same seed gives the same overrides. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const people = Array.from({ length: 20 }, (_, i) => `user-${String(i + 1).padStart(2, "0")}`);
const schedule: Schedule = {
  id: "bench",
  name: "Platform",
  timeZone: "America/Chicago",
  layers: [
    newLayer("secondary", "Secondary", { rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2025-12-29", participants: people.slice(0, 7) } }),
    newLayer("primary", "Primary", { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2025-12-29", participants: people.slice(7, 14) } }),
    newLayer("business", "Business hours", {
      rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2025-12-29", participants: people.slice(14) },
      restrictions: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "09:00", end: "17:00" }],
    }),
  ],
};
// Chicago midnights (CST, UTC−6).
const FROM = Date.UTC(2026, 0, 1, 6);
const TO = Date.UTC(2027, 0, 1, 6);

function makeOverrides(): { overrides: Override[]; redrawn: number } {
  const rnd = prng(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const overrides: Override[] = [];
  let redrawn = 0;
  while (overrides.length < 200) {
    const startMs = FROM + Math.floor((rnd() * (TO - FROM - 3 * DAY)) / 60_000) * 60_000;
    const candidate: Override = {
      id: `ov-${overrides.length + 1}`,
      kind: pick(["add", "replace", "remove"] as const),
      userId: pick(people),
      startMs,
      endMs: startMs + Math.round(30 + rnd() * (3 * 24 * 60 - 30)) * 60_000,
      layerId: rnd() < 0.3 ? null : pick(schedule.layers).id,
    };
    if (checkNewOverride(candidate, overrides, schedule).length) redrawn++;
    else overrides.push(candidate);
  }
  return { overrides, redrawn };
}

function time<T>(name: string, fn: () => T): { name: string; coldMs: number; medianMs: number; p95Ms: number; result: T } {
  let t = performance.now();
  const result = fn();
  const coldMs = performance.now() - t;
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  log(`${name}: cold ${f1(coldMs)} ms, median ${f1(median(samples))} ms, p95 ${f1(percentile(samples, 95))} ms`);
  return { name, coldMs, medianMs: median(samples), p95Ms: percentile(samples, 95), result };
}

const LOAD_AT_START = loadavg().map((l) => l.toFixed(1)).join(" ");
const { overrides, redrawn } = makeOverrides();
log(`200 overrides accepted (${redrawn} conflicting candidates redrawn)`);
const final = time("finalShifts, one year", () => finalShifts(schedule, overrides, FROM, TO));
const shifts = final.result;
const validate = time("conflictingOverrides, 200", () => conflictingOverrides(overrides, schedule));
if (validate.result.length) throw new Error("the accepted overrides conflict");
const instants = Array.from({ length: 50 }, (_, i) => FROM + Math.floor(((i + 0.5) * (TO - FROM)) / 50));
const now = time("onCallAt × 50", () => instants.map((t) => onCallAt(schedule, overrides, t)));
// Sanity: onCallAt agrees with the final shifts.
for (const [i, t] of instants.entries()) {
  const piece = shifts.find((s) => s.startMs <= t && t < s.endMs)!;
  if (now.result[i].final.userIds.join() !== piece.userIds.join()) throw new Error(`onCallAt disagrees at ${new Date(t).toISOString()}`);
}
const coverage = time("coverageIssues, 30 days", () => coverageIssues(schedule, overrides, FROM));
const ics = time("scheduleCalendar, one year", () => scheduleCalendar(shifts, { name: "Platform", scheduleId: "bench", nowMs: FROM }));

const gaps = shifts.filter((s) => !s.userIds.length).length;
const rows = [final, validate, now, coverage, ics];
const loadAtStart = LOAD_AT_START;
const out: string[] = [];
out.push(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end.`);
out.push("");
out.push(`Result: ${shifts.length} final shifts (${gaps} gaps, ${shifts.filter((s) => s.overridden).length} changed by an override), ${coverage.result.length} coverage warnings in the first 30 days, ${(ics.result.length / 1024).toFixed(0)} KiB of iCalendar.`);
out.push("");
out.push(`| call | cold (first call) | median of ${RUNS} (after ${WARMUP} warm-ups) | p95 |`);
out.push("|---|---|---|---|");
for (const r of rows) out.push(`| ${r.name} | ${f1(r.coldMs)} ms | ${f1(r.medianMs)} ms | ${f1(r.p95Ms)} ms |`);
console.log(out.join("\n"));
