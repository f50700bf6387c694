"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/field";
import { savePolicyAction } from "@/lib/oncall/escalation-actions";
import type { EscalationStep, EscalationTarget } from "@/lib/oncall/escalation";
import type { EscalationPolicyDto, TargetDto } from "@/lib/oncall/escalation-dto";
import type { PolicyFormOptions } from "@/lib/oncall/escalation-store";
import type { FormState } from "@/lib/forms";
import { StepsEditor } from "./steps-editor";

function stepsFrom(json: string | undefined, fallback: EscalationStep[]): EscalationStep[] {
  try {
    const parsed = json ? (JSON.parse(json) as unknown) : null;
    return Array.isArray(parsed) ? (parsed as EscalationStep[]) : fallback;
  } catch {
    return fallback;
  }
}

/** The stored target without its display fields. */
const targetOf = (t: TargetDto): EscalationTarget => (t.kind === "user" ? { kind: "user", userId: t.userId } : t.kind === "schedule" ? { kind: "schedule", scheduleId: t.scheduleId } : { kind: "layer", scheduleId: t.scheduleId, layerId: t.layerId });

/** Creates an escalation policy or, given `policy`, edits it: name, steps, repeat and the services it covers. */
export function EscalationPolicyForm({ policy, options }: { policy?: EscalationPolicyDto; options: PolicyFormOptions }) {
  const [state, action, pending] = useActionState(savePolicyAction, {} as FormState);
  const failed = state.ok === false ? (state.values ?? {}) : null;
  const e = state.fieldErrors ?? {};
  const steps = stepsFrom(failed?.steps, policy?.steps.map((s) => ({ delayMinutes: s.delayMinutes, targets: s.targets.map(targetOf) })) ?? []);
  const attached = new Set(policy?.services.map((s) => s.slug) ?? []);
  const typedServices = failed ? new Set((failed.servicesList ?? "").split(",")) : null;
  return (
    <form action={action} className="space-y-4" key={JSON.stringify(failed ?? {})} noValidate aria-label={policy ? `Edit ${policy.name}` : "New escalation policy"}>
      {policy && (
        <>
          <input type="hidden" name="id" value={policy.id} />
          <input type="hidden" name="version" value={policy.version} />
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={failed?.name ?? policy?.name} errors={e.name} placeholder="Payments" required />
        <TextField
          name="repeat"
          label="Repeat the chain"
          type="number"
          min={0}
          max={9}
          defaultValue={failed?.repeat ?? String(policy?.repeat ?? 0)}
          errors={e.repeat}
          hint="How many more times the steps run from the top when nobody acknowledges (0: once through)."
        />
      </div>
      <TextArea name="description" label="Description" rows={2} defaultValue={failed?.description ?? policy?.description} errors={e.description} />
      <StepsEditor initial={steps} options={options} errors={e} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Services</legend>
        <p className="text-xs text-muted">Incidents on these services follow this policy. A service follows one policy: those following another are shown with its name.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {options.services.map((s) => {
            const elsewhere = s.policyId !== null && s.policyId !== policy?.id;
            return (
              <label key={s.slug} className={`flex items-center gap-2 text-sm ${elsewhere ? "text-muted" : ""}`}>
                <input type="checkbox" name="services" value={s.slug} defaultChecked={typedServices ? typedServices.has(s.slug) : attached.has(s.slug)} disabled={elsewhere} />
                {s.name}
                {elsewhere && <span className="text-xs">(follows another policy)</span>}
              </label>
            );
          })}
        </div>
        {e.services && <p className="text-sm text-danger">{e.services.join(" ")}</p>}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {policy ? "Save policy" : "Create policy"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
