import { notificationEvents } from "@/db/schema/notifications";
import { SEVERITIES } from "@/lib/incidents/severity";
import { STATUSES } from "@/lib/incidents/lifecycle";
import { channelInputSchema, channelPatchSchema } from "@/lib/notify/schemas";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/notify/backoff";
import { jsonSchema as json, problemResponses as errors } from "./openapi-helpers";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schema: object, status = "200") => ({ [status]: { description, content: { "application/json": { schema } } } });
const time = { type: "string", format: "date-time" };
const idParam = { name: "id", in: "path", required: true, description: "The channel's uuid", schema: { type: "string", format: "uuid" } };
const slugName = { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } };
const delays = RETRY_DELAYS_MS.map((ms) => (ms < 3_600_000 ? (ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`) : `${ms / 3_600_000} h`)).join(", ");

const delivery =
  "Webhooks get `POST` with this JSON body and the headers `X-Keel-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the channel secret>`, " +
  "`X-Keel-Event` (the event) and `X-Keel-Delivery` (the delivery id, the same on retries). A 2xx answer within 10 s is success; anything else is retried after " +
  `${delays}, and the delivery fails after ${MAX_ATTEMPTS} attempts. Email channels get a subject and plain-text body with the incident link.`;

const payload = {
  type: "object",
  description: `What Keel sends for incident news. ${delivery}`,
  required: ["event", "incident", "at", "text"],
  properties: {
    event: { type: "string", enum: [...notificationEvents, "test"] },
    incident: {
      type: ["object", "null"],
      description: "null only for a test message",
      required: ["id", "ref", "title", "severity", "status", "services", "url", "customerFacing", "commander"],
      properties: {
        id: { type: "string", format: "uuid" },
        ref: { type: "string", examples: ["INC-42"] },
        title: { type: "string" },
        severity: { type: "string", enum: SEVERITIES },
        status: { type: "string", enum: STATUSES },
        services: { type: "array", items: slugName },
        url: { type: "string", format: "uri", description: "The incident's page in Keel" },
        customerFacing: { type: "boolean" },
        commander: { type: ["object", "null"], properties: { name: { type: "string" }, email: { type: "string" } } },
      },
    },
    change: { type: "object", description: "severity_changed, status_changed, resolved: the value before and after", properties: { from: { type: "string" }, to: { type: "string" } } },
    at: { ...time, description: "When the change happened" },
    text: { type: "string", description: "A Slack-compatible one-liner (mrkdwn, &<> escaped)", examples: [":rotating_light: INC-42 SEV2 declared: Checkout 503s (checkout-api) <https://keel.example/incidents/INC-42|open>"] },
  },
};

const channel = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    kind: { type: "string", enum: ["webhook", "email"] },
    name: { type: "string" },
    scope: {
      type: "object",
      description: "all: every incident; service: incidents affecting it; team: incidents affecting its services",
      properties: { type: { type: "string", enum: ["all", "service", "team"] }, slug: { type: "string" }, name: { type: "string" } },
    },
    url: { type: ["string", "null"], description: "Webhook URL; a password in it is masked" },
    emails: { type: "array", items: { type: "string" } },
    events: { type: "array", items: { type: "string", enum: notificationEvents } },
    enabled: { type: "boolean" },
    hasSecret: { type: "boolean", description: "The signing secret is never returned after it is created or rotated" },
    version: { type: "integer" },
    createdAt: time,
    updatedAt: time,
  },
};

const withSecret = { allOf: [ref("NotificationChannel"), { type: "object", properties: { secret: { type: "string", description: "The webhook signing secret, in this answer only" } } }] };

const deliveryDto = {
  type: "object",
  properties: {
    id: { type: "integer" },
    event: { type: "string" },
    incident: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, ref: { type: "string" } } },
    status: { type: "string", enum: ["pending", "sent", "failed"] },
    attempts: { type: "integer" },
    nextAttemptAt: { type: ["string", "null"], format: "date-time" },
    lastError: { type: ["string", "null"] },
    createdAt: time,
    sentAt: { type: ["string", "null"], format: "date-time" },
  },
};

export const notificationSchemas = {
  NotificationPayload: payload,
  NotificationChannel: channel,
  NotificationChannelInput: json(channelInputSchema),
  NotificationChannelPatch: json(channelPatchSchema),
  NotificationDelivery: deliveryDto,
};

export const notificationPaths = {
  "/notification-channels": {
    get: { summary: "List notification channels (admin)", responses: { ...ok("All channels", { type: "object", properties: { items: { type: "array", items: ref("NotificationChannel") } } }), ...errors(401, 403) } },
    post: {
      summary: "Add a notification channel (admin): a webhook URL or email recipients, for a service, a team or every incident",
      description: `Incident events (declared, severity changed, status changed, resolved) queue one delivery per matching enabled channel. ${delivery}`,
      requestBody: body("NotificationChannelInput"),
      responses: { ...ok("Created; a webhook's `secret` is shown this once", withSecret, "201"), ...errors(400, 401, 403) },
    },
  },
  "/notification-channels/{id}": {
    parameters: [idParam],
    get: { summary: "Get a notification channel (admin)", responses: { ...ok("The channel", ref("NotificationChannel")), ...errors(401, 403, 404) } },
    patch: {
      summary: "Change a channel (admin); `service`/`team` replace the scope, `rotateSecret` returns a new secret once, a stale `version` is refused",
      requestBody: body("NotificationChannelPatch"),
      responses: { ...ok("Updated", withSecret), ...errors(400, 401, 403, 404, 409) },
    },
    delete: { summary: "Delete a channel and its delivery log (admin)", responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) } },
  },
  "/notification-channels/{id}/deliveries": {
    parameters: [idParam],
    get: {
      summary: "The channel's delivery log, newest first (admin)",
      parameters: [
        { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        { name: "before", in: "query", required: false, description: "Only deliveries older than this id (the previous page's `nextBefore`)", schema: { type: "integer" } },
      ],
      responses: { ...ok("A page of deliveries", { type: "object", properties: { items: { type: "array", items: ref("NotificationDelivery") }, nextBefore: { type: ["integer", "null"] } } }), ...errors(400, 401, 403, 404) },
    },
  },
  "/notification-channels/{id}/test": {
    parameters: [idParam],
    post: {
      summary: "Send a test message now (admin); it is logged as a delivery with event `test` and not retried",
      responses: { ...ok("Whether the channel accepted it", { type: "object", properties: { ok: { type: "boolean" }, deliveryId: { type: "integer" }, error: { type: ["string", "null"] } } }), ...errors(401, 403, 404) },
    },
  },
};
