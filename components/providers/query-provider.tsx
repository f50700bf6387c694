"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * Client errors (4xx) will not fix themselves, and a query that hit the proxy's time-out would only
 * hold the user (and Prometheus) up for another full time-out; other server and network errors
 * get at most 2 retries.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const e = error as { status?: unknown; errorType?: unknown } | null;
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) return false;
  if (e?.status === 504 || e?.errorType === "timeout") return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

/** One QueryClient per browser session (created once per mount of the signed-in shell). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
