/**
 * The rules editor sends its rows as JSON: `[{ match: 'alertname="X"', severity: "SEV1" | "", service: "slug" | "" }]`.
 * This turns them into mapping rules, or field errors keyed `rules.<row>`. Pure.
 */
import type { MappingRule } from "@/db/schema/integrations";
import { isSeverity } from "@/lib/incidents/severity";
import { parseMatchers } from "./matcher-text";

export type RuleRow = { match: string; severity: string; service: string };
export type RulesFromForm = { ok: true; rules: MappingRule[] } | { ok: false; fields: Record<string, string[]> };

export function rulesFromForm(json: string): RulesFromForm {
  let rows: unknown;
  try {
    rows = json.trim() ? JSON.parse(json) : [];
  } catch {
    return { ok: false, fields: { rules: ["The rules could not be read; reload the page."] } };
  }
  if (!Array.isArray(rows)) return { ok: false, fields: { rules: ["The rules could not be read; reload the page."] } };
  const rules: MappingRule[] = [];
  const fields: Record<string, string[]> = {};
  rows.forEach((raw: Partial<RuleRow>, n) => {
    const parsed = parseMatchers(String(raw?.match ?? ""));
    const severity = String(raw?.severity ?? "");
    const service = String(raw?.service ?? "").trim();
    const problems: string[] = [];
    if (!parsed.ok) problems.push(parsed.error);
    if (severity && !isSeverity(severity)) problems.push("Severity is SEV1, SEV2, SEV3 or SEV4.");
    if (!severity && !service) problems.push("A rule sets a severity, a service or both.");
    if (problems.length || !parsed.ok) {
      fields[`rules.${n}`] = problems;
      return;
    }
    rules.push({ match: parsed.match, ...(isSeverity(severity) ? { severity } : {}), ...(service ? { service } : {}) });
  });
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, rules };
}

/** The rows the editor starts from. */
export { formatMatchers as matchText } from "./matcher-text";
