import { env } from "@/lib/env";

/**
 * Keel's public address for links that leave the request (emails, the Atom feed): NEXTAUTH_URL,
 * never the request's Host header, which a client chooses.
 */
export function publicBaseUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
