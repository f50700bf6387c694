/**
 * A Prometheus recording rule file for one query. The expression is written as a double-quoted YAML
 * scalar using JSON escapes (a subset of YAML's), so any PromQL text round-trips unchanged without
 * shipping a YAML library to the browser. Pure.
 */
export const RECORD_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function recordingRuleYaml(record: string, expr: string, group = "keel-explore"): string {
  if (!RECORD_NAME.test(record)) throw new Error(`Invalid record name: ${record}`);
  return ["groups:", `  - name: ${JSON.stringify(group)}`, "    rules:", `      - record: ${record}`, `        expr: ${JSON.stringify(expr)}`, ""].join("\n");
}
