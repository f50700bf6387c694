import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "./openapi";

const root = path.join(import.meta.dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(root, dir)] : [];
  });
}

describe("OpenAPI document", () => {
  it("documents every REST route under /api/v1", () => {
    const doc = openApiDocument();
    const paths = Object.keys(doc.paths);
    for (const dir of routeFiles(root)) {
      if (dir === "openapi.json") continue;
      const openApiPath = "/" + dir.split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      if (openApiPath.includes("[...")) {
        // The proxy's catch-all: each endpoint it serves has its own documented path.
        const prefix = openApiPath.slice(0, openApiPath.indexOf("/[..."));
        for (const e of ["query", "query_range", "labels", "label/{name}/values", "series", "metadata"]) expect(paths).toContain(`${prefix}/${e}`);
      } else {
        expect(paths).toContain(openApiPath);
      }
    }
  });

  it("generates request schemas from the zod schemas", () => {
    const schemas = openApiDocument().components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.DatasourceInput.properties ?? {})).toEqual(expect.arrayContaining(["name", "kind", "url", "auth", "headers", "timeoutSeconds"]));
    expect(Object.keys(schemas.ServiceInput.properties ?? {})).toContain("slug");
  });
});
