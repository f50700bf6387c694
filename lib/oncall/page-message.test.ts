import { describe, expect, it } from "vitest";
import { escalationPayload, nobodyProblem, pageEmail, timelineText, type StepFired } from "./page-message";

const sam = { id: "u-sam", name: "Sam", email: "sam@x.example", via: "secondary", viaLong: "Payments on-call · secondary" };
const mia = { id: "u-mia", name: "", email: "mia@x.example", via: null, viaLong: null };
const base: StepFired = {
  incident: { id: "i1", ref: "INC-12", title: "Checkout\n503s & <errors>", severity: "SEV2", status: "triaging", services: [{ slug: "checkout", name: "Checkout API" }], url: "https://keel.example/incidents/INC-12" },
  step: 2,
  steps: 4,
  round: 1,
  rounds: 1,
  paged: [sam],
  nobody: [],
  nextAt: "2025-03-03T10:30:00.000Z",
  at: "2025-03-03T10:15:00.000Z",
};

describe("the words of an escalation step", () => {
  it("names the step and who was paged, with the round only when the chain repeats", () => {
    expect(timelineText(base)).toBe("Escalation step 2: paged Sam (secondary).");
    expect(timelineText({ ...base, rounds: 3, round: 2, paged: [sam, mia], nobody: ["Platform · primary"] })).toBe(
      "Escalation step 2 (round 2 of 3): paged Sam (secondary), mia@x.example; nobody on call on Platform · primary.",
    );
    expect(nobodyProblem(base)).toBeNull();
  });

  it("says nobody on call when the step reached no one: a problem in itself", () => {
    const none = { ...base, paged: [], nobody: ["Payments on-call · secondary"] };
    expect(timelineText(none)).toBe("Escalation step 2: nobody on call (Payments on-call · secondary); nobody was paged.");
    expect(nobodyProblem(none)).toBe("Nobody on call: Payments on-call · secondary had nobody to page.");
    expect(escalationPayload(none)).toMatchObject({ event: "escalated", escalation: { paged: [], problem: nobodyProblem(none) } });
    expect(escalationPayload(none).text.startsWith(":warning: INC-12 SEV2 escalation step 2: nobody on call")).toBe(true);
  });

  it("pages by email with a clear subject, why the person is paged and what happens next", () => {
    const mail = pageEmail({ ...base, paged: [sam, mia] }, sam);
    expect(mail.subject).toBe("[Keel] Page: INC-12 SEV2 Checkout 503s & <errors>");
    expect(mail.text).toContain("you are on call on Payments on-call · secondary");
    expect(mail.text).toContain("Also paged: mia@x.example.");
    expect(mail.text).toContain("next step at 2025-03-03T10:30:00.000Z");
    expect(mail.text).toContain("https://keel.example/incidents/INC-12");
    expect(pageEmail({ ...base, nextAt: null }, mia).text).toContain("the escalation policy names you");
    // Slack text escapes what Slack treats specially.
    expect(escalationPayload(base).text).toContain("&amp; &lt;errors&gt;");
  });
});
