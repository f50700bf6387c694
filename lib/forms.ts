import "server-only";
import { ZodError } from "zod";
import { AppError, fieldErrorsOf, isInvalidTextError, type FieldErrors } from "@/lib/errors";
import { currentPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { logger } from "@/lib/observability/logger";

/** What a form action returns: the outcome, field errors, and the values typed (so none are lost). */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** Anything the page shows once, e.g. a new API token. */
  secret?: string;
};

export const initialFormState: FormState = {};

const SECRET_FIELDS = new Set(["password", "token"]);
export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name) || name.startsWith("headerValue");
}

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  // Secrets (passwords, tokens, header values) are never sent back to the browser.
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && !isSecretField(k)) out[k] = v;
  return out;
}

/**
 * Runs a form action: resolves the caller, runs `fn`, and turns expected failures into a FormState
 * (with the typed values). The role check is inside the domain functions `fn` calls.
 */
export async function runFormAction(form: FormData, fn: (actor: Principal) => Promise<FormState | void>): Promise<FormState> {
  const values = formValues(form);
  const actor = await currentPrincipal();
  try {
    if (!actor) throw new AppError("unauthorized", "Your session has ended. Sign in again; your input is kept below.");
    return { ok: true, ...((await fn(actor)) ?? {}) };
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "forbidden") await recordAudit({ action: "permission.denied", actorId: actor?.userId, actorEmail: actor?.email, target: "server action" });
      return { ok: false, message: err.message, fieldErrors: err.fields, values };
    }
    if (err instanceof ZodError) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrorsOf(err), values };
    if (isInvalidTextError(err)) return { ok: false, message: "Some input contains characters Keel cannot store (such as a NUL byte).", values };
    // redirect() and notFound() signal by throwing; let them through.
    if (err && typeof err === "object" && "digest" in err) throw err;
    logger().error({ err }, "form action failed");
    return { ok: false, message: "Something went wrong on our side; your input is kept. Try again.", values };
  }
}
