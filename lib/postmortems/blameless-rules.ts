/**
 * The phrasing the blameless-language helper flags, each with a suggestion in a systems-focused
 * voice. Patterns are case-insensitive and bounded by word edges. Where a phrase is blaming only
 * when a person is its subject ("failed to", "why didn't"), `accept` looks at the words around it,
 * so "the deploy failed to roll back" or "why didn't the failover trigger?" are not flagged.
 *
 * Known limit, chosen on purpose: a name cannot be told from a product name ("Bob failed to …" vs
 * "Postgres failed to …"), so "X failed to" is flagged after a pronoun or a role ("she", "the
 * on-call") or before a verb only people do ("failed to notice"), not after any capitalised word.
 */

export type RuleId =
  | "forgot"
  | "careless"
  | "human-error"
  | "hindsight"
  | "failed-to"
  | "negligent"
  | "didnt-bother"
  | "named-mistake"
  | "fault"
  | "sloppy"
  | "obviously"
  | "just"
  | "why-didnt"
  | "judgement"
  | "ignored";

export type Rule = {
  id: RuleId;
  /** What the rule is about, for a tooltip or a settings page. */
  why: string;
  suggestion: string;
  pattern: RegExp;
  /** Extra check with the whole text and the match's range; the match counts only when true. */
  accept?: (text: string, start: number, end: number) => boolean;
};

const A = "['’]";

/** Words that name a person or people (as the subject of a phrase). */
const PEOPLE = new Set([
  "he", "she", "they", "i", "we", "you", "someone", "somebody", "nobody", "anyone", "anybody", "everyone",
  "engineer", "engineers", "developer", "developers", "dev", "devs", "operator", "operators", "on-call", "oncall",
  "on-caller", "responder", "responders", "reviewer", "reviewers", "author", "authors", "team", "sre", "sres", "admin",
  "admins", "administrator", "intern", "contractor", "deployer", "committer", "assignee", "commander", "ic", "person",
  "human", "humans", "staff", "employee", "him", "her", "them", "us",
]);

/**
 * Verbs only people do (noticing, escalating, following a runbook). Deliberately leaves out verbs
 * systems do too ("failed to read the config", "failed to respond", "failed to update"), so a
 * phrase is flagged on the verb alone only when no system could be its subject.
 */
const HUMAN_VERBS = new Set([
  "notice", "follow", "escalate", "communicate", "inform", "ask", "consult", "look", "spot", "realize", "realise",
  "recognize", "recognise", "consider", "remember", "think", "anticipate", "understand", "investigate", "double-check",
  "bother", "care", "pay", "listen", "coordinate", "mention", "tell",
]);

/** Verbs that, after a capitalised name ("why didn't Bob check"), describe a person's action. */
const NAMED_VERBS = new Set([...HUMAN_VERBS, "check", "test", "read", "verify", "review", "see", "catch", "update", "respond", "acknowledge", "ack", "document", "report", "wait", "warn", "page", "run", "stop", "roll"]);

const wordsBefore = (text: string, start: number, n: number) =>
  text
    .slice(Math.max(0, start - 80), start)
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z'’-]+/)
    .filter(Boolean)
    .slice(-n);
const wordsAfter = (text: string, end: number, n: number) =>
  text
    .slice(end, end + 80)
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z'’-]+/)
    .filter(Boolean)
    .slice(0, n);

const humanVerbAfter = (text: string, end: number, n: number) => wordsAfter(text, end, n).some((w) => HUMAN_VERBS.has(w));

/** The next words as written (case kept), for telling "Bob" from "the". */
const tokensAfter = (text: string, end: number, n: number) =>
  text
    .slice(end, end + 80)
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean)
    .slice(0, n);

/**
 * After "why didn't": a person ("the on-call", "anyone"), or a capitalised name followed by a
 * person's action ("Bob check"), or a verb only people do within the next words.
 */
const personActsAfter = (text: string, end: number) => {
  const [w1 = "", w2 = ""] = tokensAfter(text, end, 2);
  const first = w1.toLowerCase() === "the" ? w2 : w1;
  if (PEOPLE.has(first.toLowerCase())) return true;
  if (/^\p{Lu}/u.test(w1) && NAMED_VERBS.has(w2.toLowerCase())) return true;
  return humanVerbAfter(text, end, 4);
};

const ADVERBS = new Set(["also", "then", "simply", "just", "repeatedly", "clearly", "completely", "again", "initially", "apparently", "had", "has", "have"]);
/** The subject right before a phrase (skipping adverbs: "she then failed to") names a person. */
const personBefore = (text: string, start: number) => {
  const words = wordsBefore(text, start, 5);
  while (words.length && ADVERBS.has(words.at(-1)!)) words.pop();
  return PEOPLE.has(words.at(-1) ?? "");
};

const PARTICIPLES = new Set(["known", "done", "seen", "caught", "run", "taken", "gone", "put", "set", "had", "told", "thought", "kept", "left", "made", "read", "sent", "built", "found", "got", "understood", "led", "paid", "held", "spent", "brought", "become", "hit", "cut", "shut", "split", "let", "rung", "woken"]);
/** "should have checked / been / known": a past participle follows (not "every service should have an owner"). */
const participleAfter = (text: string, end: number) => {
  const next = wordsAfter(text, end, 1)[0] ?? "";
  return PARTICIPLES.has(next) || /(?:ed|en|wn)$/.test(next);
};

const ACTION_VERBS = [
  "restart", "reboot", "re-?run", "run", "retry", "roll(?:ed)?\\s+back", "rollback", "revert", "redeploy", "deploy", "check",
  "read", "look", "add", "update", "increase", "scale", "bump", "flip", "toggle", "fix", "delete", "remove", "kill", "use", "ask",
  "follow", "click", "set", "change", "do", "copy", "apply", "merge", "test", "wait", "turn", "switch", "page", "google",
  "search", "grep", "ssh", "clear", "purge", "flush", "drain", "fail\\s*over", "edit", "patch", "disable", "enable", "pin",
  "upgrade", "downgrade", "rename", "reload", "reset", "resize",
].join("|");

export const RULES: readonly Rule[] = [
  {
    id: "forgot",
    why: "Says a person forgot, which ends the question where it should start.",
    suggestion: "Say what made the step easy to miss, e.g. “the runbook did not include renewing the certificate” or “nothing reminded anyone to …”.",
    // Not the "forgot password" feature: "forgot-password flow", "forgot your password link".
    pattern: /\b(?:forgot|forgets)\b(?![\s-]+(?:(?:my|your|his|her|their|the|a)\s+)?(?:passwords?|user\s?names?|logins?|pins?|passcodes?|accounts?)\b)/gi,
  },
  {
    id: "careless",
    why: "Judges a person's care instead of describing the conditions.",
    suggestion: "Name the condition instead: what made the risky action easy and the safe one hard, e.g. “the command ran against production without a confirmation”.",
    pattern: /\bcareless(?:ly|ness)?\b/gi,
  },
  {
    id: "human-error",
    why: "“Human error” is where an inquiry should start, not where it ends.",
    suggestion: "Ask what in the tooling or process made the error possible and let it reach production, e.g. “the form accepted a value 1000× the usual without a warning”.",
    pattern: /\b(?:human|operator|pilot)\s+errors?\b/gi,
  },
  {
    id: "hindsight",
    why: "“Should have” judges past choices with knowledge people did not have then.",
    suggestion: "Describe what people knew and saw at the time and what the system did, e.g. “the alert did not fire because …”; the process did not ensure … .",
    pattern: new RegExp(`\\bshould(?:\\s+not|n${A}t)?\\s+have\\b|\\bshould(?:n${A}t)?${A}ve\\b|\\bought\\s+to\\s+have\\b`, "gi"),
    accept: (text, _start, end) => participleAfter(text, end),
  },
  {
    id: "failed-to",
    why: "Says a person failed, which points at the person rather than at what the system did not ensure.",
    suggestion: "Describe what the system or process did not ensure: “the deploy checklist did not require …”, “nothing prompted a check of …”.",
    pattern: /\bfailed\s+to\b/gi,
    accept: (text, start, end) => personBefore(text, start) || humanVerbAfter(text, end, 1),
  },
  {
    id: "negligent",
    why: "Negligence is a verdict about a person, not a description of the system.",
    suggestion: "Describe what the process did not ensure, e.g. “the rotation had no handover checklist”.",
    pattern: /\b(?:negligen(?:t|tly|ce)|neglect(?:ed|ing|s)?)\b/gi,
  },
  {
    id: "didnt-bother",
    why: "Attributes a motive (not caring) to a person.",
    suggestion: "Ask what made the step feel optional or costly, e.g. “the check took 20 minutes and was not automated”.",
    pattern: new RegExp(`\\b(?:didn${A}t|did\\s+not|don${A}t|do\\s+not|never)\\s+bother(?:ed)?\\b|\\bcould(?:n${A}t|\\s+not)\\s+be\\s+bothered\\b`, "gi"),
  },
  {
    id: "named-mistake",
    why: "Pins the incident on a person's mistake.",
    suggestion: "Leave names out of the cause: describe the action and the conditions around it, e.g. “a config change removed the limit; review did not catch it because …”.",
    pattern: new RegExp(
      `\\b(?:mistakes?|blunders?|screw-?ups?|slip-?ups?)\\s+(?:made\\s+)?by\\s+\\S+?(?=[.,;:!?)"”’']*(?:\\s|$))|\\bmade\\s+(?:a\\s+|an?\\s+\\w+\\s+)?(?:mistakes?|blunders?)\\b|\\b(?!(?:it|that|there|what|here|let|who)${A}s\\b)(?:his|her|their|[\\p{L}\\p{N}_-]+${A}s)\\s+(?:mistakes?|blunders?|screw-?ups?)\\b`,
      "giu",
    ),
  },
  {
    id: "fault",
    why: "Looks for a culprit; postmortems look for causes.",
    suggestion: "Describe what in the system allowed this, e.g. “the migration tool allowed dropping a column still in use”.",
    pattern: new RegExp(
      `\\b(?:(?!(?:it|that|there|what|here|let|who|he|she)${A}s\\b)(?:his|her|their|your|my|our|[\\p{L}\\p{N}_-]+${A}s))\\s+fault\\b(?![\\s-]*(?:toleran|inject|domain|line|zone|detect|isolat|handl|code|condition|mode))|\\bat\\s+fault\\b|\\bto\\s+blame\\b|(?<!\\bno[\\s-])\\bblam(?:e|ed|es|ing)\\b(?![\\s-]*(?:less|free))`,
      "giu",
    ),
  },
  {
    id: "sloppy",
    why: "Judges the quality of a person's work instead of the safeguards around it.",
    suggestion: "Describe the gap the change slipped through: missing review, tests or tooling.",
    pattern: /\bslopp(?:y|ily|iness)\b/gi,
  },
  {
    id: "obviously",
    why: "What is obvious after the fact was rarely obvious during it.",
    suggestion: "Describe what the responders could see at the time and what would have made it visible sooner.",
    pattern: /\bobviously\b|\b(?:was|were|is|seemed|seems|been)\s+(?:so\s+|very\s+)?obvious\b/gi,
  },
  {
    id: "just",
    why: "“Just” makes a step sound trivial, which hides what made it hard at the time.",
    suggestion: "Say what the step took at the time and what would make it easy, e.g. “restarting the worker fixed it; no runbook step said so”.",
    pattern: new RegExp(`\\b(?:just|simply|merely)\\s+(?:(?:had|needed|need|has|have)\\s+to\\b|(?:${ACTION_VERBS})(?:e?d|s|ing)?\\b)`, "gi"),
    // "we had just deployed", "it was just restarted": "just" meaning "recently" is not flagged.
    accept: (text, start) => !["had", "has", "have", "was", "were", "is", "been", "i'd", "we'd", "they'd", "we've", "i've"].includes(wordsBefore(text, start, 1)[0] ?? ""),
  },
  {
    id: "why-didnt",
    why: "Asks why a person did not act, which invites blame and defensiveness.",
    suggestion: "Ask what made it hard, e.g. “what made it hard to notice the queue growing?” or “what information was missing at the time?”.",
    pattern: new RegExp(`\\bwhy\\s+(?:didn${A}t|did\\s+not|wasn${A}t|was\\s+not|weren${A}t|were\\s+not|couldn${A}t|could\\s+not|hadn${A}t|had\\s+not|did\\s+no\\s+one|did\\s+nobody)\\b`, "gi"),
    accept: (text, start, end) => /(?:no\s+one|nobody)$/i.test(text.slice(start, end)) || personActsAfter(text, end),
  },
  {
    id: "judgement",
    why: "Describes a person's character instead of their situation.",
    suggestion: "Describe behaviour and conditions: what was the person trying to do, and what made that the reasonable choice then?",
    pattern: new RegExp(
      `\\b(?:stupid(?:ity)?|idiot(?:ic|s)?|incompeten(?:t|ce)|lazy|laziness|reckless(?:ly|ness)?|irresponsible|inattentive|clueless|rookie\\s+mistakes?|(?:not|wasn${A}t|weren${A}t)\\s+paying\\s+attention|asleep\\s+at\\s+the\\s+wheel|dropped\\s+the\\s+ball)\\b(?![\\s-]*(?:load|init|eval|instantiat|fetch|compil|import))`,
      "gi",
    ),
  },
  {
    id: "ignored",
    why: "Says a person ignored a signal or a procedure, without asking why it did not get attention.",
    suggestion: "Ask why the signal or step did not get attention: volume, timing, routing, or trust in it, e.g. “the warning fired 40 times a day and was usually noise”.",
    pattern: new RegExp(
      `\\bignor(?:ed|ing|es)\\s+(?:the\\s+|an?\\s+|all\\s+|our\\s+|its\\s+|their\\s+|his\\s+|her\\s+)?(?:alerts?|alarms?|pages?|warnings?|runbooks?|procedures?|process|docs|documentation|checklists?|reviews?|messages?|tickets?|polic(?:y|ies)|guidelines?)\\b|\\b(?:didn${A}t|did\\s+not|never)\\s+follow(?:ed)?\\s+(?:the\\s+|our\\s+)?(?:runbook|process|procedure|checklist|playbook|instructions|guidelines?|policy|docs|documentation)\\b`,
      "gi",
    ),
  },
];

export const RULE_BY_ID: Readonly<Record<RuleId, Rule>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;
