/**
 * The words of an escalation step: the timeline entry, the page email to each person and the
 * webhook payload (event "escalated"). Pure: the caller gives who was paged and why.
 */
import { slackEscape } from "@/lib/notify/payload";

export type PagedPerson = { id: string; name: string; email: string; /** What put them in the step: a layer's name, a schedule's name, or null when named directly. */ via: string | null; viaLong: string | null };

export type StepFired = {
  incident: { id: string; ref: string; title: string; severity: string; status: string; services: { slug: string; name: string }[]; url: string };
  /** 1-based, as people count. */
  step: number;
  steps: number;
  round: number;
  rounds: number;
  paged: PagedPerson[];
  /** Targets that reached nobody, labelled ("Payments on-call · secondary"). */
  nobody: string[];
  /** When the next step is due, if any. */
  nextAt: string | null;
  at: string;
};

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const who = (p: PagedPerson) => `${p.name || p.email}${p.via ? ` (${p.via})` : ""}`;
const stepName = (f: StepFired) => `Escalation step ${f.step}${f.rounds > 1 ? ` (round ${f.round} of ${f.rounds})` : ""}`;

/** "Nobody on call: …" when the whole step reached nobody (an alert in itself), else null. */
export function nobodyProblem(f: Pick<StepFired, "paged" | "nobody">): string | null {
  if (f.paged.length) return null;
  return f.nobody.length ? `Nobody on call: ${f.nobody.join(", ")} had nobody to page.` : "Nobody on call: the step has no one to page.";
}

/** "Escalation step 2: paged Sam (secondary)"; "… nobody on call (…)" when it reached no one. */
export function timelineText(f: StepFired): string {
  if (!f.paged.length) return `${stepName(f)}: nobody on call (${f.nobody.join(", ") || "no targets"}); nobody was paged.`;
  const gaps = f.nobody.length ? `; nobody on call on ${f.nobody.join(", ")}` : "";
  return `${stepName(f)}: paged ${f.paged.map(who).join(", ")}${gaps}.`;
}

/** The email to one paged person. */
export function pageEmail(f: StepFired, person: PagedPerson): { subject: string; text: string } {
  const inc = f.incident;
  const services = inc.services.length ? inc.services.map((s) => `${s.name} (${s.slug})`).join(", ") : "none recorded";
  const why = person.viaLong ? `you are on call on ${person.viaLong}` : "the escalation policy names you";
  const others = f.paged.filter((p) => p.id !== person.id);
  const text = [
    `You are paged for ${inc.ref} (${inc.severity}): ${oneLine(inc.title)}`,
    "",
    `${stepName(f)} of ${f.steps}: ${why}.`,
    ...(others.length ? [`Also paged: ${others.map(who).join(", ")}.`] : []),
    `Services: ${services}`,
    `Status: ${inc.status}; nobody has acknowledged it yet.`,
    f.nextAt ? `If nobody acknowledges it, Keel escalates to the next step at ${f.nextAt}.` : "This is the last step of the escalation.",
    "",
    `Acknowledge it (move it out of triaging): ${inc.url}`,
    "",
  ].join("\n");
  return { subject: `[Keel] Page: ${inc.ref} ${inc.severity} ${oneLine(inc.title)}`, text };
}

/** What webhook channels receive for a fired step (event "escalated"). */
export function escalationPayload(f: StepFired) {
  const problem = nobodyProblem(f);
  const icon = problem ? ":warning:" : ":pager:";
  const text = `${icon} ${slackEscape(`${f.incident.ref} ${f.incident.severity} ${timelineText(f).replace(/^Escalation/, "escalation")} ${oneLine(f.incident.title)}`)} <${f.incident.url}|open>`;
  return {
    event: "escalated",
    incident: f.incident,
    escalation: {
      step: f.step,
      steps: f.steps,
      round: f.round,
      rounds: f.rounds,
      paged: f.paged.map((p) => ({ name: p.name, email: p.email, via: p.viaLong })),
      nobodyOnCall: f.nobody,
      problem,
      nextAt: f.nextAt,
    },
    at: f.at,
    text,
  };
}
