import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";
import { serviceInputSchema, servicePatchSchema } from "@/lib/services/schemas";
import { datasourcePaths, datasourceSchemas } from "./openapi-datasources";
import { sloPaths, sloSchemas } from "./openapi-slos";
import { correctionPaths, correctionSchemas } from "./openapi-corrections";
import { policyPaths, policySchemas } from "./openapi-policy";
import { incidentPaths, incidentSchemas } from "./openapi-incidents";
import { integrationPaths, integrationSchemas } from "./openapi-integrations";
import { runbookPaths, runbookSchemas } from "./openapi-runbooks";
import { notificationPaths, notificationSchemas } from "./openapi-notifications";
import { maintenancePaths } from "./openapi-maintenance";
import { postmortemPaths, postmortemSchemas } from "./openapi-postmortems";
import { capacityPaths } from "./openapi-capacity";
import { escalationPaths } from "./openapi-escalation";
import { oncallPaths, oncallSchemas } from "./openapi-oncall";

const problem = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable", "bad_gateway", "gateway_timeout", "internal"] },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

const service = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    slug: { type: "string" },
    description: { type: "string" },
    team: { type: ["object", "null"], properties: { slug: { type: "string" }, name: { type: "string" } } },
    tier: { type: "integer", minimum: 1, maximum: 3 },
    public: { type: "boolean" },
    links: { type: "object", properties: { runbook: { type: "string" }, repository: { type: "string" }, dashboard: { type: "string" } } },
    labels: { type: "object", additionalProperties: { type: "string" } },
    version: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const slugParam = { name: "slug", in: "path", required: true, schema: { type: "string" } };

/** The OpenAPI 3.1 document of Keel's REST API; request schemas are generated from the zod schemas. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Keel API", version: "1", description: "Keel's REST API. Authenticate with `Authorization: Bearer <token>`." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: problem, Service: service, ServiceInput: json(serviceInputSchema), ServicePatch: json(servicePatchSchema), ...datasourceSchemas, ...sloSchemas, ...correctionSchemas, ...policySchemas, ...incidentSchemas, ...integrationSchemas, ...notificationSchemas, ...runbookSchemas, ...postmortemSchemas, ...oncallSchemas },
    },
    paths: {
      "/services": {
        get: {
          summary: "List services",
          parameters: ["q", "team", "tier", "public", "cursor", "limit"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          responses: {
            "200": {
              description: "A page of services",
              content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Service" } }, nextCursor: { type: ["string", "null"] } } } } },
            },
            ...errors(400, 401),
          },
        },
        post: {
          summary: "Create a service (admin)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ServiceInput" } } } },
          responses: { "201": { description: "Created", content: { "application/json": { schema: { $ref: "#/components/schemas/Service" } } } }, ...errors(400, 401, 403, 409) },
        },
      },
      "/services/{slug}": {
        parameters: [slugParam],
        get: { summary: "Get a service", responses: { "200": { description: "The service", content: { "application/json": { schema: { $ref: "#/components/schemas/Service" } } } }, ...errors(401, 404) } },
        patch: {
          summary: "Update a service (admin); send `version` to refuse the change if someone else saved first",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ServicePatch" } } } },
          responses: { "200": { description: "Updated", content: { "application/json": { schema: { $ref: "#/components/schemas/Service" } } } }, ...errors(400, 401, 403, 404, 409) },
        },
        delete: { summary: "Delete a service (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
      },
      ...datasourcePaths,
      ...sloPaths,
      ...correctionPaths,
      ...policyPaths,
      ...incidentPaths,
      ...integrationPaths,
      ...runbookPaths,
      ...notificationPaths,
      ...maintenancePaths,
      ...postmortemPaths,
      ...capacityPaths,
      ...escalationPaths,
      ...oncallPaths,
    },
  };
}
