/**
 * What the OpenSLO and Sloth importers report, and the YAML reading they share. Pure: text in,
 * plain values and located messages out.
 *
 * A "document" is the n-th object in the file, 1-based: each YAML document (`---`) counts, and so
 * does each item of a top-level list (the form the OpenSLO repository's own examples use).
 */
import { LineCounter, parseAllDocuments } from "yaml";

export type DocIssue = {
  /** 1-based position of the object in the file; 0 for the file as a whole. */
  document: number;
  /** The object's kind ("SLO", "DataSource", …), or "" when unknown. */
  kind: string;
  /** metadata.name (OpenSLO) or the SLO name (Sloth), or "" when unknown. */
  name: string;
  message: string;
};
/** Refuses the import: the caller imports nothing while any error remains. */
export type DocError = DocIssue;
/** Something the importer ignored or interpreted: shown to the user, never blocks the import. */
export type DocNote = DocIssue;

/** Collects the issues of one object. `failed` says whether any error was recorded. */
export class DocScope {
  failed = false;
  constructor(
    private readonly log: IssueLog,
    readonly document: number,
    readonly kind: string,
    readonly name: string,
  ) {}
  error(message: string): undefined {
    this.failed = true;
    this.log.errors.push({ document: this.document, kind: this.kind, name: this.name, message });
    return undefined;
  }
  note(message: string): void {
    const dup = this.log.notes.some((n) => n.document === this.document && n.message === message);
    if (!dup) this.log.notes.push({ document: this.document, kind: this.kind, name: this.name, message });
  }
  /** Same document, another object name (e.g. one SLO inside a Sloth spec). */
  child(kind: string, name: string): DocScope {
    return new DocScope(this.log, this.document, kind, name);
  }
}

export class IssueLog {
  readonly errors: DocError[] = [];
  readonly notes: DocNote[] = [];
  scope(document: number, kind: string, name: string): DocScope {
    return new DocScope(this, document, kind, name);
  }
}

export type YamlObject = { document: number; value: unknown };

/**
 * The objects of a YAML stream, or the first syntax error with the parser's line and column.
 * Empty documents (a trailing `---`, comments only) are skipped but still counted.
 */
export function readYamlObjects(text: string): { objects: YamlObject[]; error?: DocError } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const objects: YamlObject[] = [];
  const streamErrors = "empty" in docs ? docs.errors : [];
  let n = 0;
  for (const doc of "empty" in docs ? [] : docs) {
    const first = doc.errors[0];
    if (first) return { objects: [], error: yamlError(n + 1, first.message, first.pos[0], lineCounter) };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { objects: [], error: { document: n + 1, kind: "", name: "", message: `Invalid YAML: ${(e as Error).message}` } };
    }
    if (Array.isArray(value)) {
      for (const item of value) objects.push({ document: ++n, value: item });
    } else {
      n++;
      if (value !== null && value !== undefined) objects.push({ document: n, value });
    }
  }
  if (streamErrors[0]) return { objects: [], error: yamlError(0, streamErrors[0].message, streamErrors[0].pos[0], lineCounter) };
  return { objects };
}

function yamlError(document: number, message: string, pos: number, lc: LineCounter): DocError {
  const { line, col } = lc.linePos(pos);
  return { document, kind: "", name: "", message: `Invalid YAML at line ${line}, column ${col}: ${message}` };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A non-empty trimmed string, or undefined. */
export function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}
