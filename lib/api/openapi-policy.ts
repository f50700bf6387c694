import { orgPolicyBodySchema, servicePolicyBodySchema } from "@/lib/slo/policy-schemas";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const strings = { type: "array", items: { type: "string" } };
const actions = { type: "object", properties: { healthy: strings, warning: strings, exhausted: strings } };
const thresholds = {
  warningBelow: { type: "number", minimum: 0, maximum: 1, description: "Below this share of budget remaining the state is Warning." },
  exhaustedBelow: { type: "number", minimum: 0, maximum: 1, description: "Below this share the state is Exhausted; always below warningBelow." },
  actions,
};

const orgPolicy = {
  type: "object",
  required: ["warningBelow", "exhaustedBelow", "actions", "version"],
  properties: { ...thresholds, version: { type: "integer", description: "0 while the built-in default applies (nothing saved yet)." } },
};

const override = {
  type: "object",
  required: ["service", "warningBelow", "exhaustedBelow", "actions", "note", "version"],
  properties: {
    service: { type: "string", description: "The service's slug." },
    serviceName: { type: "string" },
    ...thresholds,
    note: { type: "string", description: "Why the service differs from the organisation's policy." },
    version: { type: "integer" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schema: object) => ({ "200": { description, content: { "application/json": { schema } } } });

export const policySchemas = {
  OrgPolicy: orgPolicy,
  PolicyOverride: override,
  OrgPolicyInput: json(orgPolicyBodySchema),
  PolicyOverrideInput: json(servicePolicyBodySchema),
};

export const policyPaths = {
  "/policy": {
    get: {
      summary: "The error-budget policy: the organisation's thresholds and actions, and each service's override",
      responses: {
        ...ok("The policy", {
          type: "object",
          properties: { organisation: ref("OrgPolicy"), overrides: { type: "array", items: ref("PolicyOverride") } },
        }),
        ...errors(401),
      },
    },
    put: {
      summary: "Replace the organisation's policy (admin); shares of budget remaining in 0..1. Send the `version` you read (0 = none saved yet) to refuse a stale save",
      requestBody: body("OrgPolicyInput"),
      responses: { ...ok("Saved", ref("OrgPolicy")), ...errors(400, 401, 403, 409) },
    },
  },
  "/policy/services/{slug}": {
    parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
    put: {
      summary: "Create or replace a service's policy override (admin); send `version` (0 = no override yet) to refuse a stale save",
      requestBody: body("PolicyOverrideInput"),
      responses: { ...ok("Saved", ref("PolicyOverride")), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Remove a service's override; it follows the organisation's policy again (admin)", responses: { "204": { description: "Removed" }, ...errors(401, 403, 404) } },
  },
};
