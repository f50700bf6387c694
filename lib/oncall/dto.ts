/** What the on-call stores return: small plain objects, instants as ISO strings. */
import type { OverrideKind, Restriction, RotationType } from "./types";

export type PersonDto = { id: string; email: string; name: string; timeZone: string };

export type LayerDto = {
  id: string;
  name: string;
  position: number;
  /** The definition in force from now on (the latest version). */
  rotation: { type: RotationType; length: number; handoffTime: string; start: string; participants: PersonDto[] };
  restrictions: Restriction[];
  /** How many versions the layer has had (1: never edited). */
  versions: number;
};

export type ScheduleDto = {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  team: { slug: string; name: string } | null;
  version: number;
  layers: LayerDto[];
  createdAt: string;
  updatedAt: string;
};

export type ScheduleSummaryDto = Pick<ScheduleDto, "id" | "name" | "description" | "timeZone" | "team" | "version" | "updatedAt"> & { layers: { id: string; name: string }[] };

/** Who is on call on a layer (or finally) and the stretch they are on; a null bound means no change within 35 days. */
export type OnCallStretchDto = { users: PersonDto[]; start: string | null; end: string | null };
export type OnCallDto = {
  at: string;
  layers: (OnCallStretchDto & { layerId: string; name: string })[];
  final: OnCallStretchDto & { layerId: string | null };
};

export type ShiftDto = {
  start: string;
  end: string;
  /** The final on-call people (empty: a gap). */
  users: PersonDto[];
  /** The layer the final people come from. */
  layerId: string | null;
  layers: { layerId: string; userIds: string[] }[];
  overridden: boolean;
  overrideIds: string[];
};

export type OverrideDto = {
  id: string;
  scheduleId: string;
  kind: OverrideKind;
  user: PersonDto;
  layerId: string | null;
  layerName: string | null;
  start: string;
  end: string;
  note: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
};

export type SwapDto = {
  id: string;
  scheduleId: string;
  layerId: string | null;
  layerName: string | null;
  offeredBy: PersonDto;
  start: string;
  end: string;
  note: string;
  status: "open" | "taken" | "cancelled";
  takenBy: PersonDto | null;
  overrideId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type FeedTokenDto = { id: string; scheduleId: string | null; scheduleName: string | null; userId: string | null; createdAt: string };

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
