import { apiRoute } from "@/lib/api/handler";
import { testDatasource } from "@/lib/datasources/test-connection";

/** Test connection: `{ ok, version?, problem?, message, latencyMs }`; a failing data source is still a 200 answer. */
export const POST = apiRoute<{ id: string }>(async (_req, principal, { id }) => Response.json(await testDatasource(principal, id)));
