import { maintenanceInputSchema, maintenancePatchSchema } from "@/lib/status-page/maintenance-schemas";
import { MAINTENANCE_PHASES } from "@/lib/status-page/maintenance-state";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

/*
 * Scheduled maintenance of the public status page. The schemas sit inline in the paths, so this
 * fragment is wired into the document by its paths alone.
 */

const time = { type: "string", format: "date-time" };

const maintenance = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    title: { type: "string" },
    description: { type: "string", description: "Public text, shown on /status and in the emails" },
    startsAt: time,
    endsAt: time,
    phase: { type: "string", enum: [...MAINTENANCE_PHASES], description: "From the clock: scheduled before the start, in_progress until the end, then completed; cancelled once cancelled" },
    cancelledAt: { ...time, type: ["string", "null"] },
    announcedAt: { ...time, type: ["string", "null"], description: "When subscribers were last emailed about it; null: never" },
    services: {
      type: "array",
      items: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" }, public: { type: "boolean", description: "false for a service made private since (it is not shown on /status)" } } },
    },
    version: { type: "integer" },
    createdBy: { type: ["object", "null"], properties: { name: { type: "string" }, email: { type: "string" } } },
    createdAt: time,
    updatedAt: time,
  },
};

const one = (description: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: maintenance } } } });
const body = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const timesNote =
  "Times are ISO 8601 with a zone (2026-03-03T14:00:00Z), or local date-times (2026-03-03T14:00) read in `timeZone` (an IANA name, default UTC). `services` are slugs of public services.";
const emailNote = "Confirmed subscribers of the affected components (or of every component) are emailed";

export const maintenancePaths = {
  "/status/maintenances": {
    get: {
      summary: "List scheduled maintenance of the status page, newest start first",
      responses: { "200": { description: "The maintenance", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: maintenance } } } } } }, ...errors(401) },
    },
    post: {
      summary: `Schedule a maintenance (responder). The window must end in the future and last at most 31 days. ${timesNote} ${emailNote} the announcement.`,
      requestBody: body(json(maintenanceInputSchema)),
      responses: { ...one("Scheduled", "201"), ...errors(400, 401, 403) },
    },
  },
  "/status/maintenances/{id}": {
    parameters: [{ name: "id", in: "path", required: true, description: "The maintenance's uuid", schema: { type: "string", format: "uuid" } }],
    get: { summary: "Get a maintenance", responses: { ...one("The maintenance"), ...errors(401, 404) } },
    patch: {
      summary: `Change a scheduled or in-progress maintenance (responder); send \`version\` to refuse the change if someone else saved first. ${timesNote} A new window or other components are announced again (${emailNote}); a change of text alone is not. 409 once it is completed or cancelled.`,
      requestBody: body(json(maintenancePatchSchema)),
      responses: { ...one("Changed"), ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      summary: `Cancel a maintenance that has not completed (responder). It stays, as cancelled, and is returned; subscribers who were told about it are emailed that it is off. Cancelling again changes nothing; 409 once completed.`,
      responses: { ...one("Cancelled"), ...errors(401, 403, 404, 409) },
    },
  },
};
