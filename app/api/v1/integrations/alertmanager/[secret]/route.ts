import { receiveWithSecret } from "@/lib/integrations/webhook";

export const dynamic = "force-dynamic";

/** Alertmanager webhook (payload version 4) at an integration's secret URL; no token needed. */
export async function POST(req: Request, ctx: { params: Promise<{ secret: string }> }) {
  return receiveWithSecret(req, (await ctx.params).secret);
}
