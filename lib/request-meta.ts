import { headers } from "next/headers";

export type RequestMeta = { requestId?: string; ip?: string };

/** Request id and client address set by Keel's server; empty outside a request (CLI, tests). */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return { requestId: h.get("x-request-id") ?? undefined, ip: h.get("x-keel-client-ip") ?? undefined };
  } catch {
    return {};
  }
}
