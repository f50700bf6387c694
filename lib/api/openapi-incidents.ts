import { incidentInputSchema, incidentPatchSchema, timelineEntryInputSchema, timestampEditSchema } from "@/lib/incidents/schemas";
import { STATUSES } from "@/lib/incidents/lifecycle";
import { SEVERITIES } from "@/lib/incidents/severity";
import { severityTargetsInputSchema } from "@/lib/incidents/severity-schemas";
import { timelineKinds } from "@/db/schema/incidents";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const idParam = { name: "id", in: "path", required: true, description: "The incident's uuid, INC-42 or 42", schema: { type: "string" } };
const query = (name: string, description: string, schema: object = { type: "string" }) => ({ name, in: "query", required: false, description, schema });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const ok = (description: string, name: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } } });

const time = { type: "string", format: "date-time" };
const nullableTime = { type: ["string", "null"], format: "date-time" };
const person = { type: "object", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, email: { type: "string" } } };
const nullablePerson = { ...person, type: ["object", "null"] };

const summary = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    number: { type: "integer" },
    ref: { type: "string", examples: ["INC-42"] },
    title: { type: "string" },
    severity: { type: "string", enum: SEVERITIES },
    status: { type: "string", enum: STATUSES },
    customerFacing: { type: "boolean" },
    detectedBy: { type: "string", enum: ["alert", "user", "customer"] },
    services: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } } },
    commander: nullablePerson,
    timestamps: {
      type: "object",
      properties: { started: time, detected: time, acknowledged: nullableTime, mitigated: nullableTime, resolved: nullableTime, closed: nullableTime },
    },
  },
};

const incident = {
  allOf: [
    { $ref: "#/components/schemas/IncidentSummary" },
    {
      type: "object",
      properties: {
        summary: { type: "string" },
        roles: { type: "object", properties: { commander: nullablePerson, commsLead: nullablePerson, responders: { type: "array", items: person } } },
        impact: { type: "object", properties: { usersAffected: { type: "integer" }, trafficPercent: { type: "number" }, revenue: { type: "number" }, supportTickets: { type: "integer" } } },
        previousIncident: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, ref: { type: "string" } } },
        createdBy: nullablePerson,
        version: { type: "integer" },
        createdAt: time,
        updatedAt: time,
        alerts: { type: "array", description: "The Alertmanager alerts behind an alert-opened incident; empty for a declared one", items: { $ref: "#/components/schemas/IncidentAlert" } },
      },
    },
  ],
};

const entry = {
  type: "object",
  properties: {
    id: { type: "integer" },
    at: time,
    kind: { type: "string", enum: timelineKinds },
    author: { ...nullablePerson, description: "null: written by Keel itself" },
    body: { type: "string" },
    data: { type: "object" },
  },
};

const target = { oneOf: [{ type: "object", properties: { minutes: { type: "integer" } } }, { type: "object", properties: { businessDays: { type: "integer" } } }] };

export const incidentSchemas = {
  Severities: {
    type: "object",
    properties: {
      severities: {
        type: "array",
        items: {
          type: "object",
          properties: { severity: { type: "string", enum: SEVERITIES }, label: { type: "string" }, meaning: { type: "string" }, respond: target, resolve: target, postmortemRequired: { type: "boolean" } },
        },
      },
    },
  },
  SeverityTargetsInput: json(severityTargetsInputSchema),
  IncidentSummary: summary,
  Incident: incident,
  IncidentInput: json(incidentInputSchema),
  IncidentPatch: json(incidentPatchSchema),
  TimelineEntry: entry,
  TimelineEntryInput: json(timelineEntryInputSchema),
  TimestampEdit: json(timestampEditSchema),
};

const lifecycle =
  "Status moves forward (skipping allowed) up to resolved; monitoring or resolved may go back to investigating; closed only from resolved, once a required postmortem (SEV1, SEV2) is published; closed is final. A refused move is a 409 naming the allowed next statuses.";

export const incidentPaths = {
  "/severities": {
    get: { summary: "Every severity's meaning, respond and resolve targets, and whether closing needs a postmortem", responses: { ...ok("The severities", "Severities"), ...errors(401) } },
    put: {
      summary: "Set the targets of the severities given (admin); the others keep theirs",
      requestBody: body("SeverityTargetsInput"),
      responses: { ...ok("The severities now", "Severities"), ...errors(400, 401, 403) },
    },
  },
  "/incidents": {
    get: {
      summary: "List incidents, newest start first, keyset-paginated",
      parameters: [
        query("status", "Statuses, repeated or comma-separated"),
        query("severity", "SEV1..SEV4, repeated or comma-separated"),
        query("service", "Service slug"),
        query("from", "Started at or after (date-time)"),
        query("to", "Started before (date-time)"),
        query("q", "Full-text search over title and summary (web search syntax), or an incident number"),
        query("cursor", "nextCursor of the previous page"),
        query("limit", "1..200, default 50", { type: "integer" }),
      ],
      responses: {
        "200": {
          description: "A page of incidents",
          content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/IncidentSummary" } }, nextCursor: { type: ["string", "null"] } } } } },
        },
        ...errors(400, 401),
      },
    },
    post: {
      summary: "Declare an incident (responder); it starts in triaging",
      requestBody: body("IncidentInput"),
      responses: { ...ok("Declared", "Incident", "201"), ...errors(400, 401, 403) },
    },
  },
  "/incidents/{id}": {
    parameters: [idParam],
    get: { summary: "Get an incident: status, severity, services, roles, timestamps, impact", responses: { ...ok("The incident", "Incident"), ...errors(401, 404) } },
    patch: {
      summary: `Change an incident (responder): status, severity, roles, title, summary, customer-facing, impact, services; each change is a timeline entry; send \`version\` to refuse a stale change. ${lifecycle}`,
      requestBody: body("IncidentPatch"),
      responses: { ...ok("Updated", "Incident"), ...errors(400, 401, 403, 404, 409) },
    },
  },
  "/incidents/{id}/timeline": {
    parameters: [idParam],
    get: {
      summary: "The incident's timeline in the order written; ?after=<lastId> returns only newer entries (live refresh)",
      parameters: [query("after", "Entry id; only entries written after it", { type: "integer" }), query("limit", "1..1000, default 500", { type: "integer" })],
      responses: {
        "200": {
          description: "{ items, lastId, hasMore }",
          content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/TimelineEntry" } }, lastId: { type: "integer" }, hasMore: { type: "boolean" } } } } },
        },
        ...errors(400, 401, 404),
      },
    },
    post: {
      summary: "Add a note, action taken, link (data.url) or status-page update (responder)",
      requestBody: body("TimelineEntryInput"),
      responses: { ...ok("Added", "TimelineEntry", "201"), ...errors(400, 401, 403, 404) },
    },
  },
  "/incidents/{id}/slo-impact": {
    parameters: [idParam],
    get: {
      summary: "The error budget the incident consumed per SLO of its services (bad events from start to resolution, or now, against the budget each window allows now); over 20 % of any budget requires a postmortem",
      responses: {
        "200": {
          description: "{ from, to, slos: [{ sloId, name, service, consumed, bad, allowed, problem }], postmortemRequired, threshold, reason }",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  from: time,
                  to: time,
                  postmortemRequired: { type: "boolean" },
                  threshold: { type: "number" },
                  reason: { type: "string" },
                  slos: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        sloId: { type: "string", format: "uuid" },
                        name: { type: "string" },
                        service: { type: "string" },
                        consumed: { type: ["number", "null"] },
                        bad: { type: ["number", "null"] },
                        allowed: { type: ["number", "null"] },
                        problem: { type: ["string", "null"] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...errors(401, 404),
      },
    },
  },
  "/incidents/{id}/timestamps": {
    parameters: [idParam],
    post: {
      summary: "Back-fill a recorded time (started, detected, acknowledged, mitigated, resolved) with a reason (responder); times keep their order and cannot be in the future",
      requestBody: body("TimestampEdit"),
      responses: { ...ok("Updated", "Incident"), ...errors(400, 401, 403, 404, 409) },
    },
  },
};
