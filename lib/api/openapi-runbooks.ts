import { runbookInputSchema, runbookUpdateSchema, stepProgressSchema } from "@/lib/runbooks/schemas";
import { SEVERITIES } from "@/lib/incidents/severity";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const pathParam = (name: string, description: string, schema: object = { type: "string" }) => ({ name, in: "path", required: true, description, schema });
const slugParam = pathParam("slug", "The runbook's slug");
const idParam = pathParam("id", "The incident's uuid, INC-42 or 42");
const body = (name: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const ok = (description: string, name: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } } });
const time = { type: "string", format: "date-time" };

const step = { type: "object", required: ["title"], properties: { title: { type: "string" }, detail: { type: "string" } } };
const contact = { type: "object", required: ["name", "how"], properties: { name: { type: "string" }, how: { type: "string" } } };
const severityHint = { type: ["string", "null"], enum: [...SEVERITIES, null] };

const runbook = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    slug: { type: "string" },
    title: { type: "string" },
    scenario: { type: "string" },
    alertNames: { type: "array", items: { type: "string" }, description: "Alertmanager alert names (the alertname label) that attach it to the incidents they open" },
    severityHint,
    steps: { type: "array", items: step },
    contacts: { type: "array", items: contact },
    version: { type: "integer" },
    createdAt: time,
    updatedAt: time,
  },
};

const attached = {
  type: "object",
  properties: {
    runbook: {
      type: "object",
      properties: { slug: { type: "string" }, title: { type: "string" }, scenario: { type: "string" }, severityHint, steps: { type: "array", items: step }, contacts: { type: "array", items: contact }, version: { type: "integer" } },
    },
    done: { type: "array", items: { type: "integer", minimum: 0 }, description: "Indexes of the done steps, ascending" },
    attachedBy: { type: ["object", "null"], description: "null: attached by Keel for an alert", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, email: { type: "string" } } },
    attachedAt: time,
  },
};

export const runbookSchemas = {
  Runbook: runbook,
  RunbookInput: json(runbookInputSchema),
  RunbookUpdate: json(runbookUpdateSchema),
  AttachedRunbook: attached,
  StepProgress: json(stepProgressSchema),
};

const timelineNote = "Each change is written on the incident's timeline as an `action` entry.";

export const runbookPaths = {
  "/runbooks": {
    get: {
      summary: "List runbooks by title",
      parameters: [{ name: "q", in: "query", required: false, description: "Matches title, slug, scenario and alert names", schema: { type: "string" } }],
      responses: {
        "200": { description: "The runbooks", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Runbook" } } } } } } },
        ...errors(400, 401),
      },
    },
    post: { summary: "Create a runbook (admin)", requestBody: body("RunbookInput"), responses: { ...ok("Created", "Runbook", "201"), ...errors(400, 401, 403, 409) } },
  },
  "/runbooks/{slug}": {
    parameters: [slugParam],
    get: { summary: "Get a runbook", responses: { ...ok("The runbook", "Runbook"), ...errors(401, 404) } },
    put: {
      summary: "Replace a runbook's content (admin); its slug stays. Send `version` to refuse the save if someone else saved first. Done steps on incidents follow their step (by title) when steps are reordered.",
      requestBody: body("RunbookUpdate"),
      responses: { ...ok("Saved", "Runbook"), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete a runbook (admin); it is detached from every incident", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/incidents/{id}/runbooks": {
    parameters: [idParam],
    get: {
      summary: "The runbooks attached to an incident, with each one's done steps",
      responses: {
        "200": { description: "The attached runbooks", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/AttachedRunbook" } } } } } } },
        ...errors(401, 404),
      },
    },
  },
  "/incidents/{id}/runbooks/{slug}": {
    parameters: [idParam, slugParam],
    post: { summary: `Attach a runbook to the incident (responder): 201 when attached now, 200 when it already was. ${timelineNote}`, responses: { ...ok("Attached", "AttachedRunbook", "201"), ...ok("Already attached", "AttachedRunbook"), ...errors(401, 403, 404) } },
    delete: { summary: `Detach a runbook (responder); its progress goes with it. ${timelineNote}`, responses: { "204": { description: "Detached" }, ...errors(401, 403, 404) } },
  },
  "/incidents/{id}/runbooks/{slug}/steps/{index}": {
    parameters: [idParam, slugParam, pathParam("index", "The step, numbered from 0", { type: "integer", minimum: 0 })],
    put: {
      summary: `Tick or untick a step of an attached runbook (responder); setting it to what it already is writes nothing. ${timelineNote}`,
      requestBody: body("StepProgress"),
      responses: { ...ok("The attached runbook", "AttachedRunbook"), ...errors(400, 401, 403, 404) },
    },
  },
};
