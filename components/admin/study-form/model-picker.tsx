// Choosing the models to compare: a search over the model names, each with its output count.
// The chosen order matters (the first chosen model is answer A before sides are balanced), so it is kept.
"use client";

import { useState } from "react";
import type { ModelChoice } from "@/lib/admin/types";
import { type FieldErrors, FieldError, inputClass } from "./fields";

export type ModelPickerProps = { models: ModelChoice[]; chosen: string[]; onChange: (ids: string[]) => void; errors: FieldErrors };

export function ModelPicker({ models, chosen, onChange, errors }: ModelPickerProps) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const shown = q ? models.filter((m) => m.name.toLowerCase().includes(q)) : models;
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const names = new Map(models.map((m) => [m.id, m.name]));
  return (
    <fieldset className="sm:col-span-2" aria-invalid={errors.modelIds ? true : undefined}
      aria-describedby={[models.length ? "modelIds-chosen" : null, errors.modelIds ? "modelIds-error" : null].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 text-sm font-medium">Models to compare (two or more)</legend>
      {models.length === 0 ? <p className="text-sm text-slate-600">No models yet: upload model outputs first.</p> : (
        <>
          <label htmlFor="model-search" className="sr-only">Search models</label>
          <input id="model-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && e.preventDefault() /* Enter filters; it does not submit the study */}
            placeholder="Search models" className={`${inputClass} mb-2`} autoComplete="off" />
          <ul className="max-h-64 overflow-y-auto rounded-md border border-slate-200">
            {shown.map((m) => (
              <li key={m.id} className="border-t border-slate-100 first:border-t-0">
                <label className="flex items-center gap-2 px-3 py-2 text-sm hover:bg-slate-50">
                  <input type="checkbox" checked={chosen.includes(m.id)} onChange={() => toggle(m.id)} />
                  <span className="min-w-0 flex-1 truncate">{m.name}</span>
                  <span className="shrink-0 text-xs text-slate-500 tabular-nums">{m.outputs.toLocaleString("en")} outputs</span>
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">No model matches “{query}”.</li>}
          </ul>
          <p id="modelIds-chosen" className="mt-1 text-xs text-slate-600" aria-live="polite">
            {chosen.length === 0 ? "None chosen." : `Chosen, in order: ${chosen.map((id) => names.get(id)).join(", ")}.`}
          </p>
        </>
      )}
      <FieldError name="modelIds" errors={errors} />
    </fieldset>
  );
}
