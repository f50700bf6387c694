import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeLabel, routePatterns } from "./route-label";

function appDir(files: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), "keel-routes-"));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), "");
  }
  return root;
}

describe("route labels", () => {
  const patterns = routePatterns(
    appDir(["(portal)/page.tsx", "(portal)/services/page.tsx", "(portal)/services/new/page.tsx", "(portal)/services/[slug]/page.tsx", "(portal)/services/[slug]/edit/page.tsx", "api/auth/[...nextauth]/route.ts", "api/v1/services/[slug]/route.ts", "_private/page.tsx"]),
  );

  it("maps concrete paths to their pattern, static segments winning over dynamic ones", () => {
    expect(routeLabel(patterns, "/")).toBe("/");
    expect(routeLabel(patterns, "/services")).toBe("/services");
    expect(routeLabel(patterns, "/services/new")).toBe("/services/new");
    expect(routeLabel(patterns, "/services/checkout-api")).toBe("/services/[slug]");
    expect(routeLabel(patterns, "/services/checkout-api/edit")).toBe("/services/[slug]/edit");
    expect(routeLabel(patterns, "/api/auth/callback/oidc")).toBe("/api/auth/[...nextauth]");
    expect(routeLabel(patterns, "/api/v1/services/x/")).toBe("/api/v1/services/[slug]");
  });

  it("keeps label cardinality bounded", () => {
    expect(routeLabel(patterns, "/_next/static/chunks/abc.js")).toBe("/_next");
    expect(routeLabel(patterns, "/wp-admin.php")).toBe("other");
    expect(routeLabel(patterns, "/_private")).toBe("other");
  });
});
