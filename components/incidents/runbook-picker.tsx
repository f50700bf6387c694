import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { attachRunbookAction } from "@/lib/runbooks/actions";
import { IncidentForm } from "./keep-form";

/** For responders: attach one of the runbooks not yet on the incident. */
export function RunbookPicker({ incidentId, options, hasAny }: { incidentId: string; options: { slug: string; title: string }[]; hasAny: boolean }) {
  if (!options.length) {
    return (
      <p className="text-sm text-muted">
        {hasAny ? "Every runbook is attached." : "There are no runbooks yet; admins write them under "}
        {!hasAny && (
          <Link href="/runbooks" className="text-link underline">
            Runbooks
          </Link>
        )}
      </p>
    );
  }
  return (
    <IncidentForm action={attachRunbookAction} label="Attach runbook" className="space-y-1">
      <input type="hidden" name="incident" value={incidentId} />
      <label htmlFor="attach-runbook" className="block text-sm font-medium">
        Attach runbook
      </label>
      <div className="flex gap-2">
        <select id="attach-runbook" name="runbook" defaultValue="" className={inputClass}>
          <option value="">Choose a runbook…</option>
          {options.map((o) => (
            <option key={o.slug} value={o.slug}>
              {o.title}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="shrink-0 py-1">
          Attach
        </Button>
      </div>
    </IncidentForm>
  );
}
