/**
 * The on-call model: schedules of layered rotations, overrides, and the shifts they produce. Plain
 * data only; every instant is epoch milliseconds (UTC) and every wall-clock value is read in the
 * schedule's IANA time zone.
 */

/** Days of the week, Monday first (the codes RFC 5545 uses). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * How long a turn lasts: `length` hours (hourly), days (daily), weeks (weekly) or hours (custom).
 * Daily and weekly turns, and custom turns of a whole number of days (length a multiple of 24),
 * hand off at `handoffTime` on the wall clock; hourly and other custom turns are elapsed time
 * counted from the first hand-off (see rotation.ts).
 */
export type RotationType = "hourly" | "daily" | "weekly" | "custom";

export type Rotation = {
  type: RotationType;
  /** Whole number ≥ 1: hours (hourly, custom), days (daily) or weeks (weekly). */
  length: number;
  /** "HH:MM", 24-hour, on the schedule's wall clock. */
  handoffTime: string;
  /** "YYYY-MM-DD": the first turn starts at `handoffTime` on this date. Before it the layer has no one. */
  start: string;
  /** User ids, in turn order; turn k belongs to participants[k mod n]. A user may appear more than once. */
  participants: string[];
};

/**
 * A window when the layer is on call: from `start` to `end` (wall clock, "HH:MM") on each of
 * `days` (every day when omitted). A window whose end is not after its start crosses midnight and
 * belongs to the day it starts on ("FR 22:00–06:00" is Friday night into Saturday); `start` equal
 * to `end` is a whole 24 hours. A layer with restrictions is on call only inside the union of its
 * windows; its turns still hand off on their usual times (the turn is clipped, not delayed).
 */
export type Restriction = { days?: Weekday[]; start: string; end: string };

/** What an admin edits: a rotation and its optional restrictions. */
export type LayerDefinition = { rotation: Rotation; restrictions?: Restriction[] };

/** A definition in force from `effectiveFrom` (inclusive) until the next version's; the first has none (since always). */
export type LayerVersion = LayerDefinition & { effectiveFrom?: number };

/** A layer keeps every version it ever had, so past shifts are read, never recomputed (see history.ts). */
export type Layer = { id: string; name: string; versions: LayerVersion[] };

/**
 * A schedule: a time zone and its layers in priority order, lowest first. As in PagerDuty, a later
 * (higher) layer overrides the lower ones wherever it has someone on call; where it has no one
 * (outside its restrictions, before its start, or emptied by an override) the next layer down shows
 * through. The final schedule is the top covered layer at each instant.
 */
export type Schedule = { id: string; name?: string; timeZone: string; layers: Layer[] };

/**
 * A change for [startMs, endMs), on one layer or (no `layerId`) on the schedule as a whole:
 *  - `replace`: `userId` is the only one on call on the layer;
 *  - `add`: `userId` is on call besides whoever is;
 *  - `remove`: `userId` is taken off the layer.
 * Without a layer, `remove` takes the user off every layer (the next covered layer shows through),
 * and `replace`/`add` act on the layer that is on top at that instant (the one the final schedule
 * comes from; the highest layer when none is covered). See overrides.ts for which overlaps conflict.
 */
export type OverrideKind = "add" | "replace" | "remove";
export type Override = { id: string; kind: OverrideKind; userId: string; startMs: number; endMs: number; layerId?: string | null };

/** One turn of a layer (clipped to the layer's restrictions and to the asked range). */
export type LayerShift = {
  layerId: string;
  userId: string;
  startMs: number;
  endMs: number;
  /** Index of the layer version it comes from. */
  version: number;
  /** The turn number within that version's rotation (pieces of one clipped turn share it). */
  turn: number;
};

/** Who is on call on one layer during a final shift (empty: nobody). */
export type LayerOnCall = { layerId: string; userIds: string[] };

/**
 * A piece of the final schedule: who is on call on each layer and in the end. Final shifts
 * partition the asked range; a gap has `userIds: []` and `sourceLayerId: null`.
 */
export type FinalShift = {
  startMs: number;
  endMs: number;
  /** The final on-call people (usually one): the top covered layer's. */
  userIds: string[];
  /** The layer the final people come from. */
  sourceLayerId: string | null;
  /** Every layer, in schedule order. */
  layers: LayerOnCall[];
  /** Overrides in effect during this piece (sorted ids), whether or not they change anything. */
  overrideIds: string[];
  /** Whether overrides changed the final people (they differ from what the layers alone give). */
  overridden: boolean;
};
