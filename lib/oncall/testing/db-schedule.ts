/**
 * For DB tests (and the demo seed): inserts a schedule whose layers are weekly rotations, straight
 * into the tables (the schedule store is another module's). Returns the ids.
 */
import { schema, type Db } from "@/db";
import type { Tx } from "@/lib/incidents/lookup";
import type { LayerVersion } from "../types";

export type LayerSpec = { name: string; participants: string[]; start?: string; handoffTime?: string };

export async function insertSchedule(db: Db | Tx, name: string, timeZone: string, layers: LayerSpec[]): Promise<{ id: string; layers: Record<string, string> }> {
  const [s] = await db.insert(schema.schedules).values({ name, timeZone }).returning({ id: schema.schedules.id });
  const out: Record<string, string> = {};
  for (const [position, l] of layers.entries()) {
    const version: LayerVersion = { rotation: { type: "weekly", length: 1, handoffTime: l.handoffTime ?? "09:00", start: l.start ?? "2024-01-01", participants: l.participants } };
    const [row] = await db
      .insert(schema.scheduleLayers)
      .values({ scheduleId: s.id, name: l.name, position, versions: [version as unknown as Record<string, unknown>] })
      .returning({ id: schema.scheduleLayers.id });
    out[l.name] = row.id;
  }
  return { id: s.id, layers: out };
}
