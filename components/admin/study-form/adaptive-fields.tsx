// The new-study form's adaptive votes and stopping (issue 22, docs/adaptive.md): a pair stops getting
// votes once its majority is settled, and the study may stop once its answer is clear or its budget spent.
"use client";

import { Checkbox, controlProps, Field, type FieldErrors, inputClass } from "./fields";

/** `models`: how many are chosen; sampling of model pairs is offered from three on. */
export function AdaptiveFields({ errors, models }: { errors: FieldErrors; models: number }) {
  const modelPairs = (models * (models - 1)) / 2;
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2 sm:p-4">
      <legend className="px-1 text-sm font-semibold">Adaptive votes and stopping</legend>
      <div className="sm:col-span-2">
        <Checkbox name="adaptiveVotes" errors={errors} label="Stop voting on a pair once its majority is settled"
          hint="A pair gets no more votes once the rest of its planned votes could not change its majority (with 3 votes: two that agree). The study then estimates each prompt's majority, not the share of all votes; the per-prompt results are what full voting would have given." />
      </div>
      <Field name="stopLevel" label="Stop the study when every model pair is decided at level (e.g. 0.05; empty: never)" errors={errors}
        hint="An anytime-valid interval over prompts, checked as votes come in. The level holds for the whole study: with several model pairs it is split evenly over them (Bonferroni). After an early stop, the fixed-sample intervals (Wilson, bootstrap) are no longer valid: read the anytime-valid ones.">
        <input inputMode="decimal" className={inputClass} placeholder="never" {...controlProps("stopLevel", errors, true)} />
      </Field>
      <Field name="voteBudget" label="Vote budget (votes in the whole study; empty: none)" errors={errors}
        hint="The study stops serving pairs once this many votes are recorded, whatever the results say.">
        <input type="number" min={1} className={inputClass} placeholder="none" {...controlProps("voteBudget", errors, true)} />
      </Field>
      {models >= 3 && (
        <>
          <Field name="pairsPerPrompt" label={`Model pairs per prompt put to raters (of ${modelPairs}; empty: all)`} errors={errors}
            hint="With adaptive votes: each prompt, when it opens, puts about this many of its model pairs to raters, drawn at random by the rule chosen, never below a floor. Each comparison's anytime-valid interval reads the prompts its pair was drawn on.">
            <input inputMode="decimal" className={inputClass} placeholder="all" {...controlProps("pairsPerPrompt", errors, true)} />
          </Field>
          <Field name="pairSamplingRule" label="Draw model pairs to" errors={errors}
            hint="Decide: Chatbot Arena's rule, more often where one more vote narrows an interval most and only at the floor once a comparison is decided; the fewest votes to decide every comparison. Narrow: in proportion to each comparison's vote variance, decided or not; the fewest votes for a given widest interval (docs/adaptive.md).">
            <select className={inputClass} defaultValue="ARENA" {...controlProps("pairSamplingRule", errors, true)}>
              <option value="ARENA">Decide every comparison</option>
              <option value="VARIANCE">Narrow the widest interval</option>
            </select>
          </Field>
        </>
      )}
    </fieldset>
  );
}
