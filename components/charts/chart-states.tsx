import type { ReactNode } from "react";

/** Loading placeholder with the chart's height, so the page does not jump when data arrives. */
export function ChartSkeleton({ height = 240, label = "Loading chart…" }: { height?: number; label?: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="flex flex-col gap-2" style={{ height }}>
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="flex-1 animate-pulse rounded-md bg-raised" />
      <div aria-hidden="true" className="flex gap-3">
        <div className="h-3 w-24 animate-pulse rounded bg-raised" />
        <div className="h-3 w-16 animate-pulse rounded bg-raised" />
      </div>
    </div>
  );
}

export function ChartEmpty({
  height = 240,
  title = "No data in this range",
  hint = "Try a longer time range, or check the query and its label filters.",
}: {
  height?: number;
  title?: string;
  hint?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-md border border-dashed border-line p-4 text-center" style={{ height }}>
      <p className="font-medium">{title}</p>
      {hint && <div className="mt-1 max-w-md text-sm text-muted">{hint}</div>}
    </div>
  );
}

export type ChartErrorInfo = {
  message: string;
  status?: number;
  errorType?: string;
  position?: { line: number; column: number };
};

const titles: Record<string, string> = {
  bad_data: "The query is not valid",
  timeout: "The query timed out",
  unavailable: "Prometheus is unavailable",
  not_found: "Data source not found",
  unauthorized: "You are signed out",
  forbidden: "You may not query this data source",
  network: "Could not reach Keel",
};

/** The query line with a caret under the error column (1-based line and column). */
function Caret({ query, line, column }: { query: string; line: number; column: number }) {
  const text = query.split("\n")[line - 1];
  if (text === undefined) return null;
  return (
    <pre aria-hidden="true" className="mt-2 overflow-x-auto rounded bg-raised p-2 text-left font-mono text-xs">
      {text}
      {"\n"}
      {" ".repeat(Math.max(0, column - 1))}^
    </pre>
  );
}

/** The proxy's message (and position for bad queries), with a Retry button when `onRetry` is given. */
export function ChartError({
  error,
  onRetry,
  query,
  height = 240,
  retrying = false,
}: {
  error: ChartErrorInfo;
  onRetry?: () => void;
  query?: string;
  height?: number;
  retrying?: boolean;
}) {
  const title = (error.errorType && titles[error.errorType]) || "The chart could not be loaded";
  const pos = error.position;
  return (
    <div role="alert" className="flex flex-col items-center justify-center overflow-auto rounded-md border border-danger p-4 text-center" style={{ minHeight: height }}>
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-1 max-w-xl text-sm break-words">{error.message}</p>
      {pos && (
        <p className="mt-1 text-xs text-muted">
          At line {pos.line}, column {pos.column}
        </p>
      )}
      {pos && query && <Caret query={query} line={pos.line} column={pos.column} />}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-3 inline-flex items-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium hover:bg-raised disabled:opacity-50"
        >
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}
