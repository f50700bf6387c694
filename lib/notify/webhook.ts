import "server-only";
import { signBody } from "./signature";
import { oneLine, type SendResult } from "./send-result";

export const WEBHOOK_TIMEOUT_MS = 10_000;

function reason(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

/**
 * POSTs the body to the webhook, signed with the channel secret. A 2xx answer is success; any other
 * answer (redirects included), a network error or no answer within the time-out is a failure.
 */
export async function postWebhook(url: string, secret: string, body: string, meta: { event: string; deliveryId: number }, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Keel-Webhook/1",
        "X-Keel-Signature": signBody(secret, body),
        "X-Keel-Event": meta.event,
        "X-Keel-Delivery": String(meta.deliveryId),
      },
      body,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as { name?: string };
    if (e?.name === "TimeoutError" || e?.name === "AbortError") return { ok: false, error: `No answer within ${timeoutMs / 1000} s.` };
    return { ok: false, error: `Could not reach the webhook: ${oneLine(reason(err))}` };
  }
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel().catch(() => {});
    return { ok: true };
  }
  const text = await res.text().catch(() => "");
  return { ok: false, error: `HTTP ${res.status}${text ? `: ${oneLine(text, 200)}` : ""}` };
}
