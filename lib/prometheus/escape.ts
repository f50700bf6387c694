/**
 * The one way Keel puts a value into PromQL text. PromQL string literals follow Go's escaping:
 * backslash and the quote must be escaped, and control characters are written as escapes, so a
 * value can never end the literal early and change the query around it. Pure.
 */
export function promString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + '"';
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `name="value"` for a selector; the label name is validated (names cannot be quoted in PromQL). */
export function labelMatcher(name: string, value: string, op: "=" | "!=" | "=~" | "!~" = "="): string {
  if (!LABEL_NAME.test(name)) throw new Error(`Invalid Prometheus label name: ${JSON.stringify(name)}`);
  return `${name}${op}${promString(value)}`;
}

/** Escapes regex metacharacters so a value matches literally inside `=~`. */
export function regexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `{a="x",b="y"}` from a record, in key order. */
export function selector(labels: Record<string, string>): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => labelMatcher(k, labels[k]))
    .join(",")}}`;
}
