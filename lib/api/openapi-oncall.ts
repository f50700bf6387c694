import { overrideInputSchema } from "@/lib/oncall/schemas";
import { scheduleCreateSchema, schedulePatchSchema } from "@/lib/oncall/schedule-input";
import { swapOfferSchema } from "@/lib/oncall/swap-offer";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schema: object, status = "200") => ({ [status]: { description, content: { "application/json": { schema } } } });
const list = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) } } });
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const query = (name: string, description: string, required = false) => ({ name, in: "query", required, description, schema: { type: "string", format: "date-time" } });
const idParam = path("id", "The schedule's uuid or exact name");
const time = { type: "string", format: "date-time" };
const maybeTime = { type: ["string", "null"], format: "date-time", description: "null: no change within 35 days" };

const person = { type: "object", properties: { id: { type: "string", format: "uuid" }, email: { type: "string" }, name: { type: "string" }, timeZone: { type: "string" } } };
const restriction = { type: "object", properties: { days: { type: "array", items: { type: "string", enum: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] } }, start: { type: "string" }, end: { type: "string" } } };
const layer = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    position: { type: "integer", description: "0 is the bottom layer; the top layer with someone on call is the final on-call" },
    rotation: {
      type: "object",
      properties: { type: { type: "string", enum: ["hourly", "daily", "weekly", "custom"] }, length: { type: "integer" }, handoffTime: { type: "string" }, start: { type: "string", format: "date" }, participants: { type: "array", items: ref("OnCallPerson") } },
    },
    restrictions: { type: "array", items: restriction },
    versions: { type: "integer", description: "How many definitions the layer has had (edits keep the past)" },
  },
};
const schedule = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    description: { type: "string" },
    timeZone: { type: "string" },
    team: { type: ["object", "null"], properties: { slug: { type: "string" }, name: { type: "string" } } },
    version: { type: "integer" },
    layers: { type: "array", items: layer },
    createdAt: time,
    updatedAt: time,
  },
};
const stretch = { type: "object", properties: { users: { type: "array", items: ref("OnCallPerson") }, start: maybeTime, end: maybeTime } };
const onCall = {
  type: "object",
  properties: {
    at: time,
    layers: { type: "array", items: { allOf: [stretch, { type: "object", properties: { layerId: { type: "string" }, name: { type: "string" } } }] } },
    final: { allOf: [stretch, { type: "object", properties: { layerId: { type: ["string", "null"] } } }] },
  },
};
const shift = {
  type: "object",
  properties: {
    start: time,
    end: time,
    users: { type: "array", items: ref("OnCallPerson"), description: "Empty: a gap" },
    layerId: { type: ["string", "null"] },
    layers: { type: "array", items: { type: "object", properties: { layerId: { type: "string" }, userIds: { type: "array", items: { type: "string" } } } } },
    overridden: { type: "boolean" },
    overrideIds: { type: "array", items: { type: "string" } },
  },
};
const override = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    scheduleId: { type: "string" },
    kind: { type: "string", enum: ["add", "replace", "remove"] },
    user: ref("OnCallPerson"),
    layerId: { type: ["string", "null"] },
    layerName: { type: ["string", "null"] },
    start: time,
    end: time,
    note: { type: "string" },
    createdBy: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
    createdAt: time,
  },
};
const swap = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    scheduleId: { type: "string" },
    layerId: { type: ["string", "null"] },
    offeredBy: ref("OnCallPerson"),
    start: time,
    end: time,
    note: { type: "string" },
    status: { type: "string", enum: ["open", "taken", "cancelled"] },
    takenBy: { oneOf: [ref("OnCallPerson"), { type: "null" }] },
    overrideId: { type: ["string", "null"] },
  },
};

export const oncallSchemas = {
  OnCallPerson: person,
  Schedule: schedule,
  ScheduleInput: json(scheduleCreateSchema),
  SchedulePatch: json(schedulePatchSchema),
  OnCall: onCall,
  Shift: shift,
  Override: override,
  OverrideInput: { allOf: [json(overrideInputSchema), { type: "object", properties: { note: { type: "string" } } }], description: "`userId` is a user's id or email" },
  Swap: swap,
  SwapOffer: json(swapOfferSchema),
};

const calendar = { "200": { description: "iCalendar (RFC 5545), a week back and a year ahead", content: { "text/calendar": { schema: { type: "string" } } } }, ...errors(401) };
const tokenParam = { name: "token", in: "query", required: true, description: "The secret feed token from the link Keel showed once", schema: { type: "string" } };

export const oncallPaths = {
  "/schedules": {
    get: { summary: "List schedules", responses: { ...ok("The schedules", { type: "object", properties: { items: { type: "array", items: { type: "object" } } } }), ...errors(401) } },
    post: {
      summary: "Create a schedule (admin). Layers lowest first (the top layer with someone on call is the final on-call); participants are user emails or ids, in turn order.",
      requestBody: body("ScheduleInput"),
      responses: { ...ok("Created", ref("Schedule"), "201"), ...errors(400, 401, 403, 409) },
    },
  },
  "/schedules/{id}": {
    parameters: [idParam],
    get: { summary: "Get a schedule with each layer's current definition", responses: { ...ok("The schedule", ref("Schedule")), ...errors(401, 404) } },
    patch: {
      summary: "Change a schedule (admin). `layers` is the whole new list: an `id` keeps (and edits from now on) a layer, none adds one from now on, a missing one is removed from now on; past shifts never change. Send `version` to refuse a stale save.",
      requestBody: body("SchedulePatch"),
      responses: { ...ok("Saved", ref("Schedule")), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete a schedule (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/schedules/{id}/oncall": {
    parameters: [idParam],
    get: { summary: "Who is on call at an instant, per layer and finally, with each stretch's start and end", parameters: [query("at", "Default: now")], responses: { ...ok("On call", ref("OnCall")), ...errors(400, 401, 404) } },
  },
  "/schedules/{id}/shifts": {
    parameters: [idParam],
    get: { summary: "The final shifts in [from, to) (at most 366 days)", parameters: [query("from", "Start", true), query("to", "End", true)], responses: { ...ok("Shifts", { type: "object", properties: { items: { type: "array", items: ref("Shift") } } }), ...errors(400, 401, 404) } },
  },
  "/schedules/{id}/overrides": {
    parameters: [idParam],
    get: { summary: "Overrides (those overlapping [from, to) when given)", parameters: [query("from", "Start"), query("to", "End")], responses: { ...ok("Overrides", list("Override")), ...errors(400, 401, 404) } },
    post: {
      summary: "Add an override (responder). One that conflicts with a saved override (a replace overlapping anything on its layers; the same person added or removed twice) is refused with 400, also under concurrent requests.",
      requestBody: body("OverrideInput"),
      responses: { ...ok("Created", ref("Override"), "201"), ...errors(400, 401, 403, 404) },
    },
  },
  "/schedules/{id}/overrides/{oid}": {
    parameters: [idParam, path("oid", "The override's id")],
    delete: { summary: "Remove an override (its maker, its person or an admin): deleted if not started, ended now if under way; a past one is history (409)", responses: { "204": { description: "Deleted" }, ...ok("Ended now", { type: "object", properties: { ended: { type: "boolean" } } }), ...errors(401, 403, 404, 409) } },
  },
  "/schedules/{id}/swaps": {
    parameters: [idParam],
    get: { summary: "Swap offers: open ones and recent taken or withdrawn ones", responses: { ...ok("Swaps", list("Swap")), ...errors(401, 404) } },
    post: { summary: "Offer one of my shifts (responder); I must be on call for all of it", requestBody: body("SwapOffer"), responses: { ...ok("Offered", ref("Swap"), "201"), ...errors(400, 401, 403, 404) } },
  },
  "/schedules/{id}/swaps/{sid}": {
    parameters: [idParam, path("sid", "The swap's id")],
    delete: { summary: "Withdraw an open offer (its author or an admin)", responses: { ...ok("Withdrawn", ref("Swap")), ...errors(401, 403, 404, 409) } },
  },
  "/schedules/{id}/swaps/{sid}/take": {
    parameters: [idParam, path("sid", "The swap's id")],
    post: { summary: "Take an open offer (responder): a replace override puts me on call", responses: { ...ok("Taken", ref("Swap")), ...errors(400, 401, 403, 404, 409) } },
  },
  "/schedules/{id}/calendar.ics": {
    parameters: [idParam],
    get: { summary: "The schedule's iCalendar feed; authenticated by its secret token only (created in Keel, shown once)", security: [], parameters: [tokenParam], responses: calendar },
  },
  "/oncall/calendar.ics": {
    get: { summary: "A person's on-call across every schedule, as iCalendar; authenticated by their secret token only", security: [], parameters: [tokenParam], responses: calendar },
  },
};
