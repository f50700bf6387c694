import type { ScheduleDto } from "@/lib/oncall/dto";
import { WEEKDAYS, type Weekday } from "@/lib/oncall/types";

/** What the schedule editor holds for one layer; participants are user ids in turn order. */
export type LayerDraft = {
  key: number;
  id?: string;
  name: string;
  type: "hourly" | "daily" | "weekly" | "custom";
  length: string;
  handoffTime: string;
  start: string;
  participants: string[];
  restrictions: { key: number; days: Weekday[]; start: string; end: string }[];
};

export type ScheduleDraft = { name: string; description: string; timeZone: string; team: string; layers: LayerDraft[]; version?: number };

export type PersonOption = { id: string; name: string; email: string };

/** The JSON the schedule actions take (create, or patch with layer ids and the version). */
export function draftPayload(d: ScheduleDraft) {
  return {
    name: d.name,
    description: d.description,
    timeZone: d.timeZone,
    team: d.team || null,
    ...(d.version !== undefined ? { version: d.version } : {}),
    layers: d.layers.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      name: l.name,
      rotation: { type: l.type, length: l.length.trim() === "" ? NaN : Number(l.length), handoffTime: l.handoffTime, start: l.start, participants: l.participants },
      restrictions: l.restrictions.map((r) => ({ ...(r.days.length === 7 ? {} : { days: r.days }), start: r.start, end: r.end })),
    })),
  };
}

/** The editor's draft of a saved schedule (each layer's definition from now on). */
export function draftFromSchedule(s: ScheduleDto, teamSlug: string): ScheduleDraft {
  let key = 0;
  return {
    name: s.name,
    description: s.description,
    timeZone: s.timeZone,
    team: teamSlug,
    version: s.version,
    layers: s.layers.map((l) => ({
      key: key++,
      id: l.id,
      name: l.name,
      type: l.rotation.type,
      length: String(l.rotation.length),
      handoffTime: l.rotation.handoffTime,
      start: l.rotation.start,
      participants: l.rotation.participants.map((p) => p.id),
      restrictions: l.restrictions.map((r) => ({ key: key++, days: r.days ?? [...WEEKDAYS], start: r.start, end: r.end })),
    })),
  };
}

/** The default template: one weekly layer handing off on Mondays at 09:00, in UTC. */
export function newScheduleDraft(start: string): ScheduleDraft {
  return { name: "", description: "", timeZone: "UTC", team: "", layers: [{ key: 0, name: "Primary", type: "weekly", length: "1", handoffTime: "09:00", start, participants: [], restrictions: [] }] };
}
