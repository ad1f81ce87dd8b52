// The new-study form's answer issues: whether raters may mark issues on each answer, and which (one
// label per line, Alpaca's list of limitations to start from).
"use client";

import { useState } from "react";
import { DEFAULT_ANSWER_ISSUES, MAX_ANSWER_ISSUES } from "@/lib/validation/answer-issues";
import { controlProps, Field, type FieldErrors, inputClass } from "./fields";

export function IssueFields({ errors }: { errors: FieldErrors }) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-3 sm:col-span-2">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="askIssues" checked={asking} onChange={(e) => setAsking(e.target.checked)} className="mt-0.5" />
        <span>Let raters mark issues on each answer (optional for them: the results report marked rates per model)</span>
      </label>
      {asking && (
        <Field name="issues" label={`Issues, one per line (at most ${MAX_ANSWER_ISSUES})`} errors={errors} className="ml-6"
          hint="Raters see them as A's and B's issues, never with model names. Fixed once the study is created.">
          <textarea rows={5} className={inputClass} defaultValue={DEFAULT_ANSWER_ISSUES.map((i) => i.label).join("\n")} {...controlProps("issues", errors, true)} />
        </Field>
      )}
    </div>
  );
}
