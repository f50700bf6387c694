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
    </div>
  );
}

function described(name: string, hint: unknown, errors?: string[]) {
  const ids = [hint ? `${name}-hint` : "", errors?.length ? `${name}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": errors?.length ? true : undefined };
}

export function TextField({ name, label, hint, errors, ...props }: FieldProps & ComponentProps<"input">) {
  return (
    <Wrapper name={name} label={label} hint={hint} errors={errors}>
      <input id={name} name={name} className={inputClass} {...described(name, hint, errors)} {...props} />
    </Wrapper>
  );
}

export function TextArea({ name, label, hint, errors, ...props }: FieldProps & ComponentProps<"textarea">) {
  return (
    <Wrapper name={name} label={label} hint={hint} errors={errors}>
      <textarea id={name} name={name} className={inputClass} {...described(name, hint, errors)} {...props} />
    </Wrapper>
  );
}

export function SelectField({ name, label, hint, errors, children, ...props }: FieldProps & ComponentProps<"select">) {
  return (
    <Wrapper name={name} label={label} hint={hint} errors={errors}>
      <select id={name} name={name} className={inputClass} {...described(name, hint, errors)} {...props}>
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
