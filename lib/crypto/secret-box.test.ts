import { describe, expect, it } from "vitest";
import { createDecipheriv, hkdfSync } from "node:crypto";
import { open, seal, SecretUnreadableError } from "./secret-box";

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("hunter2-token", "datasource:a");
    expect(sealed).not.toContain("hunter2");
    expect(open(sealed, "datasource:a")).toBe("hunter2-token");
    expect(seal("x", "c")).not.toBe(seal("x", "c")); // fresh IV each time
  });

  it("is standard AES-256-GCM with an HKDF key, so it can be opened independently", () => {
    const sealed = seal("p@ss", "ctx");
    const [, iv, body] = sealed.split(".");
    const raw = Buffer.from(body, "base64url");
    const k = Buffer.from(hkdfSync("sha256", process.env.KEEL_SECRET_KEY!, "keel", "keel secret box v1", 32));
    const d = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
    d.setAAD(Buffer.from("ctx"));
    d.setAuthTag(raw.subarray(raw.length - 16));
    expect(Buffer.concat([d.update(raw.subarray(0, raw.length - 16)), d.final()]).toString()).toBe("p@ss");
  });

  it("refuses another row's context and tampered text", () => {
    const sealed = seal("secret", "datasource:a");
    expect(() => open(sealed, "datasource:b")).toThrow(SecretUnreadableError);
    const [v, iv, body] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => open(`${v}.${iv}.${flipped.toString("base64url")}`, "datasource:a")).toThrow(SecretUnreadableError);
    expect(() => open("garbage", "datasource:a")).toThrow(/KEEL_SECRET_KEY/);
  });
});
