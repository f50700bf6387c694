/**
 * A second, deliberately naive reading of the on-call rules, one instant at a time, on the
 * independent zone model (dst-model.ts). It shares no code with the implementation: the property
 * tests compare the two.
 */
import type { Override, Restriction, Rotation, Schedule } from "../types";
import { DAY, HOUR, MIN, dayOf, localParts, minutesOf, wallToInstant, type ZoneName } from "./dst-model";

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** Who a rotation puts on call at `t` (before restrictions), or null before its first hand-off. */
export function rotationPersonAt(r: Rotation, zone: ZoneName, t: number): string | null {
  const s0 = dayOf(r.start);
  const h = minutesOf(r.handoffTime);
  const handoff = (day: number) => wallToInstant(zone, day * DAY + h * MIN);
  const periodDays = r.type === "daily" ? r.length : r.type === "weekly" ? 7 * r.length : r.type === "custom" && r.length % 24 === 0 ? r.length / 24 : null;
  let k: number;
  if (periodDays !== null) {
    k = Math.floor((localParts(zone, t).day - s0) / periodDays);
    while (handoff(s0 + k * periodDays) > t) k--;
    while (handoff(s0 + (k + 1) * periodDays) <= t) k++;
  } else {
    const anchor = handoff(s0);
    k = Math.floor((t - anchor) / (r.length * HOUR));
  }
  return k < 0 ? null : r.participants[k % r.participants.length];
}

/** Whether `t` lies inside one of the restriction windows. */
export function allowedAt(restrictions: readonly Restriction[], zone: ZoneName, t: number): boolean {
  const today = localParts(zone, t).day;
  return restrictions.some((r) =>
    [today - 1, today].some((day) => {
      if (r.days && !(r.days as string[]).includes(DAYS[(((day + 3) % 7) + 7) % 7])) return false;
      const s = minutesOf(r.start);
      const e = minutesOf(r.end);
      const start = wallToInstant(zone, day * DAY + s * MIN);
      const end = wallToInstant(zone, (e > s ? day : day + 1) * DAY + e * MIN);
      return start <= t && t < end;
    }),
  );
}

export type OracleAnswer = { layers: string[][]; final: string[] };

/** Who is on call at `t`, per layer and finally, read straight from the rules. */
export function oracleOnCall(schedule: Schedule, overrides: readonly Override[], t: number): OracleAnswer {
  const zone = schedule.timeZone as ZoneName;
  const sets: string[][] = schedule.layers.map((layer) => {
    const v = [...layer.versions].reverse().find((x) => (x.effectiveFrom ?? -Infinity) <= t);
    if (!v) return [];
    const person = rotationPersonAt(v.rotation, zone, t);
    if (person === null) return [];
    if (v.restrictions?.length && !allowedAt(v.restrictions, zone, t)) return [];
    return [person];
  });
  const live = overrides.filter((o) => o.startMs <= t && t < o.endMs);
  const byKind = (k: Override["kind"]) => live.filter((o) => o.kind === k);
  schedule.layers.forEach((layer, i) => {
    for (const o of byKind("replace")) if (o.layerId === layer.id) sets[i] = [o.userId];
    for (const o of byKind("remove")) if (o.layerId === layer.id) sets[i] = sets[i].filter((u) => u !== o.userId);
    for (const o of byKind("add")) if (o.layerId === layer.id && !sets[i].includes(o.userId)) sets[i].push(o.userId);
  });
  for (const o of byKind("remove")) if (!o.layerId) sets.forEach((s, i) => (sets[i] = s.filter((u) => u !== o.userId)));
  for (const o of [...byKind("replace"), ...byKind("add")]) {
    if (o.layerId) continue;
    const covered = sets.map((s, i) => (s.length ? i : -1)).filter((i) => i >= 0);
    const top = covered.length ? covered[covered.length - 1] : sets.length - 1;
    if (o.kind === "replace") sets[top] = [o.userId];
    else if (!sets[top].includes(o.userId)) sets[top].push(o.userId);
  }
  const covered = sets.map((s, i) => (s.length ? i : -1)).filter((i) => i >= 0);
  return { layers: sets, final: covered.length ? sets[covered[covered.length - 1]] : [] };
}
