import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";
import { datasourceInputSchema, datasourcePatchSchema } from "@/lib/datasources/schemas";

const datasource = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    kind: { type: "string", enum: ["prometheus", "thanos", "mimir", "victoriametrics"] },
    url: { type: "string" },
    auth: {
      type: "object",
      description: "Secrets are never returned: only whether one is stored.",
      properties: { type: { type: "string", enum: ["none", "basic", "bearer"] }, username: { type: "string" }, hasPassword: { type: "boolean" }, hasToken: { type: "boolean" } },
    },
    headers: { type: "array", items: { type: "string" }, description: "Names of the extra headers; values are never returned." },
    timeoutSeconds: { type: "integer" },
    scrapeIntervalSeconds: { type: "integer" },
    isDefault: { type: "boolean" },
    fromEnv: { type: "boolean" },
    version: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const promAnswer = {
  type: "object",
  description: "The Prometheus HTTP API response: { status, data, warnings? } or { status: 'error', errorType, error, position? }.",
  properties: { status: { type: "string", enum: ["success", "error"] }, data: {}, warnings: { type: "array", items: { type: "string" } }, errorType: { type: "string" }, error: { type: "string" } },
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Data source id, or `default`." };
const q = (name: string, description: string, required = false) => ({ name, in: "query", required, schema: { type: "string" }, description });

const promResponses = {
  "200": { description: "Prometheus answer", content: { "application/json": { schema: { $ref: "#/components/schemas/PrometheusAnswer" } } } },
  "400": { description: "Bad PromQL or parameters (Prometheus error shape, with `position` for parse errors)" },
  "401": { description: "No valid token or session" },
  "404": { description: "No such data source" },
  "502": { description: "Data source unreachable, refused Keel's credentials, or failed" },
  "504": { description: "Data source did not answer within its time-out" },
};

const proxyPath = (summary: string, parameters: object[]) => ({ parameters: [idParam], get: { summary, parameters, responses: promResponses }, post: { summary: `${summary} (form-encoded body)`, responses: promResponses } });

export const datasourceSchemas = {
  Datasource: datasource,
  DatasourceInput: json(datasourceInputSchema),
  DatasourcePatch: json(datasourcePatchSchema),
  PrometheusAnswer: promAnswer,
};

export const datasourcePaths = {
  "/datasources": {
    get: { summary: "List data sources", responses: { "200": { description: "All data sources", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Datasource" } } } } } } }, ...errors(401) } },
    post: {
      summary: "Add a data source (admin)",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DatasourceInput" } } } },
      responses: { "201": { description: "Created; secrets are not echoed", content: { "application/json": { schema: { $ref: "#/components/schemas/Datasource" } } } }, ...errors(400, 401, 403, 409) },
    },
  },
  "/datasources/{id}": {
    parameters: [idParam],
    get: { summary: "Get a data source", responses: { "200": { description: "The data source", content: { "application/json": { schema: { $ref: "#/components/schemas/Datasource" } } } }, ...errors(401, 404) } },
    patch: {
      summary: "Update a data source (admin); omitted secrets and null header values keep the stored ones",
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DatasourcePatch" } } } },
      responses: { "200": { description: "Updated", content: { "application/json": { schema: { $ref: "#/components/schemas/Datasource" } } } }, ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete a data source (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/datasources/{id}/test": {
    parameters: [idParam],
    post: {
      summary: "Test the connection (admin): asks /api/v1/status/buildinfo",
      responses: {
        "200": { description: "{ ok, version?, problem?, message, latencyMs }; problem is unreachable, timeout, upstream_auth or upstream_error" },
        ...errors(401, 403, 404),
      },
    },
  },
  "/datasources/{id}/query": proxyPath("Instant query", [q("query", "PromQL", true), q("time", "RFC 3339 or Unix seconds; default now")]),
  "/datasources/{id}/query_range": proxyPath("Range query; start/end are aligned to the step", [
    q("query", "PromQL", true),
    q("start", "RFC 3339 or Unix seconds", true),
    q("end", "RFC 3339 or Unix seconds", true),
    q("step", "Seconds or duration; if absent, chosen from width"),
    q("width", "Chart width in pixels: about one point per 2 px, at least the scrape interval, at most 11,000 points"),
    q("maxPoints", "Downsample each series to at most this many points (LTTB)"),
  ]),
  "/datasources/{id}/labels": proxyPath("Label names", [q("match[]", "Series selector"), q("start", ""), q("end", "")]),
  "/datasources/{id}/label/{name}/values": {
    ...proxyPath("Values of one label", [q("match[]", "Series selector"), q("start", ""), q("end", "")]),
    parameters: [idParam, { name: "name", in: "path", required: true, schema: { type: "string" } }],
  },
  "/datasources/{id}/series": proxyPath("Series matching selectors", [q("match[]", "Series selector", true), q("start", ""), q("end", "")]),
  "/datasources/{id}/metadata": proxyPath("Metric metadata", [q("metric", "Metric name"), q("limit", "")]),
};
