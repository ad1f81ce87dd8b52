"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ModelChoice } from "@/lib/data/study-admin";
import { createStudySchema } from "@/lib/validation/study";

export type NewStudyFormProps = { models: ModelChoice[] };

const input = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const label = "mb-1 block text-sm font-medium";

function formValues(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    name: text("name"), description: text("description"), guidelines: text("guidelines"),
    modelIds: form.getAll("modelIds").map(String), votesPerPair: text("votesPerPair"),
    allowTie: form.has("allowTie"), allowBothBad: form.has("allowBothBad"), rationale: text("rationale"),
    sampleSize: text("sampleSize"), seed: text("seed"), allModelPairs: form.has("allModelPairs"),
    excludeLeaks: form.has("excludeLeaks"), minSecondsPerPair: text("minSecondsPerPair"),
    revealAfterVote: form.has("revealAfterVote"), completionCode: text("completionCode"),
    completionUrl: text("completionUrl"), crowdEnabled: form.has("crowdEnabled"), crowdIdParam: text("crowdIdParam"),
    voteSettleMs: text("voteSettleMs"), requireSeenBoth: form.has("requireSeenBoth"), undoSeconds: text("undoSeconds"),
    maxVotesPerRater: text("maxVotesPerRater"), minVotesForCompletion: text("minVotesForCompletion"),
  };
}

type NumberFieldProps = { name: string; text: string; hint: string; min: number; max?: number; defaultValue?: number };

function NumberField({ name, text, hint, min, max, defaultValue }: NumberFieldProps) {
  return (
    <div>
      <label htmlFor={name} className={label}>{text}</label>
      <input id={name} name={name} type="number" min={min} max={max} defaultValue={defaultValue} className={input} aria-describedby={`${name}-hint`} />
      <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>
    </div>
  );
}

// Every vote deliberate: settle time, seen-both, undo window, per-rater cap, votes needed for the code.
function RaterProtectionFields() {
  return (
    <fieldset className="grid gap-5 sm:col-span-2 sm:grid-cols-2">
      <legend className={label}>Deliberate votes</legend>
      <NumberField name="voteSettleMs" text="Votes ignored after a pair appears (ms)" min={0} max={10_000} defaultValue={300}
        hint="So a double click or a held key cannot vote on a pair the rater has not read." />
      <NumberField name="undoSeconds" text="Undo window (seconds; 0 = no undo)" min={0} max={300} defaultValue={10}
        hint="Raters may take back their last vote this long; never once the models are revealed or the code shown." />
      <NumberField name="maxVotesPerRater" text="Most votes per rater (empty = no limit)" min={1}
        hint="A rater who reaches it is done, with the completion code." />
      <NumberField name="minVotesForCompletion" text="Votes needed for the completion code" min={0} defaultValue={1}
        hint="Flagged pairs do not count." />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="requireSeenBoth" defaultChecked /> Accept a vote only once the rater has seen both answers to their end
      </label>
    </fieldset>
  );
}

export function NewStudyForm({ models }: NewStudyFormProps) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createStudySchema.safeParse(formValues(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => i.message));
    setPending(true);
    setErrors([]);
    const res = await fetch("/api/studies", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = (await res.json()) as { studyId?: string; error?: { message: string } };
    if (!res.ok || !body.studyId) {
      setPending(false);
      return setErrors([body.error?.message ?? "The study could not be created."]);
    }
    router.push(`/admin/studies/${body.studyId}`);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-5 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <label htmlFor="name" className={label}>Study name</label>
        <input id="name" name="name" className={input} required aria-describedby="name-hint" />
        <p id="name-hint" className="mt-1 text-xs text-slate-500">Raters see the name and description: do not name the models there.</p>
      </div>
      <div className="sm:col-span-2"><label htmlFor="description" className={label}>Description</label><input id="description" name="description" className={input} /></div>
      <fieldset className="sm:col-span-2">
        <legend className={label}>Models to compare (two or more)</legend>
        {models.length === 0 && <p className="text-sm text-slate-600">No models yet: upload model outputs first.</p>}
        <div className="grid gap-1 sm:grid-cols-2">
          {models.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="modelIds" value={m.id} /> {m.name} <span className="text-slate-500">({m.outputs} outputs)</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <label htmlFor="guidelines" className={label}>Rater guidelines (markdown)</label>
        <textarea id="guidelines" name="guidelines" rows={5} className={input}
          defaultValue={"Read the instruction, then both answers. Pick the answer that follows the instruction better: correct, helpful, clear. Length alone is not quality."} />
      </div>
      <div><label htmlFor="votesPerPair" className={label}>Votes wanted per pair</label><input id="votesPerPair" name="votesPerPair" type="number" min={1} max={100} defaultValue={3} className={input} /></div>
      <div>
        <label htmlFor="rationale" className={label}>Ask raters for a rationale</label>
        <select id="rationale" name="rationale" className={input} defaultValue="OFF">
          <option value="OFF">No</option><option value="OPTIONAL">Optional</option><option value="REQUIRED">Required</option>
        </select>
      </div>
      <div><label htmlFor="sampleSize" className={label}>Sample size (prompts; empty = all)</label><input id="sampleSize" name="sampleSize" type="number" min={1} className={input} /></div>
      <div><label htmlFor="seed" className={label}>Seed (for sampling)</label><input id="seed" name="seed" type="number" min={0} defaultValue={1} className={input} /></div>
      <div><label htmlFor="minSecondsPerPair" className={label}>Flag votes faster than (seconds)</label><input id="minSecondsPerPair" name="minSecondsPerPair" type="number" min={0} defaultValue={0} className={input} /></div>
      <div><label htmlFor="completionCode" className={label}>Completion code (crowd platforms)</label><input id="completionCode" name="completionCode" className={input} /></div>
      <div><label htmlFor="completionUrl" className={label}>Completion redirect URL (crowd platforms)</label><input id="completionUrl" name="completionUrl" type="url" className={input} /></div>
      <div><label htmlFor="crowdIdParam" className={label}>Crowd participant id parameter</label><input id="crowdIdParam" name="crowdIdParam" defaultValue="PROLIFIC_PID" className={input} /></div>
      <RaterProtectionFields />
      <div className="space-y-1 text-sm sm:col-span-2">
        <label className="flex items-center gap-2"><input type="checkbox" name="crowdEnabled" /> Crowd entry: a link that accepts a participant id and needs no password</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="allowTie" defaultChecked /> Offer &quot;Tie&quot;</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="allowBothBad" defaultChecked /> Offer &quot;Both are bad&quot;</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="allModelPairs" defaultChecked /> With 3+ models: every model pair on every prompt (else one pair per prompt, balanced)</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="excludeLeaks" /> Exclude prompts whose outputs may reveal their author</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="revealAfterVote" /> Reveal the models to raters after each vote</label>
      </div>
      {errors.length > 0 && (
        <ul role="alert" className="list-disc rounded-md bg-red-50 p-3 pl-8 text-sm text-red-800 sm:col-span-2">{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
      )}
      <div className="sm:col-span-2"><Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create study"}</Button></div>
    </form>
  );
}
