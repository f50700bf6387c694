import { alertmanagerPayloadSchema, MAX_ALERTS } from "@/lib/integrations/alertmanager-payload";
import { DEFAULT_SEVERITY_LABELS } from "@/lib/integrations/mapping";
import { integrationInputSchema, integrationPatchSchema, mappingRuleSchema } from "@/lib/integrations/schemas";
import { allResolvedActions } from "@/db/schema/integrations";
import { SEVERITIES } from "@/lib/incidents/severity";
import { STATUSES } from "@/lib/incidents/lifecycle";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schema: object, status = "200") => ({ [status]: { description, content: { "application/json": { schema } } } });
const time = { type: "string", format: "date-time" };
const idParam = { name: "id", in: "path", required: true, description: "The integration's uuid or name", schema: { type: "string" } };

const severityLabels = Object.entries(DEFAULT_SEVERITY_LABELS)
  .map(([label, sev]) => `${label} → ${sev}`)
  .join(", ");

const mapping =
  "Severity and services come from the alerts' labels. The integration's rules are tried in order; a rule matches when every label it names matches (a string: equal, an absent label being \"\"; `{ \"regex\" }`: the whole value matches). " +
  "The first matching rule naming a severity decides the severity, the first naming a service decides the service. Otherwise: the `severity` label " +
  `(${severityLabels}; SEV1..SEV4 accepted as they are), else the default severity; the \`service\` label, else \`job\`, as a slug. ` +
  "An incident opened for a group takes its most severe alert's severity and every service named; slugs Keel does not know are noted on the timeline. " +
  "The title is the `summary` annotation, else alertname and the group's common labels.";

const ingestion =
  "Accepts the Alertmanager webhook payload, version 4. Idempotent: the incident is keyed by the SHA-256 of `groupKey` and each alert by its `fingerprint`, so retries, `repeat_interval` re-sends and concurrent deliveries never open a second incident. " +
  "New alerts and resolutions are appended to the open incident's timeline (once each); a payload may mix firing and resolved alerts. When every alert of the incident has resolved it moves to monitoring (or resolved, per integration); an alert firing again while it is monitoring moves it back to investigating. " +
  "A group firing again after its incident was resolved or closed opens a new incident linked to the earlier one. A delivery whose alerts are all resolved and unknown opens nothing. " +
  `The raw payload is stored for audit. At most ${MAX_ALERTS} alerts per delivery and 10 MiB. A 503 (nothing stored) asks Alertmanager to retry. ${mapping}`;

const integration = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    kind: { type: "string", enum: ["alertmanager"] },
    name: { type: "string" },
    secretPrefix: { type: "string", description: "The first characters of the secret, to recognise it" },
    onAllResolved: { type: "string", enum: allResolvedActions },
    defaultSeverity: { type: "string", enum: SEVERITIES },
    rules: { type: "array", items: ref("MappingRule") },
    version: { type: "integer" },
    lastDeliveryAt: { type: ["string", "null"], format: "date-time" },
    createdAt: time,
    updatedAt: time,
  },
};

const withSecret = {
  allOf: [
    ref("Integration"),
    {
      type: "object",
      properties: {
        secret: { type: "string", description: "Shown only in this answer; Keel keeps its SHA-256" },
        webhookPath: { type: "string", examples: ["/api/v1/integrations/alertmanager/kam_…"], description: "Give Alertmanager this path on Keel's base URL" },
      },
    },
  ],
};

const result = {
  type: "object",
  properties: {
    outcome: { type: "string", enum: ["opened", "updated", "unchanged", "ignored"] },
    incident: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, ref: { type: "string" }, status: { type: "string", enum: STATUSES } } },
    previousIncident: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, ref: { type: "string" } } },
    alerts: {
      type: "object",
      description: "Alerts of the delivery by effect: new, refire (firing again), resolve, refresh (still firing), stale (an older episode)",
      properties: Object.fromEntries(["new", "refire", "resolve", "refresh", "stale"].map((k) => [k, { type: "integer" }])),
    },
    deliveryId: { type: "integer" },
  },
};

const unavailable = {
  "503": {
    description: "Keel could not store the delivery (e.g. the database is unreachable); nothing was recorded and Alertmanager should retry",
    content: { "application/json": { schema: { type: "object", properties: { error: { type: "object", properties: { code: { type: "string", enum: ["unavailable"] }, message: { type: "string" } } } } } } },
  },
};

export const incidentAlertSchema = {
  type: "object",
  properties: {
    fingerprint: { type: "string" },
    alertname: { type: "string" },
    status: { type: "string", enum: ["firing", "resolved"] },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
    startsAt: time,
    endsAt: { type: ["string", "null"], format: "date-time" },
    generatorUrl: { type: "string" },
  },
};

export const integrationSchemas = {
  Integration: integration,
  IntegrationWithSecret: withSecret,
  MappingRule: json(mappingRuleSchema),
  IntegrationInput: json(integrationInputSchema),
  IntegrationPatch: json(integrationPatchSchema),
  AlertmanagerPayload: json(alertmanagerPayloadSchema),
  AlertIngestResult: result,
  IncidentAlert: incidentAlertSchema,
};

export const integrationPaths = {
  "/integrations": {
    get: {
      summary: "List alert integrations (admin)",
      responses: { ...ok("The integrations", { type: "object", properties: { items: { type: "array", items: ref("Integration") }, nextCursor: { type: "null" } } }), ...errors(401, 403) },
    },
    post: {
      summary: `Create an Alertmanager integration (admin); the answer holds its secret URL, shown only once. ${mapping}`,
      requestBody: body("IntegrationInput"),
      responses: { ...ok("Created", ref("IntegrationWithSecret"), "201"), ...errors(400, 401, 403, 409) },
    },
  },
  "/integrations/{id}": {
    parameters: [idParam],
    get: { summary: "Get an integration (admin)", responses: { ...ok("The integration", ref("Integration")), ...errors(401, 403, 404) } },
    patch: {
      summary: "Change an integration (admin): name, onAllResolved, defaultSeverity, rules; `rotateSecret: true` issues a new secret URL (in the answer) and retires the old one; send `version` to refuse a stale change",
      requestBody: body("IntegrationPatch"),
      responses: { ...ok("Updated (with `secret` and `webhookPath` when rotated)", ref("IntegrationWithSecret")), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete an integration (admin); its URL stops working, its incidents and stored deliveries stay", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/integrations/alertmanager": {
    post: {
      summary: `Alertmanager webhook with an API token (responder or admin). \`?integration=<id or name>\` applies that integration's settings; without it, Keel's defaults (monitoring when all resolved, SEV3, no rules). ${ingestion}`,
      parameters: [{ name: "integration", in: "query", required: false, description: "An integration's id or name", schema: { type: "string" } }],
      requestBody: body("AlertmanagerPayload"),
      responses: { ...ok("Stored", ref("AlertIngestResult")), ...errors(400, 401, 403), ...unavailable },
    },
  },
  "/integrations/alertmanager/{secret}": {
    parameters: [{ name: "secret", in: "path", required: true, description: "The integration's secret, as issued on creation or rotation", schema: { type: "string" } }],
    post: {
      summary: `Alertmanager webhook at an integration's secret URL (no token). ${ingestion}`,
      security: [],
      requestBody: body("AlertmanagerPayload"),
      responses: { ...ok("Stored", ref("AlertIngestResult")), ...errors(400, 401), ...unavailable },
    },
  },
};
