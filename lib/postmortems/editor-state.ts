/**
 * The postmortem editor's local state: what the author has typed, kept exactly as typed (numbers
 * as the text in their box, services and tags as one line), and the step from it to the document
 * a save sends. Pure; imports only types so the editor's bundle stays free of zod.
 *
 * Nothing here ever replaces the author's text with the server's, except `replace`, which the
 * editor dispatches only when the author asks to load the saved version.
 */
import type { Impact, PostmortemDocument, RowKind, SupportingLink, TimelineRow } from "./document";
import { addRow, editRow, removeRow, undismissEntry, type RowPatch } from "./timeline-rows";

export const IMPACT_NUMBERS = ["usersAffected", "trafficPercent", "durationMinutes", "supportTickets"] as const;
export type ImpactNumber = (typeof IMPACT_NUMBERS)[number];
export type ImpactDraft = Record<ImpactNumber, string> & { revenueImpact: string; services: string };
export type ImpactField = keyof ImpactDraft;

export const IMPACT_LABELS: Record<ImpactField, string> = {
  usersAffected: "Users affected",
  trafficPercent: "Share of traffic (%)",
  durationMinutes: "Duration (minutes)",
  supportTickets: "Support tickets",
  revenueImpact: "Revenue impact",
  services: "Services",
};

export type EditorState = {
  title: string;
  /** Tags as typed: words separated by commas or spaces. */
  tags: string;
  sections: Record<string, string>;
  impact: ImpactDraft;
  timeline: TimelineRow[];
  timelineDismissed: number[];
  whys: string[];
  rootCause: string;
  links: SupportingLink[];
};

export type EditorAction =
  | { type: "title"; value: string }
  | { type: "tags"; value: string }
  | { type: "section"; key: string; value: string }
  | { type: "impact"; field: ImpactField; value: string }
  | { type: "row.add"; id: string; at: string; kind?: RowKind; text?: string }
  | { type: "row.edit"; id: string; patch: RowPatch }
  | { type: "row.remove"; id: string }
  | { type: "row.undismissAll" }
  | { type: "why.add" }
  | { type: "why.set"; index: number; value: string }
  | { type: "why.remove"; index: number }
  | { type: "rootCause"; value: string }
  | { type: "link.add" }
  | { type: "link.set"; index: number; field: keyof SupportingLink; value: string }
  | { type: "link.remove"; index: number }
  | { type: "replace"; state: EditorState };

const numberText = (n: number | null) => (n === null ? "" : String(n));

/** The editor's state for a saved document and its tags. */
export function draftFrom(doc: PostmortemDocument, tags: readonly string[]): EditorState {
  return {
    title: doc.title,
    tags: tags.join(", "),
    sections: { ...doc.sections },
    impact: {
      usersAffected: numberText(doc.impact.usersAffected),
      trafficPercent: numberText(doc.impact.trafficPercent),
      durationMinutes: numberText(doc.impact.durationMinutes),
      supportTickets: numberText(doc.impact.supportTickets),
      revenueImpact: doc.impact.revenueImpact,
      services: doc.impact.services.join(", "),
    },
    timeline: [...doc.timeline],
    timelineDismissed: [...doc.timelineDismissed],
    whys: [...doc.fiveWhys.whys],
    rootCause: doc.fiveWhys.rootCause,
    links: doc.links.map((l) => ({ ...l })),
  };
}

const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));
const without = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "title":
      return { ...state, title: action.value };
    case "tags":
      return { ...state, tags: action.value };
    case "section":
      return { ...state, sections: { ...state.sections, [action.key]: action.value } };
    case "impact":
      return { ...state, impact: { ...state.impact, [action.field]: action.value } };
    case "row.add":
      return { ...state, timeline: addRow(state.timeline, { id: action.id, at: action.at, text: action.text ?? "", kind: action.kind ?? "note" }) };
    case "row.edit":
      return { ...state, timeline: editRow(state.timeline, action.id, action.patch) };
    case "row.remove":
      // removeRow remembers an imported row's entry, so a re-sync does not bring it back.
      return { ...state, ...removeRow(state, action.id) };
    case "row.undismissAll":
      return state.timelineDismissed.reduce((s, id) => ({ ...s, ...undismissEntry(s, id) }), state);
    case "why.add":
      return { ...state, whys: [...state.whys, ""] };
    case "why.set":
      return { ...state, whys: replaceAt(state.whys, action.index, action.value) };
    case "why.remove":
      return { ...state, whys: without(state.whys, action.index) };
    case "rootCause":
      return { ...state, rootCause: action.value };
    case "link.add":
      return { ...state, links: [...state.links, { label: "", url: "" }] };
    case "link.set":
      return { ...state, links: replaceAt(state.links, action.index, { ...state.links[action.index], [action.field]: action.value }) };
    case "link.remove":
      return { ...state, links: without(state.links, action.index) };
    case "replace":
      return action.state;
  }
}

export type FieldErrors = Record<string, string[]>;
export type Built = { ok: true; document: PostmortemDocument; tags: string[] } | { ok: false; message: string; fieldErrors: FieldErrors };

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:[.,]\d+)?$/;

/** A number box: "" → null; otherwise a whole (or, for the traffic share, decimal) non-negative number. */
function parseNumber(field: ImpactNumber, text: string): { value: number | null } | { error: string } {
  const t = text.trim().replace(/[\s_]/g, "");
  if (t === "") return { value: null };
  const label = IMPACT_LABELS[field].replace(/ \(.*\)$/, "");
  if (field === "trafficPercent") {
    if (!DECIMAL.test(t)) return { error: `${label} is a number from 0 to 100.` };
    const v = Number(t.replace(",", "."));
    return v > 100 ? { error: `${label} is a number from 0 to 100.` } : { value: v };
  }
  if (!WHOLE.test(t.replace(/,(?=\d{3}\b)/g, ""))) return { error: `${label} is a whole number, 0 or more.` };
  const v = Number(t.replace(/,/g, ""));
  return Number.isSafeInteger(v) ? { value: v } : { error: `${label} is too large.` };
}

/** Words from a line typed with commas or spaces between them: "db, checkout  api" → ["db", "checkout", "api"]. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** Names from a comma-separated line; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The document (and tags) a save sends, or the fields to fix first. Links left completely blank
 * are not sent (an empty row carries nothing); a half-written one is, and the server says what is
 * missing. Nothing the author typed is dropped from the editor either way.
 */
export function buildDocument(state: EditorState): Built {
  const fieldErrors: FieldErrors = {};
  const numbers = {} as Record<ImpactNumber, number | null>;
  for (const f of IMPACT_NUMBERS) {
    const r = parseNumber(f, state.impact[f]);
    if ("error" in r) {
      fieldErrors[`impact.${f}`] = [r.error];
      numbers[f] = null;
    } else numbers[f] = r.value;
  }
  if (!state.title.trim()) fieldErrors.title = ["Title is required."];
  if (Object.keys(fieldErrors).length) {
    const first = Object.values(fieldErrors)[0][0];
    return { ok: false, message: `Not saved yet: ${first}`, fieldErrors };
  }
  const impact: Impact = { ...numbers, revenueImpact: state.impact.revenueImpact, services: splitList(state.impact.services) };
  const document: PostmortemDocument = {
    title: state.title,
    // Blank sections are not sent: an empty key says nothing and keeps the document small.
    sections: Object.fromEntries(Object.entries(state.sections).filter(([, v]) => v !== "")),
    impact,
    timeline: state.timeline,
    timelineDismissed: state.timelineDismissed,
    fiveWhys: { whys: state.whys, rootCause: state.rootCause },
    links: state.links.filter((l) => l.label.trim() !== "" || l.url.trim() !== "").map((l) => ({ label: l.label, url: l.url.trim() })),
  };
  return { ok: true, document, tags: splitTags(state.tags) };
}

/**
 * Server field errors ("links.1.url", "fiveWhys.whys.0") mapped to the editor's rows: blank links
 * are not sent, so a sent link's index differs from its row in the editor.
 */
export function editorErrorKey(key: string, state: EditorState): string {
  const m = /^links\.(\d+)(\..*)?$/.exec(key);
  if (!m) return key;
  const sent = state.links.map((l, i) => ({ l, i })).filter(({ l }) => l.label.trim() !== "" || l.url.trim() !== "");
  const row = sent[Number(m[1])]?.i;
  return row === undefined ? key : `links.${row}${m[2] ?? ""}`;
}

/** A UTC datetime-local value ("2025-03-01T14:05") for an ISO instant; "" when unreadable. */
export function utcLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString().slice(0, 16);
}

/** The ISO instant of a UTC datetime-local value, or null when incomplete. Seconds are optional. */
export function fromUtcLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Where a new timeline row goes: a minute after the last row, or at `fallback` on an empty timeline. */
export function nextRowTime(rows: readonly TimelineRow[], fallback: string): string {
  const times = rows.map((r) => Date.parse(r.at)).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times) + 60_000).toISOString() : fallback;
}
