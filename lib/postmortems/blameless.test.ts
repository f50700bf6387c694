import { describe, expect, it } from "vitest";
import { checkBlameless, checkBlamelessFields, maskUnchecked } from "./blameless";
import { RULES, RULE_BY_ID, type RuleId } from "./blameless-rules";

/** [text, rule, the exact phrase flagged] */
const FLAGGED: [string, RuleId, string][] = [
  ["Alice forgot to renew the certificate.", "forgot", "forgot"],
  ["The on-call FORGOT the handover.", "forgot", "FORGOT"],
  ["He forgets the flag every time.", "forgot", "forgets"],
  ["A careless change took the API down.", "careless", "careless"],
  ["The config was edited carelessly.", "careless", "carelessly"],
  ["Root cause: human error.", "human-error", "human error"],
  ["It was an operator error during failover.", "human-error", "operator error"],
  ["Bob should have checked the dashboard.", "hindsight", "should have"],
  ["They shouldn't have deployed on Friday.", "hindsight", "shouldn't have"],
  ["We should’ve known the disk was full.", "hindsight", "should’ve"],
  ["The team should not have been paged for this.", "hindsight", "should not have"],
  ["The engineer failed to check the migration.", "failed-to", "failed to"],
  ["She then failed to escalate.", "failed-to", "failed to"],
  ["Bob failed to notice the queue growing.", "failed-to", "failed to"],
  ["We failed to update the status page.", "failed-to", "failed to"],
  ["This was negligent.", "negligent", "negligent"],
  ["The team neglected the backlog of warnings.", "negligent", "neglected"],
  ["He didn't bother to run the tests.", "didnt-bother", "didn't bother"],
  ["They did not bother with a canary.", "didnt-bother", "did not bother"],
  ["The outage was a mistake by Carol.", "named-mistake", "mistake by Carol"],
  ["A mistake made by dave@example.com, in the end.", "named-mistake", "mistake made by dave@example.com"],
  ["Erin made a mistake in the query.", "named-mistake", "made a mistake"],
  ["It was Frank's mistake.", "named-mistake", "Frank's mistake"],
  ["It was his fault.", "fault", "his fault"],
  ["It was entirely her fault!", "fault", "her fault"],
  ["Really it was Grace’s fault.", "fault", "Grace’s fault"],
  ["Ops is to blame here.", "fault", "to blame"],
  ["We should not blame the intern.", "fault", "blame"],
  ["A sloppy review let it through.", "sloppy", "sloppy"],
  ["Obviously the limit was too low.", "obviously", "Obviously"],
  ["In hindsight it was obvious.", "obviously", "was obvious"],
  ["You just restart the pod.", "just", "just restart"],
  ["They could simply roll back.", "just", "simply roll back"],
  ["The responder just needed to flip the flag.", "just", "just needed to"],
  ["Why didn't Bob check the dashboard?", "why-didnt", "Why didn't"],
  ["Why didn’t the on-call escalate?", "why-didnt", "Why didn’t"],
  ["Why did no one look at the logs?", "why-didnt", "Why did no one"],
  ["Why didn't Alice page the DB team?", "why-didnt", "Why didn't"],
  ["Why wasn't anyone watching the queue?", "why-didnt", "Why wasn't"],
  ["That was a stupid change.", "judgement", "stupid"],
  ["The on-call was lazy.", "judgement", "lazy"],
  ["Someone was not paying attention.", "judgement", "not paying attention"],
  ["The operator ignored the alert.", "ignored", "ignored the alert"],
  ["They didn't follow the runbook.", "ignored", "didn't follow the runbook"],
];

/** Texts that must not be flagged at all: systems language and words that only look alike. */
const CLEAN = [
  "Fix the forgotten password flow.",
  "The forgot-password page returned 500s.",
  "Users hitting the Forgot Password link saw errors.",
  "The forgot your password email was delayed.",
  "The deploy failed to roll back.",
  "Postgres failed to start after the upgrade.",
  "Kubernetes failed to schedule the pods.",
  "Why didn't the failover trigger?",
  "Why didn't the test suite catch it?",
  "Why didn't Kubernetes restart the pod?",
  "The cache failed to update.",
  "The service failed to respond within 5 s.",
  "The consumer failed to acknowledge the messages.",
  "Postgres failed to read the config.",
  "The TLS handshake failed to verify the certificate.",
  "The pod just did not restart.",
  "The job just ran for the first time.",
  "Why wasn't the alert routed to the on-call rotation?",
  "We run blameless postmortems; this is a no-blame review.",
  "A blame-free culture helps.",
  "Every service should have an owner.",
  "The dashboard should have more panels.",
  "It could have been much worse.",
  "The cluster is fault tolerant; we ran fault injection.",
  "It's fault-tolerant by design.",
  "A page fault storm slowed the host.",
  "We had just deployed v2 when errors started.",
  "The worker was just restarted by the supervisor.",
  "Errors started just before 14:00 and stopped just after.",
  "It took just 5 minutes.",
  "User errors (4xx) are excluded from the SLI.",
  "Images are lazy-loaded; lazy loading is on.",
  "The change was reviewed and tested.",
  "The process did not ensure the certificate was renewed.",
  "What made it easy to miss the warning?",
  "The error was made visible by the new dashboard.",
  "We learned from the mistakes of earlier incidents.",
];

describe("checkBlameless", () => {
  it.each(FLAGGED)("flags %j (%s)", (text, rule, phrase) => {
    const findings = checkBlameless(text);
    const f = findings.find((x) => x.rule === rule);
    expect(f, JSON.stringify(findings)).toBeDefined();
    expect(f!.phrase).toBe(phrase);
    // Offsets point at the phrase in the original text.
    expect(text.slice(f!.start, f!.end)).toBe(phrase);
    expect(f!.start).toBe(text.indexOf(phrase));
    expect(f!.suggestion).toBe(RULE_BY_ID[rule].suggestion);
  });

  it.each(CLEAN)("does not flag %j", (text) => {
    expect(checkBlameless(text)).toEqual([]);
  });

  it("every rule is exercised by a flagged example and has a suggestion in a systems voice", () => {
    const covered = new Set(FLAGGED.map(([, r]) => r));
    for (const rule of RULES) {
      expect(covered.has(rule.id), rule.id).toBe(true);
      expect(rule.suggestion.length).toBeGreaterThan(20);
      expect(rule.pattern.flags).toContain("i");
      expect(rule.pattern.flags).toContain("g");
    }
  });

  it("returns several findings in order of position, and the same result on a second call", () => {
    const text = "Bob forgot the flag. It was careless, and human error. Obviously he should have checked.";
    const first = checkBlameless(text);
    expect(first.map((f) => f.rule)).toEqual(["forgot", "careless", "human-error", "obviously", "hindsight"]);
    const starts = first.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(checkBlameless(text)).toEqual(first); // global regexes do not keep state between calls
  });

  it("keeps only the outer finding when one is nested in another", () => {
    // "made a mistake" and nothing inside it twice; "his fault" and "fault"-free others.
    const findings = checkBlameless("He made a mistake; it was his fault.");
    expect(findings.map((f) => f.phrase)).toEqual(["made a mistake", "his fault"]);
    for (let i = 1; i < findings.length; i++) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
  });

  it("does not check code blocks, inline code, URLs or link destinations", () => {
    const text = [
      "The log said `ERROR: worker forgot lease` and:",
      "```",
      "careless human error: failed to connect",
      "```",
      "See https://wiki.example.com/human-error-careless and [the runbook](https://x.example/sloppy).",
      "~~~sh",
      "echo obviously",
      "~~~",
    ].join("\n");
    expect(checkBlameless(text)).toEqual([]);
    // The same words outside code are found, at their real offsets.
    const after = `${text}\nBut it was careless.`;
    const f = checkBlameless(after);
    expect(f).toHaveLength(1);
    expect(after.slice(f[0].start, f[0].end)).toBe("careless");
  });

  it("checks text after an unclosed fence as code to the end", () => {
    expect(checkBlameless("```\nhe forgot\nstill code")).toEqual([]);
  });

  it("masking keeps the length and the newlines", () => {
    const text = "a `b` c\n```\nx\n```\nhttps://e.com/y z";
    const masked = maskUnchecked(text);
    expect(masked).toHaveLength(text.length);
    expect([...masked].filter((c) => c === "\n")).toHaveLength(4);
    expect(masked.startsWith("a     c")).toBe(true);
    expect(masked.endsWith(" z")).toBe(true);
  });

  it("handles empty and very long texts", () => {
    expect(checkBlameless("")).toEqual([]);
    const long = "He forgot. ".repeat(1000);
    expect(checkBlameless(long).length).toBe(200); // capped
  });

  it("checks several fields and reports only those with findings", () => {
    expect(checkBlamelessFields({ summary: "All good.", rootCause: "Bob forgot.", "resolution.workaround": "Just restart it." })).toEqual({
      rootCause: [expect.objectContaining({ rule: "forgot", phrase: "forgot" })],
      "resolution.workaround": [expect.objectContaining({ rule: "just", phrase: "Just restart" })],
    });
  });
});
