/** Query parameters of the on-call REST API: instants as ISO 8601 date-times with a zone. Pure. */
import { AppError } from "@/lib/errors";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant in `name`, `fallback` when absent; a 400 naming the field when it is not an ISO date-time with a zone. */
export function instantParam(url: URL, name: string, fallback?: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") {
    if (fallback !== undefined) return fallback;
    throw new AppError("bad_request", "Some fields are invalid.", { [name]: [`Give ${name}, an ISO 8601 date-time with a zone (e.g. 2026-03-03T14:00:00Z).`] });
  }
  const ms = ISO.test(raw.trim()) ? Date.parse(raw.trim()) : NaN;
  if (!Number.isFinite(ms)) throw new AppError("bad_request", "Some fields are invalid.", { [name]: [`"${raw}" is not an ISO 8601 date-time with a zone (e.g. 2026-03-03T14:00:00Z).`] });
  return ms;
}
