import { describe, expect, it } from "vitest";
import { crossSiteWrite } from "./same-origin";

const req = (method: string, headers: Record<string, string> = {}) => new Request("http://keel.test/api/v1/datasources", { method, headers });

describe("cross-site write check", () => {
  it("refuses writes whose Origin is another site, allows Keel's own and non-browser clients", () => {
    expect(crossSiteWrite(req("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(crossSiteWrite(req("DELETE", { origin: "http://sub.keel.test" }))).toBe(true);
    expect(crossSiteWrite(req("POST", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(crossSiteWrite(req("POST", { origin: "http://keel.test" }))).toBe(false);
    expect(crossSiteWrite(req("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(crossSiteWrite(req("POST"))).toBe(false);
    expect(crossSiteWrite(req("GET", { origin: "https://evil.example" }))).toBe(false);
  });
});
