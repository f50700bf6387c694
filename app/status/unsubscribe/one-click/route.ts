import { unsubscribe } from "@/lib/status-page/subscriptions";

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the URL in the
 * email's List-Unsubscribe header; the token is in its query string.
 */
export async function POST(req: Request): Promise<Response> {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const outcome = await unsubscribe(token);
  return new Response(outcome === "unsubscribed" ? "Unsubscribed.\n" : "This unsubscribe link does not work.\n", {
    status: outcome === "unsubscribed" ? 200 : 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
