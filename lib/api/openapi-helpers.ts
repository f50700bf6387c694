import { z } from "zod";

/** A zod schema as the JSON Schema of a request body. */
export const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

/** Problem responses for the given statuses. */
export const problemResponses = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: "Problem", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } }]));
