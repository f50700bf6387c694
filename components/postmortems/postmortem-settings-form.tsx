"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField, inputClass } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { savePostmortemSettingsAction } from "@/lib/postmortems/settings-actions";
import type { PostmortemTemplate } from "@/lib/postmortems/template";
import { customSectionKey } from "@/lib/postmortems/section-key";
import { editsFromRows, moveRow, rowsFromTemplate, type TemplateRow } from "@/lib/postmortems/template-form";
import { TemplateRowsEditor } from "./template-rows-editor";

export type SettingsValues = { dueHours: number; budgetSharePercent: number; approvalsRequired: number };

/**
 * Settings → Postmortems: the organisation's template (edited as rows, saved as the smallest set
 * of edits over Keel's default), when postmortems are due, the budget share that requires one, and
 * the approvals publishing needs. Saved with the version it was based on; a refused save keeps
 * every change on the page.
 */
export function PostmortemSettingsForm({ base, template, values, version }: { base: PostmortemTemplate; template: PostmortemTemplate; values: SettingsValues; version: number }) {
  const { state, pending, formProps } = useKeepingForm(savePostmortemSettingsAction);
  const [rows, setRows] = useState<TemplateRow[]>(() => rowsFromTemplate(template));
  const [newHeading, setNewHeading] = useState("");
  const errors = (state.ok === false ? state.fieldErrors : undefined) ?? {};
  const fieldValue = (k: string, fallback: number) => state.values?.[k] ?? String(fallback);

  const change = (index: number, row: TemplateRow | null, move?: number) => {
    if (row === null) setRows((rs) => rs.filter((_, i) => i !== index));
    else if (move) setRows((rs) => moveRow(rs, index, move));
    else setRows((rs) => rs.map((r, i) => (i === index ? row : r)));
  };
  const addCustom = () => {
    const heading = newHeading.trim();
    if (!heading) return;
    const key = customSectionKey(heading, [...base.sections.map((s) => s.key), ...rows.map((r) => r.key)]);
    setRows((rs) => [...rs, { key, heading, hint: "", kind: "markdown", required: false, hidden: false, custom: true, parts: [] }]);
    setNewHeading("");
  };

  return (
    <form {...formProps} aria-label="Postmortem settings" className="space-y-6" noValidate>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="template" value={JSON.stringify(editsFromRows(base, rows))} />

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Due date, requirement and review</legend>
        <div className="grid gap-3 md:grid-cols-3">
          <TextField
            name="dueHours"
            label="Due after resolution (hours)"
            type="number"
            min={1}
            max={1440}
            step={1}
            hint="Applies to postmortems started from now on."
            defaultValue={fieldValue("dueHours", values.dueHours)}
            key={`due-${version}`}
            errors={errors.dueHours}
          />
          <TextField
            name="budgetSharePercent"
            label="Budget share that requires one (%)"
            type="number"
            min={0.1}
            max={100}
            step="any"
            hint="An incident that consumed more than this share of any error budget needs a postmortem."
            defaultValue={fieldValue("budgetSharePercent", values.budgetSharePercent)}
            key={`share-${version}`}
            errors={errors.budgetSharePercent}
          />
          <TextField
            name="approvalsRequired"
            label="Approvals to publish"
            type="number"
            min={0}
            max={10}
            step={1}
            hint="From reviewers who are not authors."
            defaultValue={fieldValue("approvalsRequired", values.approvalsRequired)}
            key={`appr-${version}`}
            errors={errors.approvalsRequired}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Template</legend>
        <p className="text-sm text-muted">
          Sections in the order authors see them. Required sections cannot be hidden. Hidden sections are not offered to authors; text already written in one is still shown and exported.
        </p>
        {errors["template.template"] && <p className="text-sm text-danger">{errors["template.template"].join(" ")}</p>}
        <TemplateRowsEditor rows={rows} onChange={change} errors={errors} />
        <div className="flex flex-wrap items-end gap-2 rounded-md border border-dashed border-line p-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="new-section" className="block text-sm font-medium">
              New section heading
            </label>
            <input
              id="new-section"
              value={newHeading}
              maxLength={120}
              onChange={(e) => setNewHeading(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addCustom();
                }
              }}
              placeholder="e.g. Customer communication"
              className={inputClass}
            />
          </div>
          <Button type="button" variant="secondary" onClick={addCustom} disabled={!newHeading.trim()}>
            Add section
          </Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              if (window.confirm("Put every section back as Keel ships it? Custom sections are removed; nothing is saved until you press Save.")) setRows(rowsFromTemplate(base));
            }}
          >
            Restore Keel’s template
          </Button>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save postmortem settings
        </Button>
        <Outcome state={state} withFields={false} />
      </div>
    </form>
  );
}
