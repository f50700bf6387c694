import { capacityInputSchema, capacityPatchSchema } from "@/lib/capacity/schemas";
import { CAPACITY_TEMPLATES } from "@/lib/capacity/templates";
import { MODEL_IDS } from "@/lib/capacity/models";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

/*
 * Capacity resources and their forecasts. The schemas sit inline in the paths, so this fragment is
 * wired into the document by its paths alone.
 */

const time = { type: "string", format: "date-time" };
const maybeTime = { type: ["string", "null"], format: "date-time" };
const maybeNumber = { type: ["number", "null"] };
const idParam = { name: "id", in: "path", required: true, description: "The resource's uuid", schema: { type: "string", format: "uuid" } };
const horizonParam = { name: "horizon", in: "query", required: false, description: "How far ahead to forecast: 7d, 30d, 12w … (1d to 365d; default 30d)", schema: { type: "string", pattern: "^\\d+[hdw]$" } };
const model = { type: ["string", "null"], enum: [...MODEL_IDS, null] };

const resource = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    service: { type: "string", description: "The service's slug" },
    serviceName: { type: "string" },
    datasourceId: { type: ["string", "null"], format: "uuid", description: "null: the default data source" },
    datasourceName: { type: ["string", "null"] },
    usageQuery: { type: "string" },
    limit: { ...maybeNumber, description: "A constant limit; null when limitQuery gives it" },
    limitQuery: { type: ["string", "null"] },
    unit: { type: "string" },
    warningLevel: { type: "number", description: "Share of the limit (0.01–0.99) that counts as the warning level" },
    lookbackDays: { type: "integer" },
    resolutionSeconds: { type: "integer" },
    template: { type: ["string", "null"], enum: [...CAPACITY_TEMPLATES.map((t) => t.id), null] },
    version: { type: "integer" },
    createdAt: time,
    updatedAt: time,
  },
};

const datesNote = "`…At` is the median date; `…AtLower` the earliest of its 80 % range (usage at the upper band), `…AtUpper` the latest (lower band). null: not within the horizon.";
const dates = {
  warningAt: maybeTime,
  warningAtLower: maybeTime,
  warningAtUpper: maybeTime,
  limitAt: maybeTime,
  limitAtLower: maybeTime,
  limitAtUpper: maybeTime,
};

const summary = {
  type: "object",
  description: datesNote,
  properties: {
    ...resource.properties,
    status: { type: "string", enum: ["critical", "warning", "watch", "ok", "unknown"], description: "unknown: no forecast (see problem)" },
    utilisation: { ...maybeNumber, description: "Usage now ÷ limit now" },
    usage: maybeNumber,
    currentLimit: maybeNumber,
    ...dates,
    model,
    mape: { ...maybeNumber, description: "The chosen model's backtest MAPE, percent" },
    recommendation: { type: ["string", "null"] },
    problem: { type: ["string", "null"], description: "Why there is no forecast" },
  },
};

const crossing = {
  type: "object",
  properties: { level: { type: "number" }, reachedNow: { type: "boolean" }, median: maybeTime, earliest80: maybeTime, latest80: maybeTime, earliest95: maybeTime, latest95: maybeTime },
};

const candidate = {
  type: "object",
  properties: {
    model: { type: "string", enum: MODEL_IDS },
    origins: { type: "integer" },
    points: { type: "integer" },
    horizonMs: { type: "integer" },
    mape: { ...maybeNumber, description: "Percent" },
    wape: { ...maybeNumber, description: "Percent" },
    coverage80: { ...maybeNumber, description: "Share of held-out points inside the 80 % band" },
    coverage95: maybeNumber,
  },
};

const forecast = {
  type: "object",
  description: datesNote,
  properties: {
    resource: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, service: { type: "string" }, unit: { type: "string" }, version: { type: "integer" } } },
    generatedAt: time,
    horizon: { type: "string" },
    warningLevel: { type: "number" },
    usage: { type: "object", properties: { at: time, value: { type: "number" } } },
    limit: { type: "object", properties: { value: { type: "number" }, changes: { type: "array", items: { type: "object", properties: { at: time, from: { type: "number" }, to: { type: "number" } } } } } },
    utilisation: { type: "number" },
    headroom: { type: "object", properties: { absolute: { type: "number" }, ratio: { type: "number" } } },
    growthPerMonth: { type: "object", properties: { absolute: { type: "number" }, ofLimit: { type: "number" } } },
    ...dates,
    crossings: { type: "object", properties: { warning: crossing, limit: crossing } },
    model: { type: "object", properties: { id: { type: "string", enum: MODEL_IDS }, label: { type: "string" }, params: { type: "object", additionalProperties: { type: "number" } } } },
    backtest: {
      type: "object",
      properties: {
        chosen: { type: "string", enum: MODEL_IDS },
        horizonMs: { type: "integer" },
        candidates: { type: "array", items: candidate },
        skipped: { type: "array", items: { type: "object", properties: { model: { type: "string" }, reason: { type: "string" } } } },
      },
    },
    recommendation: { type: "object", properties: { severity: { type: "string", enum: ["critical", "warning", "watch", "ok"] }, text: { type: "string" } } },
    notes: { type: "array", items: { type: "string" }, description: "What was done with the data: gaps, resets, spikes, limit changes, the model choice" },
    series: {
      type: "object",
      properties: {
        history: { type: "array", items: { type: "object", properties: { t: time, value: maybeNumber } }, description: "Means at the model step; null where there was no data" },
        forecast: { type: "array", items: { type: "object", properties: { t: time, median: { type: "number" }, lower80: { type: "number" }, upper80: { type: "number" }, lower95: { type: "number" }, upper95: { type: "number" } } } },
      },
    },
  },
};

const json200 = (description: string, schema: object, status = "200") => ({ [status]: { description, content: { "application/json": { schema } } } });
const body = (schema: object) => ({ required: true, content: { "application/json": { schema } } });

export const capacityPaths = {
  "/capacity": {
    get: {
      summary: "Every capacity resource, most urgent first, with utilisation now and when it reaches its warning level and limit",
      parameters: [{ name: "service", in: "query", required: false, description: "A service's slug", schema: { type: "string" } }, horizonParam],
      responses: { ...json200("The resources", { type: "object", properties: { items: { type: "array", items: summary } } }), ...errors(400, 401) },
    },
    post: {
      summary: "Create a capacity resource (admin). Give `limit` (a positive number) or `limitQuery`. Both queries are run once: each must return exactly one series, a limit query a positive value.",
      requestBody: body(json(capacityInputSchema)),
      responses: { ...json200("Created", resource, "201"), ...errors(400, 401, 403, 409, 502, 504) },
    },
  },
  "/capacity/{id}": {
    parameters: [idParam],
    get: { summary: "A capacity resource", responses: { ...json200("The resource", resource), ...errors(401, 404) } },
    patch: {
      summary: "Change a capacity resource (admin). Setting `limit` drops the limit query and the other way round; changed queries are checked again. Send `version` to refuse the change if someone else saved first.",
      requestBody: body(json(capacityPatchSchema)),
      responses: { ...json200("Saved", resource), ...errors(400, 401, 403, 404, 409, 502, 504) },
    },
    delete: { summary: "Delete a capacity resource (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/capacity/{id}/forecast": {
    parameters: [idParam],
    get: {
      summary: "The forecast: dates of the warning level and the limit with 80 % bounds, the chosen model and its backtest, notes, and the series for a chart. 422 when the history cannot be forecast (no data, too little history), 502 when Prometheus could not answer.",
      parameters: [horizonParam],
      responses: { ...json200("The forecast", forecast), ...errors(400, 401, 404, 422, 502) },
    },
  },
  "/capacity/report": {
    get: {
      summary: "The capacity report of every resource, most urgent first, and of Keel's own database (on PostgreSQL), as Markdown",
      parameters: [horizonParam],
      responses: { "200": { description: "The report", content: { "text/markdown": { schema: { type: "string" } } } }, ...errors(400, 401) },
    },
  },
};
