import { env } from "@/lib/env";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from Keel's own pages. Browsers send `Origin` on every
 * cross-origin write (and `Sec-Fetch-Site`), so a mismatch is a forged request from another site,
 * including a sibling subdomain that SameSite=Lax would let through. Clients without those headers
 * (curl with a cookie) are not browsers and cannot be tricked into sending one.
 */
export function crossSiteWrite(req: Request): boolean {
  if (SAFE.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (origin) {
    const allowed = new Set([new URL(req.url).origin]);
    const publicUrl = env().NEXTAUTH_URL;
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
    return !allowed.has(origin);
  }
  const site = req.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}
