import { correctionInputSchema } from "@/lib/slo/correction-schemas";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const correctionIdParam = { name: "correctionId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ref = { $ref: "#/components/schemas/SloCorrection" };

const correction = {
  type: "object",
  required: ["id", "sloId", "reason", "startsAt", "durationMinutes", "rrule", "timeZone", "description", "next"],
  properties: {
    id: { type: "string", format: "uuid" },
    sloId: { type: "string", format: "uuid" },
    reason: { type: "string" },
    startsAt: { type: "string", format: "date-time", description: "First (or only) occurrence" },
    durationMinutes: { type: "integer", minimum: 1, maximum: 44640 },
    rrule: { type: ["string", "null"], description: "RFC 5545 RRULE body without DTSTART (FREQ DAILY, WEEKLY or MONTHLY), or null for a one-off", examples: ["FREQ=WEEKLY;BYDAY=SU;COUNT=10"] },
    timeZone: { type: "string", description: "IANA zone the recurrence keeps its wall-clock time in" },
    description: { type: "string", examples: ["Every Sunday 02:00–04:00 (Europe/London)"] },
    next: { type: ["string", "null"], format: "date-time", description: "Start of the occurrence in progress or the next one; null when none is left" },
  },
};

export const correctionSchemas = { SloCorrection: correction, SloCorrectionInput: json(correctionInputSchema) };

export const correctionPaths = {
  "/slos/{id}/corrections": {
    parameters: [idParam],
    get: {
      summary: "The SLO's maintenance windows and budget corrections (periods left out of the SLI and the error budget)",
      responses: {
        "200": { description: "{ items }", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: ref } } } } } },
        ...errors(401, 404),
      },
    },
    post: {
      summary: "Add a maintenance window or correction (admin): one-off, or recurring by an RRULE in a time zone",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SloCorrectionInput" } } } },
      responses: { "201": { description: "Created", content: { "application/json": { schema: ref } } }, ...errors(400, 401, 403, 404) },
    },
  },
  "/slos/{id}/corrections/{correctionId}": {
    parameters: [idParam, correctionIdParam],
    delete: { summary: "Remove a correction (admin); one of another SLO is not found", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
};
