"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { importSlosAction } from "@/lib/slo/import-actions";

/** Paste or choose OpenSLO / Sloth YAML; problems are listed per document and nothing is imported. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importSlosAction, {} as FormState);
  const [yaml, setYaml] = useState("");
  const problems = Object.entries(state.fieldErrors ?? {});
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData();
        data.set("yaml", yaml);
        startTransition(() => action(data));
      }}
    >
      <div>
        <label htmlFor="slo-file" className="block text-sm font-medium">
          YAML file
        </label>
        <input
          id="slo-file"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="text-sm"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) setYaml(await f.text());
          }}
        />
      </div>
      <div>
        <label htmlFor="yaml" className="block text-sm font-medium">
          Or paste it
        </label>
        <textarea id="yaml" name="yaml" rows={14} className={`${inputClass} font-mono text-xs`} value={yaml} onChange={(e) => setYaml(e.target.value)} spellCheck={false} placeholder="apiVersion: openslo/v1&#10;kind: SLO&#10;…" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </Button>
      <FormMessage state={state} />
      {problems.length > 0 && (
        <ul className="list-inside list-disc text-sm text-danger" aria-label="Problems in the file">
          {problems.map(([where, messages]) => (
            <li key={where}>
              <strong>{where}</strong>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
