/**
 * Proxy failures, shaped like Prometheus's own error answers so Prometheus clients understand them:
 * `{ status: "error", errorType, error, position? }` with the HTTP status of the failure.
 */
export type ErrorClass = "bad_query" | "timeout" | "unreachable" | "upstream_auth" | "upstream_error" | "canceled" | "not_found";

const STATUS: Record<ErrorClass, number> = {
  bad_query: 400,
  not_found: 404,
  timeout: 504,
  unreachable: 502,
  upstream_auth: 502,
  upstream_error: 502,
  canceled: 499,
};

const ERROR_TYPE: Record<ErrorClass, string> = {
  bad_query: "bad_data",
  not_found: "not_found",
  timeout: "timeout",
  unreachable: "unavailable",
  upstream_auth: "unavailable",
  upstream_error: "internal",
  canceled: "canceled",
};

export type ErrorPosition = { line: number; column: number };

export class PromProxyError extends Error {
  constructor(
    readonly klass: ErrorClass,
    message: string,
    readonly position?: ErrorPosition,
    /** Upstream's own status when it answered 4xx with a Prometheus error (400 bad_data, 422 execution). */
    readonly upstreamStatus?: number,
    readonly upstreamErrorType?: string,
  ) {
    super(message);
    this.name = "PromProxyError";
  }
  get status(): number {
    if (this.klass === "bad_query" && this.upstreamStatus === 422) return 422;
    return STATUS[this.klass];
  }
  get errorType(): string {
    return this.upstreamErrorType && this.klass === "bad_query" ? this.upstreamErrorType : ERROR_TYPE[this.klass];
  }
  toBody() {
    return { status: "error" as const, errorType: this.errorType, error: this.message, ...(this.position ? { position: this.position } : {}) };
  }
}

/**
 * Where a PromQL parse error points. Prometheus writes "1:5: parse error: …" (2.x) or
 * "parse error at char 5: …" (old) or "invalid parameter \"query\": 1:5: parse error…".
 */
export function parseErrorPosition(message: string): ErrorPosition | undefined {
  const lineCol = /(?:^|\s|")(\d+):(\d+)(?::\d+)?: parse error/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const char = /parse error at char (\d+)/.exec(message);
  if (char) return { line: 1, column: Number(char[1]) };
  return undefined;
}

/** Names the network failure behind a fetch error: DNS, refused, TLS, reset, timeout. */
export function describeNetworkError(err: unknown): { klass: ErrorClass; reason: string } {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === "TimeoutError") return { klass: "timeout", reason: "timed out" };
  if (e?.name === "AbortError") return { klass: "canceled", reason: "canceled" };
  const code = e?.cause?.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { klass: "unreachable", reason: "DNS lookup failed (host not found)" };
  if (code === "ECONNREFUSED") return { klass: "unreachable", reason: "connection refused" };
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return { klass: "unreachable", reason: "connection reset" };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { klass: "unreachable", reason: "host unreachable" };
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT") return { klass: "timeout", reason: "connection timed out" };
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code) || /certificate|SSL|TLS/i.test(e?.cause?.message ?? "")) {
    return { klass: "unreachable", reason: `TLS error (${e?.cause?.message ?? code})` };
  }
  return { klass: "unreachable", reason: e?.cause?.message ?? e?.message ?? "network error" };
}
