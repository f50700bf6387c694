/**
 * The client's address. With `hops` trusted reverse proxies in front of Keel, it is the entry of
 * X-Forwarded-For that the outermost trusted proxy added; entries further left are client-supplied.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const socket = (socketAddress ?? "").replace(/^::ffff:/, "");
  if (hops <= 0 || !forwardedFor) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = chain[chain.length - hops];
  return (picked ?? chain[0] ?? socket).replace(/^::ffff:/, "");
}
