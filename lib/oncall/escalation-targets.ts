import "server-only";
import { asc, inArray, isNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { Tx } from "@/lib/incidents/lookup";
import type { EscalationStep, EscalationTarget } from "./escalation";
import type { TargetDto } from "./escalation-dto";

/**
 * The schedules, layers and people escalation targets point at: resolving what a client typed
 * (ids, names, emails) to ids, and labelling stored targets for display ("Payments on-call ·
 * secondary", "Sam Lee"). A target whose schedule, layer or person is gone is labelled as missing.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Reader = ReturnType<typeof getDb> | Tx;

export type Directory = {
  schedules: { id: string; name: string }[];
  layers: { id: string; scheduleId: string; name: string }[];
  users: { id: string; name: string; email: string; disabled: boolean }[];
};

/** Every schedule and current layer, and the people named (by id or email) in `userRefs`. */
export async function loadDirectory(userRefs: string[], db: Reader = getDb()): Promise<Directory> {
  const s = schema.schedules;
  const l = schema.scheduleLayers;
  const u = schema.users;
  const schedules = await db.select({ id: s.id, name: s.name }).from(s);
  const layers = await db.select({ id: l.id, scheduleId: l.scheduleId, name: l.name }).from(l).where(isNull(l.removedAt)).orderBy(asc(l.position));
  const ids = userRefs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const emails = userRefs.filter((r) => !UUID.test(r)).map((r) => r.toLowerCase());
  const cols = { id: u.id, name: u.name, email: u.email, disabled: u.disabled };
  const users = [...(ids.length ? await db.select(cols).from(u).where(inArray(u.id, ids)) : []), ...(emails.length ? await db.select(cols).from(u).where(inArray(u.email, emails)) : [])];
  return { schedules, layers, users };
}

export const userRefsOf = (steps: readonly { targets: readonly EscalationTarget[] }[]) => steps.flatMap((st) => st.targets.flatMap((t) => (t.kind === "user" ? [t.userId] : [])));

const findSchedule = (dir: Directory, ref: string) => dir.schedules.find((s) => s.id === ref.toLowerCase()) ?? dir.schedules.find((s) => s.name === ref);
const findUser = (dir: Directory, ref: string) => dir.users.find((x) => x.id === ref.toLowerCase() || x.email === ref.toLowerCase());

/** The steps with every reference turned into ids; `fields` names each unknown one by path. */
export function resolveSteps(dir: Directory, steps: readonly EscalationStep[]): { steps: EscalationStep[]; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const out = steps.map((step, i) => ({
    delayMinutes: step.delayMinutes,
    targets: step.targets.map((t, j): EscalationTarget => {
      const fail = (message: string) => {
        fields[`steps.${i}.targets.${j}`] = [message];
        return t;
      };
      if (t.kind === "user") {
        const user = findUser(dir, t.userId);
        if (!user) return fail(`No person "${t.userId}".`);
        if (user.disabled) return fail(`${user.name || user.email}'s account is disabled.`);
        return { kind: "user", userId: user.id };
      }
      const schedule = findSchedule(dir, t.scheduleId);
      if (!schedule) return fail(`No schedule "${t.scheduleId}".`);
      if (t.kind === "schedule") return { kind: "schedule", scheduleId: schedule.id };
      const layer = dir.layers.find((l) => l.scheduleId === schedule.id && (l.id === t.layerId.toLowerCase() || l.name === t.layerId));
      if (!layer) return fail(`The schedule "${schedule.name}" has no layer "${t.layerId}".`);
      return { kind: "layer", scheduleId: schedule.id, layerId: layer.id };
    }),
  }));
  return { steps: out, fields };
}

/** A stored target with what it points at, for people to read. */
export function labelTarget(dir: Directory, t: EscalationTarget): TargetDto {
  if (t.kind === "user") {
    const user = dir.users.find((x) => x.id === t.userId);
    return user ? { ...t, label: user.name || user.email } : { ...t, label: "A removed person", missing: true };
  }
  const schedule = dir.schedules.find((s) => s.id === t.scheduleId);
  if (!schedule) return { ...t, label: "A deleted schedule", missing: true };
  if (t.kind === "schedule") return { ...t, label: schedule.name };
  const layer = dir.layers.find((l) => l.id === t.layerId);
  return layer ? { ...t, label: `${schedule.name} · ${layer.name}` } : { ...t, label: `${schedule.name} · a removed layer`, missing: true };
}
