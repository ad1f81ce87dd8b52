// The new-study form's conversation settings: which assistant turns raters judge (each its own pair)
// and whether they see the system prompt. Single-instruction prompts are one-turn conversations.
"use client";

import { Checkbox, controlProps, Field, type FieldErrors, inputClass } from "./fields";

export function ConversationFields({ errors }: { errors: FieldErrors }) {
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:p-4">
      <legend className="px-1 text-sm font-semibold">Conversations</legend>
      <Field name="judgedTurns" label="Turns judged one by one (e.g. “1, 2”; empty: the whole conversation)" errors={errors}
        hint="Each turn named becomes its own pair with its own votes, as MT-Bench judges turn 1 and turn 2. Raters see the turns up to the judged one. A single instruction has one turn.">
        <input inputMode="numeric" className={inputClass} placeholder="whole conversation" {...controlProps("judgedTurns", errors, true)} />
      </Field>
      <Checkbox name="showSystemPrompt" errors={errors} label="Show raters the system prompt" />
    </fieldset>
  );
}
