import { describe, expect, it } from "vitest";
import { safeCallback } from "./callback-url";

describe("sign-in callback URL", () => {
  it("keeps paths on this site", () => {
    expect(safeCallback("/services?tier=1#x")).toBe("/services?tier=1#x");
    expect(safeCallback(undefined)).toBe("/");
  });
  it("refuses anything that leaves the site", () => {
    for (const bad of ["//evil.com", "/\\evil.com", "/\\/evil.com", "/\t/evil.com", "https://evil.com", "evil.com", "javascript:alert(1)"]) {
      expect(safeCallback(bad)).toBe("/");
    }
  });
});
