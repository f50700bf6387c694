/** A swap offer as the REST API and the forms take it. Pure. */
import { z } from "zod";

const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what} is an ISO 8601 date-time with a zone, e.g. 2026-03-03T14:00:00Z.` }).transform((x) => Date.parse(x));

export const swapOfferSchema = z
  .object({
    start: instant("The start"),
    end: instant("The end"),
    layerId: z.uuid("Unknown layer.").nullish(),
    note: z.string().trim().max(500, "A note is at most 500 characters.").optional(),
  })
  .superRefine((x, ctx) => {
    if (x.end <= x.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start." });
  });
