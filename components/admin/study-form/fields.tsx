// Form fields of the new-study form: label, hint and the field's own error message beside it.
"use client";

import type { ReactNode } from "react";

export type FieldErrors = Record<string, string | undefined>;

export const inputClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600";
const labelClass = "mb-1 block text-sm font-medium";

/** id, name and the ARIA that ties a control to its hint and error. */
export function controlProps(name: string, errors: FieldErrors, hint?: boolean) {
  const describedBy = [hint ? `${name}-hint` : null, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ");
  return { id: name, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": describedBy || undefined };
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  if (!errors[name]) return null;
  return <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">{errors[name]}</p>;
}

export type FieldProps = { name: string; label: string; hint?: string; errors: FieldErrors; className?: string; children: ReactNode };

export function Field({ name, label, hint, errors, className = "", children }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={name} className={labelClass}>{label}</label>
      {children}
      {hint && <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export type NumberFieldProps = { name: string; label: string; hint?: string; min: number; max?: number; defaultValue?: number; errors: FieldErrors };

export function NumberField({ name, label, hint, min, max, defaultValue, errors }: NumberFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      <input type="number" min={min} max={max} defaultValue={defaultValue} className={inputClass} {...controlProps(name, errors, !!hint)} />
    </Field>
  );
}

export type CheckboxProps = { name: string; label: ReactNode; defaultChecked?: boolean; hint?: string; errors: FieldErrors };

export function Checkbox({ name, label, defaultChecked, hint, errors }: CheckboxProps) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" defaultChecked={defaultChecked} className="mt-0.5" {...controlProps(name, errors, !!hint)} />
        <span>{label}</span>
      </label>
      {hint && <p id={`${name}-hint`} className="mt-0.5 ml-6 text-xs text-slate-500">{hint}</p>}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export type SectionProps = { title: string; description?: string; children: ReactNode };

/** One group of the form, as a fieldset with a visible legend. */
export function Section({ title, description, children }: SectionProps) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      {description && <p className="mb-4 text-sm text-slate-600">{description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
