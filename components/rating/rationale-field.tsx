// "Why?": the rater's reason for a vote, optional or required as the study asks (none when it is off).
"use client";

import type { Ref } from "react";
import { RATIONALE_MAX_CHARS } from "@/lib/rating/limits";
import type { RatingOptions } from "@/lib/rating/types";

export type RationaleFieldProps = {
  mode: RatingOptions["rationale"];
  value: string;
  onChange: (value: string) => void;
  /** The vote was refused (#vote-error says why). */
  invalid: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

export function RationaleField({ mode, value, onChange, invalid, ref }: RationaleFieldProps) {
  if (mode === "OFF") return null;
  return (
    <div className="mt-4">
      <label htmlFor="rationale" className="block text-sm font-medium">
        Why? {mode === "REQUIRED" ? "(required)" : "(optional)"}
      </label>
      <textarea
        id="rationale"
        ref={ref}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={RATIONALE_MAX_CHARS}
        rows={2}
        required={mode === "REQUIRED"}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? "vote-error" : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm"
      />
    </div>
  );
}
