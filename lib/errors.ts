import { ZodError } from "zod";

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  bad_gateway: 502,
  gateway_timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

/** An expected failure: it maps to an HTTP status and a message safe to show the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(error: ZodError): AppError {
  return new AppError("bad_request", "Some fields are invalid.", fieldErrorsOf(error));
}

/** Problem body of the REST API: { error: { code, message, fields? } }. */
export function problem(code: ErrorCode, message: string, fields?: FieldErrors): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: errorStatus[code] });
}

/** PostgreSQL refused the text itself (NUL byte, bad encoding, malformed value): the input's fault, a 400. */
export function isInvalidTextError(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return code === "22021" || code === "22P05" || code === "22P02";
}

/** PostgreSQL refused a duplicate key (unique constraint). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
