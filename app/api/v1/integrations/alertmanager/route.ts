import { receiveWithToken } from "@/lib/integrations/webhook";

export const dynamic = "force-dynamic";

/** Alertmanager webhook (payload version 4) with a bearer API token (responder); ?integration=<id or name> applies its settings. */
export const POST = (req: Request) => receiveWithToken(req);
