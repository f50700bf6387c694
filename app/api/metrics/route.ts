import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { problem } from "@/lib/errors";

export const dynamic = "force-dynamic";

function authorized(req: Request, token: string): boolean {
  const got = Buffer.from(req.headers.get("authorization") ?? "");
  const want = Buffer.from(`Bearer ${token}`);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Keel's own metrics in Prometheus text format; protected by METRICS_TOKEN when it is set. */
export async function GET(req: Request) {
  const token = env().METRICS_TOKEN;
  if (token && !authorized(req, token)) return problem("unauthorized", "Send 'Authorization: Bearer <METRICS_TOKEN>'.");
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
}
