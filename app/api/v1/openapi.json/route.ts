import { openApiDocument } from "@/lib/api/openapi";

// Public: the API's shape is not a secret, and tools fetch it without credentials.
export function GET() {
  return Response.json(openApiDocument());
}
