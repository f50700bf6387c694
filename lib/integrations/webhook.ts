import "server-only";
import { ZodError } from "zod";
import { AppError, isInvalidTextError, problem } from "@/lib/errors";
import { errorResponse, principalFromRequest } from "@/lib/api/handler";
import type { Principal } from "@/lib/auth/roles";
import { logger } from "@/lib/observability/logger";
import { ingestAlertmanager } from "./ingest";
import { sourceForPrincipal, sourceForSecret, type IngestSource } from "./source";

/**
 * The HTTP side of alert ingestion. Answers 200 only once the delivery is stored; a bad payload is
 * a 400 with the reason (Alertmanager does not retry 4xx); anything unexpected, such as the
 * database being unreachable, is a 503 so that Alertmanager retries. Never a 500, and the request
 * URL (which may hold an integration secret) is never logged.
 */

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const ROUTE = "/api/v1/integrations/alertmanager";

function unavailable(err: unknown): Response {
  logger().error({ err, route: ROUTE }, "alert ingestion failed; answered 503 so Alertmanager retries");
  return Response.json(
    { error: { code: "unavailable", message: "Keel could not store the alerts right now; nothing was recorded. Retry later." } },
    { status: 503, headers: { "Retry-After": "10" } },
  );
}

function refused(err: AppError, source: IngestSource | null, bytes: number): void {
  if (err.code !== "bad_request") return;
  logger().warn({ route: ROUTE, via: source?.label, reason: err.message, fields: err.fields, bytes }, "alertmanager webhook refused");
}

async function readBody(req: Request): Promise<{ body: unknown; bytes: number }> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("bad_request", `The payload is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; set max_alerts on the webhook receiver.`);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("bad_request", `The payload is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; set max_alerts on the webhook receiver.`);
  try {
    return { body: JSON.parse(text) as unknown, bytes: text.length };
  } catch (e) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(e as Error).message}`);
  }
}

async function receive(req: Request, unknownCaller: string, resolve: () => Promise<{ source: IngestSource | null; principal: Principal | null }>): Promise<Response> {
  let source: IngestSource | null = null;
  let principal: Principal | null = null;
  let bytes = 0;
  try {
    ({ source, principal } = await resolve());
    if (!source) return problem("unauthorized", unknownCaller);
    const read = await readBody(req);
    bytes = read.bytes;
    const result = await ingestAlertmanager(source, read.body);
    logger().info({ route: ROUTE, via: source.label, outcome: result.outcome, incident: result.incident?.ref, alerts: result.alerts, deliveryId: result.deliveryId }, "alertmanager webhook stored");
    return Response.json(result);
  } catch (err) {
    if (err instanceof AppError) {
      refused(err, source, bytes);
      return errorResponse(err, req, principal);
    }
    if (err instanceof ZodError || isInvalidTextError(err)) {
      logger().warn({ route: ROUTE, via: source?.label, err, bytes }, "alertmanager webhook refused");
      return errorResponse(err, req, principal);
    }
    return unavailable(err);
  }
}

/** POST /api/v1/integrations/alertmanager with a bearer API token; `?integration=<id or name>` picks an integration's settings. */
export function receiveWithToken(req: Request): Promise<Response> {
  return receive(req, "Send an API token (responder or admin) as 'Authorization: Bearer <token>', or post to an integration's secret URL.", async () => {
    if (!req.headers.get("authorization")) return { source: null, principal: null };
    const principal = await principalFromRequest(req);
    if (!principal) return { source: null, principal };
    return { source: await sourceForPrincipal(principal, new URL(req.url).searchParams.get("integration")), principal };
  });
}

/** POST /api/v1/integrations/alertmanager/<secret>: the integration named by its secret URL. */
export function receiveWithSecret(req: Request, secret: string): Promise<Response> {
  return receive(req, "This integration URL is not valid (deleted, or its secret was rotated).", async () => ({ source: await sourceForSecret(secret), principal: null }));
}
