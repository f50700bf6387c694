import "server-only";
import { getServerSession } from "next-auth";
import { ZodError, type ZodType } from "zod";
import { AppError, isInvalidTextError, problem, validationError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { loadPrincipal, principalFromToken } from "@/lib/auth/principal";
import type { Principal } from "@/lib/auth/roles";
import { logger } from "@/lib/observability/logger";
import { recordAudit } from "@/lib/audit/record";
import { crossSiteWrite } from "./same-origin";

type Ctx<P> = { params: Promise<P> };

/** Bearer token first, else the browser session. */
export async function principalFromRequest(req: Request): Promise<Principal | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m ? principalFromToken(m[1]) : null;
  }
  if (crossSiteWrite(req)) throw new AppError("forbidden", "Cross-site request refused: send writes from Keel's own pages or with an API token.");
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadPrincipal(id) : null;
}

/** Reads and validates a JSON body: malformed JSON and invalid fields both become 400 problems. */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * A REST route: resolves the caller (401 when there is none), runs the handler and maps errors to
 * the problem body. The handler itself calls domain functions that check the role.
 */
export function apiRoute<P = Record<string, string>>(
  handler: (req: Request, principal: Principal, params: P) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    let principal: Principal | null = null;
    try {
      principal = await principalFromRequest(req);
      if (!principal) return problem("unauthorized", "Send a valid API token as 'Authorization: Bearer <token>' or sign in.");
      return await handler(req, principal, await ctx.params);
    } catch (err) {
      return errorResponse(err, req, principal);
    }
  };
}

export async function errorResponse(err: unknown, req: Request, principal: Principal | null): Promise<Response> {
  if (err instanceof AppError) {
    if (err.code === "forbidden") {
      await recordAudit({
        action: "permission.denied",
        actorId: principal?.userId,
        actorEmail: principal?.email,
        target: `${req.method} ${new URL(req.url).pathname}`,
      });
    }
    return problem(err.code, err.message, err.fields);
  }
  if (err instanceof ZodError) {
    const v = validationError(err);
    return problem(v.code, v.message, v.fields);
  }
  if (isInvalidTextError(err)) return problem("bad_request", "Some input contains characters Keel cannot store (such as a NUL byte).");
  logger().error({ err, method: req.method, url: req.url }, "unhandled API error");
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}
