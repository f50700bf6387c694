/**
 * REST and form input for schedules around the core's scheduleInputSchema: create (with an
 * optional description and team) and patch (any field; layers given whole, in order, an `id` for
 * each kept layer, none for a new one; `version` refuses a stale save). Pure.
 */
import { z } from "zod";
import { layerInputSchema, scheduleInputSchema, timeZoneSchema } from "./schemas";

const description = z.string().trim().max(2000, "A description is at most 2000 characters.");
const team = z.string().trim().max(100).nullish();

export const scheduleCreateSchema = scheduleInputSchema.extend({ description: description.optional(), team });
export type ScheduleCreate = z.output<typeof scheduleCreateSchema>;

export const layerPatchSchema = layerInputSchema.extend({ id: z.uuid("Unknown layer id.").optional() });

export const schedulePatchSchema = z.object({
  name: scheduleInputSchema.shape.name.optional(),
  description: description.optional(),
  timeZone: timeZoneSchema.optional(),
  team,
  layers: z.array(layerPatchSchema).min(1, "A schedule needs at least one layer.").max(10, "A schedule has at most 10 layers.").optional(),
  version: z.number().int().positive().optional(),
});
export type SchedulePatch = z.output<typeof schedulePatchSchema>;

/** Layer names must differ within a schedule. */
export function duplicateLayerNames(layers: { name: string }[]): Record<string, string[]> {
  const seen = new Map<string, number>();
  const fields: Record<string, string[]> = {};
  layers.forEach((l, i) => {
    const key = l.name.trim().toLowerCase();
    if (seen.has(key)) fields[`layers.${i}.name`] = [`Another layer is already called "${l.name}".`];
    else seen.set(key, i);
  });
  return fields;
}
