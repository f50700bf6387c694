import { apiRoute, readJson } from "@/lib/api/handler";
import { escalationPolicyPatchSchema } from "@/lib/oncall/escalation-input";
import { deletePolicy, getPolicy, updatePolicy } from "@/lib/oncall/escalation-store";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getPolicy(principal, id)));

/** `services` replaces the attached services; send `version` to refuse the change if someone else saved first. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => Response.json(await updatePolicy(principal, id, await readJson(req, escalationPolicyPatchSchema))));

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deletePolicy(principal, id);
  return new Response(null, { status: 204 });
});
