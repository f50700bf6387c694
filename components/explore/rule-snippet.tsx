"use client";

import { useState } from "react";
import { RECORD_NAME, recordingRuleYaml } from "@/lib/prometheus/rule-snippet";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** "Copy as rule": the query as a Prometheus recording rule (YAML a rule file accepts). */
export function RuleSnippet({ query }: { query: string }) {
  const [record, setRecord] = useState("keel:explore:query");
  const [copied, setCopied] = useState(false);
  const valid = RECORD_NAME.test(record);
  const yaml = valid ? recordingRuleYaml(record, query) : "";
  return (
    <details className="rounded-md border border-line p-3">
      <summary className="cursor-pointer text-sm font-medium">Copy as recording rule</summary>
      <div className="mt-2 space-y-2">
        <label htmlFor="rule-record" className="block text-sm">
          Record name
        </label>
        <input id="rule-record" className={inputClass} value={record} onChange={(e) => setRecord(e.target.value)} aria-invalid={!valid} />
        {!valid && <p className="text-sm text-danger">Use letters, digits, _ and : (e.g. job:http_requests:rate5m).</p>}
        <pre className="overflow-x-auto rounded bg-raised p-2 font-mono text-xs" data-testid="rule-yaml">
          {yaml}
        </pre>
        <Button
          type="button"
          variant="secondary"
          disabled={!valid}
          onClick={async () => {
            await navigator.clipboard?.writeText(yaml).catch(() => undefined);
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          Copy YAML
        </Button>
        <span role="status" className="ml-2 text-sm text-ok">
          {copied ? "Copied." : ""}
        </span>
      </div>
    </details>
  );
}
