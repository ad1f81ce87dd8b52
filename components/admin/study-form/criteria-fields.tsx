// The new-study form's criteria: whether raters judge each pair on several named criteria, whether an
// overall choice comes first, and the list (one "Label: question" per line, Anthropic's three to start from).
"use client";

import { useState } from "react";
import { EXAMPLE_CRITERIA_TEXT } from "@/lib/admin/criteria-input";
import { MAX_CRITERIA } from "@/lib/validation/criteria";
import { controlProps, Field, type FieldErrors, inputClass } from "./fields";

export function CriteriaFields({ errors }: { errors: FieldErrors }) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-3 sm:col-span-2">
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="askCriteria" checked={asking} onChange={(e) => setAsking(e.target.checked)}
            aria-describedby="askCriteria-hint" className="mt-0.5" />
          <span>Judge each pair on several criteria</span>
        </label>
        <p id="askCriteria-hint" className="mt-0.5 ml-6 text-xs text-slate-500">
          Raters choose A, B (and tie or both bad where offered) on each criterion, in one vote.
        </p>
      </div>
      {asking && (
        <div className="ml-6 space-y-3">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="criteriaOverall" defaultChecked className="mt-0.5" />
            <span>Ask an overall choice first (it becomes the primary criterion)</span>
          </label>
          <Field name="criteria" label={`Criteria, one “Label: question” per line (at most ${MAX_CRITERIA}, the overall choice included)`}
            errors={errors}
            hint="The primary criterion is the overall choice when asked, else the first line: it drives the headline, each pair's majority, assignment and stopping; the others are reported beside it. Raters see each label with its question, never model names. Fixed once the study is created.">
            <textarea rows={5} className={inputClass} defaultValue={EXAMPLE_CRITERIA_TEXT} {...controlProps("criteria", errors, true)} />
          </Field>
        </div>
      )}
    </div>
  );
}
