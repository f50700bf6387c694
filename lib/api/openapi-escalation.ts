import { escalationPolicyInputSchema, escalationPolicyPatchSchema } from "@/lib/oncall/escalation-input";
import { MAX_REPEAT } from "@/lib/oncall/escalation";
import { COMPENSATION_CSV_HEADER } from "@/lib/oncall/compensation";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

/*
 * Escalation policies and the on-call compensation export. The schemas sit inline in the paths, so
 * this fragment is wired into the document by its paths alone.
 */

const time = { type: "string", format: "date-time" };
const idParam = { name: "id", in: "path", required: true, description: "The policy's uuid", schema: { type: "string", format: "uuid" } };

const target = {
  type: "object",
  description: "What a step pages: one layer of a schedule (whoever is on call on it), a whole schedule (its final on-call) or a person. `label` names it; `missing` marks a deleted schedule, layer or person (the step then reaches nobody there).",
  required: ["kind", "label"],
  properties: {
    kind: { type: "string", enum: ["layer", "schedule", "user"] },
    scheduleId: { type: "string", format: "uuid" },
    layerId: { type: "string", format: "uuid" },
    userId: { type: "string", format: "uuid" },
    label: { type: "string", examples: ["Payments on-call · secondary"] },
    missing: { type: "boolean" },
  },
};

const policy = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    description: { type: "string" },
    steps: {
      type: "array",
      items: { type: "object", properties: { delayMinutes: { type: "integer", description: "Minutes before the next step (after the last: before the chain repeats)" }, targets: { type: "array", items: target } } },
    },
    repeat: { type: "integer", minimum: 0, maximum: MAX_REPEAT, description: "How many more times the whole chain runs after the first pass" },
    services: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } } },
    version: { type: "integer" },
    createdAt: time,
    updatedAt: time,
  },
};

const running =
  "When an incident opens (declared, or opened by an alert) on a service with a policy, Keel plans every page of the chain as durable timers in the incident's transaction. " +
  "Step 1 is paged at once, each later step after the delays, until someone acknowledges (the incident leaves triaging). Each page resolves who is on call at that moment, " +
  'emails them ("[Keel] Page: INC-12 …"), posts an `escalated` event to the webhook channels covering the service that take `declared` news, and writes a timeline entry; ' +
  "a step that reaches nobody is recorded as \"Nobody on call\" on the incident. Editing or deleting a policy changes no escalation already running.";

const input =
  "Targets: `{kind:\"layer\", scheduleId, layerId}`, `{kind:\"schedule\", scheduleId}` or `{kind:\"user\", userId}`; a schedule may be named by id or name, a layer by id or name within it, a person by id or email. " +
  "Unknown ones are refused by path (`steps.1.targets.0`). `services` lists service slugs; a service follows at most one policy (one attached elsewhere is refused).";

const json200 = (description: string, schema: object, status = "200") => ({ [status]: { description, content: { "application/json": { schema } } } });

export const escalationPaths = {
  "/escalation-policies": {
    get: { summary: "List escalation policies", responses: { ...json200("All policies", { type: "object", properties: { items: { type: "array", items: policy }, nextCursor: { type: "null" } } }), ...errors(401) } },
    post: {
      summary: "Create an escalation policy (admin)",
      description: `${input}\n\n${running}`,
      requestBody: { required: true, content: { "application/json": { schema: json(escalationPolicyInputSchema) } } },
      responses: { ...json200("Created", policy, "201"), ...errors(400, 401, 403, 409) },
    },
  },
  "/escalation-policies/{id}": {
    parameters: [idParam],
    get: { summary: "Get an escalation policy", responses: { ...json200("The policy", policy), ...errors(401, 404) } },
    patch: {
      summary: "Change an escalation policy (admin); `services` replaces the attached services, a stale `version` is refused",
      description: input,
      requestBody: { required: true, content: { "application/json": { schema: json(escalationPolicyPatchSchema) } } },
      responses: { ...json200("Updated", policy), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete an escalation policy (admin); its services stop escalating, running escalations finish as planned", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/oncall/compensation.csv": {
    get: {
      summary: "On-call compensation over a period as CSV (admin)",
      description:
        "Per person: hours on call (final schedule), the weekly stipend pro-rated by those hours, incident response hours outside business hours at the hourly rate × multiplier, and SEV1 days off (the rates are set under On-call → Health). " +
        `Columns: ${COMPENSATION_CSV_HEADER.join(", ")}.`,
      parameters: [
        { name: "from", in: "query", required: false, description: "Start date (YYYY-MM-DD, UTC) or ISO date-time; default 28 days before `to`", schema: { type: "string" } },
        { name: "to", in: "query", required: false, description: "End (exclusive) date or ISO date-time; default now", schema: { type: "string" } },
      ],
      responses: { "200": { description: "The report", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401, 403) },
    },
  },
};
