import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { instantParam } from "@/lib/oncall/api-params";
import { addOverride, listOverrides } from "@/lib/oncall/override-store";

type P = { id: string };

/** The schedule's overrides, or those overlapping [?from=, ?to=) when both are given. */
export const GET = apiRoute<P>(async (req, principal, { id }) => {
  const url = new URL(req.url);
  const range = url.searchParams.has("from") || url.searchParams.has("to") ? { fromMs: instantParam(url, "from"), toMs: instantParam(url, "to") } : undefined;
  return Response.json(await listOverrides(principal, id, range));
});

/** Adds an override (responder); a conflicting one is refused with 400 and field errors. */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const override = await addOverride(principal, id, await readJson(req, z.unknown()));
  return Response.json(override, { status: 201, headers: { Location: `/api/v1/schedules/${override.scheduleId}/overrides/${override.id}` } });
});
