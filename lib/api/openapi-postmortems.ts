import { createPostmortemSchema } from "@/lib/postmortems/create-input";
import { postmortemDocumentSchema } from "@/lib/postmortems/document";
import { actionItemInputSchema, actionItemPatchSchema, ACTION_CATEGORIES, ACTION_PRIORITIES, ACTION_STATUSES } from "@/lib/postmortems/action-items";
import { commentBodySchema, reviewersBodySchema, saveBodySchema, statusBodySchema, versionBodySchema } from "@/lib/postmortems/api-schemas";
import { REVIEW_STATUSES } from "@/lib/postmortems/review";
import { DEFAULT_TEMPLATE } from "@/lib/postmortems/template";
import { SEVERITIES } from "@/lib/incidents/severity";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const idParam = { name: "id", in: "path", required: true, description: "The postmortem's uuid", schema: { type: "string", format: "uuid" } };
const query = (name: string, description: string) => ({ name, in: "query", required: false, description, schema: { type: "string" } });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const ok = (description: string, name: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } } });
const time = { type: "string", format: "date-time" };
const nullableTime = { type: ["string", "null"], format: "date-time" };
const person = { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" } } };

const actionItem = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    title: { type: "string" },
    category: { type: "string", enum: ACTION_CATEGORIES },
    priority: { type: "string", enum: ACTION_PRIORITIES },
    owner: { type: ["string", "null"] },
    ownerEmail: { type: ["string", "null"] },
    dueDate: { type: ["string", "null"], format: "date" },
    status: { type: "string", enum: ACTION_STATUSES },
    link: { type: ["string", "null"] },
    overdue: { type: "boolean" },
    createdAt: time,
    closedAt: nullableTime,
    version: { type: "integer" },
    postmortem: { type: "object", properties: { id: { type: "string" }, title: { type: "string" }, incidentRef: { type: "string" } } },
  },
};

const summary = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    title: { type: "string" },
    status: { type: "string", enum: REVIEW_STATUSES },
    incident: { type: "object", properties: { id: { type: "string" }, ref: { type: "string" }, title: { type: "string" }, severity: { type: "string", enum: SEVERITIES }, status: { type: "string" } } },
    services: { type: "array", items: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } } },
    tags: { type: "array", items: { type: "string" } },
    dueAt: nullableTime,
    overdue: { type: "boolean" },
    openActionItems: { type: "integer" },
    updatedAt: time,
    publishedAt: nullableTime,
  },
};

const sloImpact = {
  type: ["object", "null"],
  description: "The last computed SLO impact: per SLO, the share of its budget the incident consumed and the policy state before and after",
  properties: {
    computedAt: time,
    from: time,
    to: time,
    rows: {
      type: "array",
      items: {
        type: "object",
        properties: {
          sloId: { type: "string" },
          name: { type: "string" },
          service: { type: "string" },
          consumed: { type: ["number", "null"], description: "1.04 = 104 % of the budget" },
          stateBefore: { type: "string" },
          stateAfter: { type: "string" },
          dataSource: { type: "string" },
          problem: { type: ["string", "null"] },
        },
      },
    },
  },
};

export const postmortemSchemas = {
  PostmortemSummary: summary,
  Postmortem: {
    allOf: [
      { $ref: "#/components/schemas/PostmortemSummary" },
      {
        type: "object",
        properties: {
          document: json(postmortemDocumentSchema),
          sloImpact,
          author: person,
          reviewers: { type: "array", items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" }, approvedAt: nullableTime } } },
          actionItems: { type: "array", items: { $ref: "#/components/schemas/ActionItem" } },
          comments: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, section: { type: "string" }, body: { type: "string" }, author: person, createdAt: time, resolvedAt: nullableTime } } },
          events: { type: "array", items: { type: "object", properties: { kind: { type: "string" }, actor: person, reason: { type: ["string", "null"] }, at: time } } },
          version: { type: "integer", description: "Send it back with the next save; a stale one is refused with 409" },
        },
      },
    ],
  },
  PostmortemCreate: json(createPostmortemSchema(DEFAULT_TEMPLATE)),
  PostmortemSave: json(saveBodySchema),
  PostmortemStatus: json(statusBodySchema),
  PostmortemReviewers: json(reviewersBodySchema),
  PostmortemComment: json(commentBodySchema),
  PostmortemResync: json(versionBodySchema),
  ActionItem: actionItem,
  ActionItemInput: json(actionItemInputSchema),
  ActionItemPatch: json(actionItemPatchSchema),
};

export const postmortemPaths = {
  "/postmortems": {
    get: {
      summary: "List postmortems, newest incident first",
      parameters: [query("status", "draft, in_review, published (comma-separated)"), query("q", "Full-text search over title and sections"), query("service", "Service slug"), query("tag", "Tag"), query("overdue", "true: unpublished and past due")],
      responses: { "200": { description: "Postmortems", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/PostmortemSummary" } } } } } } }, ...errors(400, 401) },
    },
    post: {
      summary: "Write a postmortem for an incident, prefilled from it (responder); section text under its template key, action items inline",
      requestBody: body("PostmortemCreate"),
      responses: { ...ok("Created", "Postmortem", "201"), ...errors(400, 401, 403, 409) },
    },
  },
  "/postmortems/{id}": {
    parameters: [idParam],
    get: { summary: "One postmortem with its document, reviewers, comments, action items and SLO impact", responses: { ...ok("The postmortem", "Postmortem"), ...errors(401, 404) } },
    put: { summary: "Save the document with the version it was based on (409 when stale; nothing is written)", requestBody: body("PostmortemSave"), responses: { "200": { description: "The new version" }, ...errors(400, 401, 403, 404, 409) } },
  },
  "/postmortems/{id}/markdown": {
    parameters: [idParam],
    get: { summary: "The postmortem as Markdown, every template section heading included", responses: { "200": { description: "Markdown", content: { "text/markdown": { schema: { type: "string" } } } }, ...errors(401, 404) } },
  },
  "/postmortems/{id}/status": { parameters: [idParam], post: { summary: "Move it: draft ⇄ in_review → published (responder)", requestBody: body("PostmortemStatus"), responses: { ...ok("The postmortem", "Postmortem"), ...errors(400, 401, 403, 404, 409) } } },
  "/postmortems/{id}/approve": { parameters: [idParam], post: { summary: "Approve it while in review (a responder who did not write it)", responses: { ...ok("The postmortem", "Postmortem"), ...errors(401, 403, 404, 409) } } },
  "/postmortems/{id}/reviewers": { parameters: [idParam], put: { summary: "Set the reviewers (emails or ids of responders)", requestBody: body("PostmortemReviewers"), responses: { ...ok("The postmortem", "Postmortem"), ...errors(400, 401, 403, 404, 409) } } },
  "/postmortems/{id}/comments": { parameters: [idParam], post: { summary: "Comment on a section", requestBody: body("PostmortemComment"), responses: { "201": { description: "The comment's id" }, ...errors(400, 401, 403, 404, 409) } } },
  "/postmortems/{id}/slo-impact": {
    parameters: [idParam],
    get: { summary: "The stored SLO impact (null until computed)", responses: { "200": { description: "SLO impact", content: { "application/json": { schema: sloImpact } } }, ...errors(401, 404) } },
    post: { summary: "Compute the SLO impact now and store it (responder; not once published)", responses: { "200": { description: "SLO impact", content: { "application/json": { schema: sloImpact } } }, ...errors(401, 403, 404, 409) } },
  },
  "/postmortems/{id}/resync": { parameters: [idParam], post: { summary: "Pull new incident timeline entries in; rows authors added or edited stay", requestBody: body("PostmortemResync"), responses: { "200": { description: "What changed and the new version" }, ...errors(400, 401, 403, 404, 409) } } },
  "/postmortems/{id}/action-items": {
    parameters: [idParam],
    get: { summary: "The postmortem's action items", responses: { "200": { description: "Items" }, ...errors(401, 404) } },
    post: { summary: "Add an action item (responder, drafts)", requestBody: body("ActionItemInput"), responses: { ...ok("Added", "ActionItem", "201"), ...errors(400, 401, 403, 404, 409) } },
  },
  "/action-items": {
    get: {
      summary: "Action items across every postmortem, with the closure rate and median time to close",
      parameters: [query("owner", "Owner email or id"), query("team", "Team slug"), query("service", "Service slug"), query("category", "prevent, detect or recover"), query("status", "open, in_progress, done, wont_do (comma-separated)"), query("overdue", "true")],
      responses: { "200": { description: "Items and figures" }, ...errors(400, 401) },
    },
  },
  "/action-items/{id}": {
    parameters: [{ ...idParam, description: "The action item's uuid" }],
    patch: { summary: "Change an item with the version it was based on; status any time, other fields while the postmortem is a draft", requestBody: body("ActionItemPatch"), responses: { ...ok("The item", "ActionItem"), ...errors(400, 401, 403, 404, 409) } },
    delete: { summary: "Delete an item (drafts)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 409) } },
  },
};
