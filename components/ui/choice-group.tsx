import type { ReactNode } from "react";
import { describedByIds, FieldNotes } from "./field";

/** A labelled group of radio buttons with its hint and error, like the other Keel fields. */
export function ChoiceGroup({
  name,
  legend,
  options,
  value,
  onChange,
  hint,
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: string[];
}) {
  const describedBy = describedByIds(name, hint, errors);
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes name={name} hint={hint} errors={errors} />
    </fieldset>
  );
}
