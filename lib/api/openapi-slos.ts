import { sloInputSchema } from "@/lib/slo/schemas";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ok = (description: string, schema: object = { type: "object" }) => ({ "200": { description, content: { "application/json": { schema } } } });

export const sloSchemas = { SloInput: json(sloInputSchema) };

export const sloPaths = {
  "/slos": {
    get: {
      summary: "List SLOs (optionally ?service=<slug>)",
      parameters: [{ name: "service", in: "query", required: false, schema: { type: "string" } }],
      responses: { ...ok("{ items: SLO[] } with id, name, slug, service and the definition"), ...errors(401) },
    },
    post: {
      summary: "Create an SLO (admin); target is a ratio in (0, 1)",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SloInput" } } } },
      responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 409) },
    },
  },
  "/slos/{id}": {
    parameters: [idParam],
    get: { summary: "Get an SLO", responses: { ...ok("The SLO"), ...errors(401, 404) } },
    put: {
      summary: "Replace an SLO's definition (admin); send `version` to refuse a stale save",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SloInput" } } } },
      responses: { ...ok("Updated"), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete an SLO (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/slos/import": {
    post: {
      summary: "Import OpenSLO v1 (multi-document) or Sloth prometheus/v1 YAML (admin); nothing is imported when any document is bad",
      requestBody: { required: true, content: { "application/yaml": { schema: { type: "string" } } } },
      responses: { "201": { description: "{ created: id[], updated: id[], notes: string[] }" }, ...ok("Only updates"), ...errors(400, 401, 403, 422) },
    },
  },
  "/slos/{id}/openslo": {
    parameters: [idParam],
    get: { summary: "The SLO as OpenSLO v1 YAML", responses: { "200": { description: "YAML", content: { "application/yaml": { schema: { type: "string" } } } }, ...errors(401, 404) } },
  },
  "/rules": {
    get: {
      summary: "Prometheus rule file for all SLOs (or ?service=<slug>): Sloth-compatible recording rules, multiwindow burn-rate alerts, no-data alerts",
      parameters: [{ name: "service", in: "query", required: false, schema: { type: "string" } }],
      responses: { "200": { description: "YAML that promtool check rules accepts", content: { "application/yaml": { schema: { type: "string" } } } }, ...errors(401) },
    },
  },
  "/slos/{id}/status": {
    parameters: [idParam],
    get: {
      summary: "The SLO's numbers now: SLI, budget in events and time, consumed/remaining, burn rates, time to exhaustion, policy state",
      responses: { ...ok("Status; `problem` says why numbers are missing"), ...errors(401, 404) },
    },
  },
  "/services/{slug}/deploy-gate": {
    parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
    get: {
      summary: "Deploy gate for CI: may this service ship now? (cached 30 s)",
      responses: {
        ...ok("Decision", {
          type: "object",
          properties: { decision: { type: "string", enum: ["allow", "caution", "freeze"] }, reason: { type: "string" }, state: { type: "string" }, slos: { type: "array" } },
        }),
        ...errors(401, 404),
      },
    },
  },
};
