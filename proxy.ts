import { NextResponse, type NextRequest } from "next/server";

// Sends visitors without a session cookie to sign in. This is a convenience, not the guard:
// every page, action and API route checks the caller itself.
const publicPrefixes = ["/login", "/status", "/api/", "/_next/", "/favicon"];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (publicPrefixes.some((p) => pathname.startsWith(p))) return NextResponse.next();
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
