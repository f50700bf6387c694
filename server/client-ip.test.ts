import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("client address", () => {
  it("uses the socket when no proxy is trusted, whatever the header claims", () => {
    expect(clientIp("::ffff:10.0.0.5", "1.2.3.4", 0)).toBe("10.0.0.5");
  });
  it("takes the entry added by the outermost trusted proxy, ignoring what the client prepended", () => {
    // client forged "6.6.6.6"; the real client 203.0.113.9 was appended by the one trusted proxy
    expect(clientIp("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIp("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.7", 2)).toBe("203.0.113.9");
    expect(clientIp("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
});
