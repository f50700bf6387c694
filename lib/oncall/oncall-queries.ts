import "server-only";
import { asc, inArray, isNull, and } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { coverageIssues, type CoverageIssue } from "./coverage";
import { iso, isoOrNull, type OnCallDto, type PersonDto, type ShiftDto } from "./dto";
import { finalShifts } from "./final";
import { loadOverrides, loadSchedule, loadSchedules } from "./load";
import { onCallAt, type OnCallAt } from "./on-call-at";
import { peopleById, personOf } from "./people";
import type { Override, Schedule } from "./types";
import { DAY_MS } from "./zone";

/** The longest range /shifts answers. */
export const MAX_SHIFTS_RANGE_MS = 366 * DAY_MS;

function onCallDto(at: OnCallAt, people: Map<string, PersonDto>): OnCallDto {
  const users = (ids: string[]) => ids.map((id) => personOf(people, id));
  return {
    at: iso(at.atMs),
    layers: at.layers.map((x) => ({ layerId: x.layerId, name: x.name, users: users(x.userIds), start: isoOrNull(x.startMs), end: isoOrNull(x.endMs) })),
    final: { layerId: at.final.sourceLayerId, users: users(at.final.userIds), start: isoOrNull(at.final.startMs), end: isoOrNull(at.final.endMs) },
  };
}

/** The layers not removed, of some schedules. */
async function liveLayerIds(scheduleIds: string[]): Promise<Set<string>> {
  if (!scheduleIds.length) return new Set();
  const l = schema.scheduleLayers;
  const rows = await getDb().select({ id: l.id }).from(l).where(and(inArray(l.scheduleId, scheduleIds), isNull(l.removedAt)));
  return new Set(rows.map((r) => r.id));
}

/** Removed layers are left out, unless someone was on them at that instant. */
const visibleLayers = (at: OnCallAt, live: Set<string>): OnCallAt => ({ ...at, layers: at.layers.filter((x) => live.has(x.layerId) || x.userIds.length) });

const idsOf = (at: OnCallAt) => [...at.final.userIds, ...at.layers.flatMap((x) => x.userIds)];

/** Who is on call at `atMs`, per layer and finally, with the stretch each is on (viewer and up). */
export async function scheduleOnCall(actor: Principal, ref: string, atMs: number): Promise<OnCallDto> {
  assertRole(actor, "viewer");
  const { schedule } = await loadSchedule(ref);
  const overrides = await loadOverrides(schedule.id, { fromMs: atMs - 40 * DAY_MS, toMs: atMs + 40 * DAY_MS });
  const at = visibleLayers(onCallAt(schedule, overrides, atMs), await liveLayerIds([schedule.id]));
  return onCallDto(at, await peopleById(idsOf(at)));
}

/** The final shifts in [fromMs, toMs) (viewer and up); at most 366 days. */
export async function scheduleShifts(actor: Principal, ref: string, fromMs: number, toMs: number): Promise<{ scheduleId: string; timeZone: string; from: string; to: string; items: ShiftDto[] }> {
  assertRole(actor, "viewer");
  if (!(toMs > fromMs)) throw new AppError("bad_request", "Some fields are invalid.", { to: ["The end must be after the start."] });
  if (toMs - fromMs > MAX_SHIFTS_RANGE_MS) throw new AppError("bad_request", "Some fields are invalid.", { to: ["Ask for at most 366 days at a time."] });
  const { schedule } = await loadSchedule(ref);
  const shifts = finalShifts(schedule, await loadOverrides(schedule.id, { fromMs, toMs }), fromMs, toMs);
  const people = await peopleById(shifts.flatMap((x) => x.userIds));
  return {
    scheduleId: schedule.id,
    timeZone: schedule.timeZone,
    from: iso(fromMs),
    to: iso(toMs),
    items: shifts.map((x) => ({
      start: iso(x.startMs),
      end: iso(x.endMs),
      users: x.userIds.map((id) => personOf(people, id)),
      layerId: x.sourceLayerId,
      layers: x.layers,
      overridden: x.overridden,
      overrideIds: x.overrideIds,
    })),
  };
}

/** The core's final shifts for a calendar view, with the people and layers they name (viewer and up). */
export async function shiftsForView(actor: Principal, ref: string, fromMs: number, toMs: number) {
  assertRole(actor, "viewer");
  const { schedule } = await loadSchedule(ref);
  const shifts = finalShifts(schedule, await loadOverrides(schedule.id, { fromMs, toMs }), fromMs, toMs);
  const live = await liveLayerIds([schedule.id]);
  const people = await peopleById(shifts.flatMap((x) => [...x.userIds, ...x.layers.flatMap((y) => y.userIds)]));
  const layers = schedule.layers.filter((l, i) => live.has(l.id) || shifts.some((x) => x.layers[i].userIds.length)).map((l) => ({ id: l.id, name: l.name }));
  return { shifts, people: Object.fromEntries(people), layers, allLayerIds: schedule.layers.map((l) => l.id) };
}

export type BoardEntry = {
  id: string;
  name: string;
  timeZone: string;
  teamId: string | null;
  now: OnCallDto;
  /** Who comes after the current stretch, per layer and finally (null: no change within 35 days). */
  next: { final: OnCallDto["final"] | null; layers: Record<string, OnCallDto["layers"][number] | null> };
  coverage: CoverageDto[];
};

/** A coverage warning with its people and layer names. */
export type CoverageDto = { kind: CoverageIssue["kind"]; start: string; end: string; users: PersonDto[]; layers: string[] };

/** Primary/secondary layers back each other up; stacked ones (a restricted layer over a 24/7 one) do not. */
const expectsBackup = (schedule: Schedule) => schedule.layers.length > 1 && schedule.layers.every((x) => !x.versions.at(-1)!.restrictions?.length);

function boardEntry(schedule: Schedule, overrides: Override[], nowMs: number, withCoverage: boolean, live: Set<string>) {
  const all = onCallAt(schedule, overrides, nowMs);
  const now = { ...all, layers: all.layers.filter((x) => live.has(x.layerId)) };
  const finalNext = now.final.endMs === null ? null : onCallAt(schedule, overrides, now.final.endMs);
  const layerNext = now.layers.map((x) => {
    if (x.endMs === null) return null;
    const at = onCallAt(schedule, overrides, x.endMs);
    return at.layers.find((y) => y.layerId === x.layerId) ?? null;
  });
  const coverage = withCoverage ? coverageIssues(schedule, overrides, nowMs, { backup: expectsBackup(schedule) }) : [];
  return { now, finalNext, layerNext, coverage };
}

/**
 * Every schedule (or those in `ids`) with who is on call now and next, per layer and finally, and
 * (unless `coverage: false`) the coverage warnings for the next 30 days (viewer and up).
 */
export async function onCallBoard(actor: Principal, nowMs = Date.now(), opts: { ids?: string[]; coverage?: boolean } = {}): Promise<BoardEntry[]> {
  assertRole(actor, "viewer");
  const s = schema.schedules;
  const rows = await getDb().select({ id: s.id, name: s.name, teamId: s.teamId }).from(s).orderBy(asc(s.name));
  const wanted = opts.ids ? rows.filter((r) => opts.ids!.includes(r.id)) : rows;
  const loaded = await loadSchedules(
    wanted.map((r) => r.id),
    { fromMs: nowMs - 40 * DAY_MS, toMs: nowMs + 80 * DAY_MS },
  );
  const live = await liveLayerIds(wanted.map((r) => r.id));
  const computed = wanted.flatMap((r) => {
    const got = loaded.get(r.id);
    return got ? [{ row: r, schedule: got.schedule, ...boardEntry(got.schedule, got.overrides, nowMs, opts.coverage !== false, live) }] : [];
  });
  const coverageIds = (i: CoverageIssue) => (i.kind === "gap" ? [] : i.kind === "double-booked" ? [i.userId] : i.userIds);
  const people = await peopleById(computed.flatMap((c) => [...c.coverage.flatMap(coverageIds), ...idsOf(c.now), ...(c.finalNext ? idsOf(c.finalNext) : []), ...c.layerNext.flatMap((x) => x?.userIds ?? [])]));
  const users = (ids: string[]) => ids.map((id) => personOf(people, id));
  return computed.map((c) => {
    const now = onCallDto(c.now, people);
    return {
      id: c.row.id,
      name: c.row.name,
      timeZone: c.schedule.timeZone,
      teamId: c.row.teamId,
      now,
      next: {
        final: c.finalNext ? onCallDto(c.finalNext, people).final : null,
        layers: Object.fromEntries(
          now.layers.map((x, i) => {
            const n = c.layerNext[i];
            return [x.layerId, n ? { layerId: n.layerId, name: n.name, users: users(n.userIds), start: isoOrNull(n.startMs), end: isoOrNull(n.endMs) } : null];
          }),
        ),
      },
      coverage: c.coverage.map((i) => ({
        kind: i.kind,
        start: iso(i.startMs),
        end: iso(i.endMs),
        users: users(coverageIds(i)),
        layers: i.kind === "double-booked" ? i.layerIds.map((id) => c.schedule.layers.find((x) => x.id === id)?.name ?? id) : [],
      })),
    };
  });
}
