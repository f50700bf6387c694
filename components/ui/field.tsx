import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg placeholder:text-muted aria-[invalid=true]:border-danger";

type FieldProps = { name: string; label: string; hint?: ReactNode; errors?: string[] };

function Wrapper({ name, label, hint, errors, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldNotes name={name} hint={hint} errors={errors} />
    </div>
  );
}

/** A field's hint and errors, with the ids `describedByIds` points at. For controls that cannot use a <label>. */
export function FieldNotes({ name, hint, errors }: Pick<FieldProps, "name" | "hint" | "errors">) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** The aria-describedby value for a field's hint and errors, or undefined when it has neither. */
export function describedByIds(name: string, hint: unknown, errors?: string[]): string | undefined {
  return [hint ? `${name}-hint` : "", errors?.length ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function described(name: string, hint: unknown, errors?: string[]) {
  return { "aria-describedby": describedByIds(name, hint, errors), "aria-invalid": errors?.length ? true : undefined };
}

// `id` defaults to `name`; pass one when the same form appears more than once on a page.

export function TextField({ name, id = name, label, hint, errors, ...props }: FieldProps & ComponentProps<"input">) {
  return (
    <Wrapper name={id} label={label} hint={hint} errors={errors}>
      <input id={id} name={name} className={inputClass} {...described(id, hint, errors)} {...props} />
    </Wrapper>
  );
}

export function TextArea({ name, id = name, label, hint, errors, ...props }: FieldProps & ComponentProps<"textarea">) {
  return (
    <Wrapper name={id} label={label} hint={hint} errors={errors}>
      <textarea id={id} name={name} className={inputClass} {...described(id, hint, errors)} {...props} />
    </Wrapper>
  );
}

export function SelectField({ name, id = name, label, hint, errors, children, ...props }: FieldProps & ComponentProps<"select">) {
  return (
    <Wrapper name={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} className={inputClass} {...described(id, hint, errors)} {...props}>
        {children}
      </select>
    </Wrapper>
  );
}

/** Form-level message in an aria-live region, so screen readers hear the outcome. */
export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
  return (
    <p aria-live="polite" role="status" className={`text-sm ${state.ok ? "text-ok" : "text-danger"}`}>
      {state.message ?? ""}
    </p>
  );
}
