// "Issues with A": the study's issue list as tick boxes at the end of one answer. Optional: nothing
// ticked means none marked. Each box is named with its side ("A: Refusal or evasion") and, on wide
// screens, shows its key (issue-keys.ts).
"use client";

import type { IssueOption } from "@/lib/rating/types";
import { issueShortcut } from "./issue-keys";
import type { Side } from "./use-pair-readiness";

export type IssuePickerProps = {
  side: Side;
  issues: IssueOption[];
  ticked: string[];
  /** Show the keys (a keyboard is likely: the wide layout). */
  showKeys: boolean;
  onToggle: (key: string) => void;
};

export function IssuePicker({ side, issues, ticked, showKeys, onToggle }: IssuePickerProps) {
  if (issues.length === 0) return null;
  return (
    <fieldset className="mt-4 border-t border-slate-200 pt-3">
      <legend className="float-left mb-2 w-full text-sm font-medium text-slate-700">
        Issues with {side} <span className="font-normal text-slate-500">(optional{ticked.length ? "" : ", none marked"})</span>
      </legend>
      {/* Two columns on a phone (long labels wrap inside their box), a row of pills where there is room. */}
      <div className="clear-left grid grid-cols-2 gap-2 md:flex md:flex-wrap">
        {issues.map((issue, index) => {
          const on = ticked.includes(issue.key);
          const shortcut = showKeys ? issueShortcut(side, index) : null;
          return (
            <label
              key={issue.key}
              className={`flex min-h-10 cursor-pointer select-none items-center gap-2 rounded-lg border px-2.5 py-1.5 text-sm leading-snug transition-colors md:rounded-full md:px-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                on ? "border-rose-400 bg-rose-50 text-rose-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              <input
                type="checkbox"
                checked={on}
                onChange={() => onToggle(issue.key)}
                aria-keyshortcuts={shortcut?.aria}
                data-issue={issue.key}
                // The whole box shows the focus ring (has-[:focus-visible]); the page's global ring would double it.
                style={{ outline: "none" }}
                className="h-4 w-4 shrink-0 accent-rose-600"
              />
              <span>
                <span className="sr-only">{side}: </span>
                {issue.label}
              </span>
              {shortcut && (
                <kbd aria-hidden="true" className={`rounded border border-current/30 px-1 font-mono text-xs ${on ? "text-rose-800" : "text-slate-500"}`}>
                  {shortcut.label}
                </kbd>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
