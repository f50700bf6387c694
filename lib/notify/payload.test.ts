import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailMessage } from "./email-message";
import { incidentPayload, incidentUrl, slackText, testPayload, type NotificationIncident } from "./payload";
import { signBody, verifySignature } from "./signature";

const inc: NotificationIncident = {
  id: "7f0c1d3e-1111-4222-8333-944445555666",
  ref: "INC-42",
  title: "Checkout 503s",
  severity: "SEV2",
  status: "triaging",
  services: [{ slug: "checkout-api", name: "Checkout API" }],
  url: incidentUrl("https://keel.example/", "INC-42"),
  customerFacing: true,
  commander: null,
};
const at = new Date("2025-03-01T10:00:00Z");

describe("incident payload and Slack text", () => {
  it("says what happened in one Slack-compatible line with a link", () => {
    expect(inc.url).toBe("https://keel.example/incidents/INC-42");
    expect(slackText("declared", inc)).toBe(":rotating_light: INC-42 SEV2 declared: Checkout 503s (checkout-api) <https://keel.example/incidents/INC-42|open>");
    expect(slackText("severity_changed", { ...inc, severity: "SEV1" }, { from: "SEV2", to: "SEV1" })).toBe(
      ":arrow_up: INC-42 severity SEV2 → SEV1: Checkout 503s (checkout-api) <https://keel.example/incidents/INC-42|open>",
    );
    expect(slackText("severity_changed", { ...inc, severity: "SEV3" }, { from: "SEV2", to: "SEV3" })).toMatch(/^:arrow_down: INC-42 severity SEV2 → SEV3:/);
    expect(slackText("status_changed", { ...inc, status: "identified" }, { from: "investigating", to: "identified" })).toMatch(/^:arrows_counterclockwise: INC-42 SEV2 investigating → identified: Checkout 503s/);
    expect(slackText("resolved", { ...inc, status: "resolved", services: [] })).toBe(":white_check_mark: INC-42 SEV2 resolved: Checkout 503s <https://keel.example/incidents/INC-42|open>");
  });

  it("escapes Slack's control characters and flattens line breaks in titles", () => {
    const text = slackText("declared", { ...inc, title: "a <b> & c\nsecond line" });
    expect(text).toContain("a &lt;b&gt; &amp; c second line");
    expect(text.split("<")).toHaveLength(2); // only the link remains a Slack control sequence
  });

  it("carries the documented fields", () => {
    const p = incidentPayload("status_changed", { ...inc, status: "investigating" }, at, { from: "triaging", to: "investigating" });
    expect(Object.keys(p).sort()).toEqual(["at", "change", "event", "incident", "text"]);
    expect(Object.keys(p.incident!).sort()).toEqual(["commander", "customerFacing", "id", "ref", "services", "severity", "status", "title", "url"]);
    expect(p.at).toBe("2025-03-01T10:00:00.000Z");
    expect(incidentPayload("declared", inc, at)).not.toHaveProperty("change");
    expect(testPayload("Ops <room>", at)).toMatchObject({ event: "test", incident: null, text: ':wave: Test message from Keel for channel "Ops &lt;room&gt;"' });
  });
});

describe("incident email", () => {
  it("has the headline as subject and the facts and link in plain text", () => {
    const m = emailMessage(incidentPayload("declared", { ...inc, commander: { name: "Rita", email: "rita@example.com" } }, at));
    expect(m.subject).toBe("[Keel] INC-42 SEV2 declared: Checkout 503s (checkout-api)");
    expect(m.text).toContain("Services: Checkout API (checkout-api)");
    expect(m.text).toContain("Commander: Rita <rita@example.com>");
    expect(m.text).toContain("Open the incident: https://keel.example/incidents/INC-42");
    expect(m.text).not.toContain("<https://");
  });
});

describe("webhook signature", () => {
  it("is the hex HMAC-SHA256 of the raw body (RFC 4231-style vector computed independently)", () => {
    expect(signBody("key", "The quick brown fox jumps over the lazy dog")).toBe("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    const body = JSON.stringify({ event: "declared", x: "é" });
    expect(signBody("s3cret", body)).toBe(`sha256=${createHmac("sha256", "s3cret").update(Buffer.from(body, "utf8")).digest("hex")}`);
  });

  it("verifies only the exact body with the right secret", () => {
    const sig = signBody("s3cret", '{"a":1}');
    expect(verifySignature("s3cret", '{"a":1}', sig)).toBe(true);
    expect(verifySignature("s3cret", '{"a": 1}', sig)).toBe(false);
    expect(verifySignature("other", '{"a":1}', sig)).toBe(false);
    expect(verifySignature("s3cret", '{"a":1}', null)).toBe(false);
  });
});
