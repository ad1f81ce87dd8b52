"use client";

// The new-study form in groups (the study, models and prompts, voting, quality control, crowd entry
// folded until needed), checked field by field with the schema the server uses, each message at its field.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { criteriaProblem, criteriaValue, type CriteriaInput } from "@/lib/admin/criteria-input";
import type { ModelChoice } from "@/lib/admin/types";
import { createStudySchema, studyPreviewSchema, type StudyPreviewInput } from "@/lib/validation/study";
import { Checkbox, controlProps, Field, type FieldErrors, inputClass, NumberField, Section } from "./study-form/fields";
import { AdaptiveFields } from "./study-form/adaptive-fields";
import { ConversationFields } from "./study-form/conversation-fields";
import { CriteriaFields } from "./study-form/criteria-fields";
import { IssueFields } from "./study-form/issue-fields";
import { ModelPicker } from "./study-form/model-picker";
import { ConsentField, ScreenOutFields } from "./study-form/participant-fields";
import { PlanPreview } from "./study-form/plan-preview";

export type NewStudyFormProps = { models: ModelChoice[]; initialModelIds?: string[] };

const CROWD_FIELDS = ["crowdEnabled", "crowdIdParam", "completionCode", "completionUrl", "screenOutCode", "screenOutUrl"];

function formValues(form: FormData, modelIds: string[]) {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    name: text("name"), description: text("description"), guidelines: text("guidelines"),
    modelIds, votesPerPair: text("votesPerPair"),
    allowTie: form.has("allowTie"), allowBothBad: form.has("allowBothBad"), rationale: text("rationale"),
    sampleSize: text("sampleSize"), seed: text("seed"), allModelPairs: form.has("allModelPairs"),
    excludeLeaks: form.has("excludeLeaks"), keepDegeneratePairs: form.has("keepDegeneratePairs"), minSecondsPerPair: text("minSecondsPerPair"),
    judgedTurns: text("judgedTurns"), showSystemPrompt: form.has("showSystemPrompt"),
    adaptiveVotes: form.has("adaptiveVotes"), stopLevel: text("stopLevel"), voteBudget: text("voteBudget"), pairsPerPrompt: text("pairsPerPrompt"),
    pairSamplingRule: text("pairSamplingRule"),
    revealAfterVote: form.has("revealAfterVote"), completionCode: text("completionCode"),
    completionUrl: text("completionUrl"), crowdEnabled: form.has("crowdEnabled"), crowdIdParam: text("crowdIdParam"),
    voteSettleMs: text("voteSettleMs"), requireSeenBoth: form.has("requireSeenBoth"), undoSeconds: text("undoSeconds"),
    maxVotesPerRater: text("maxVotesPerRater"), minVotesForCompletion: text("minVotesForCompletion"),
    consentText: text("consentText"), screenOutCode: text("screenOutCode"), screenOutUrl: text("screenOutUrl"),
    issues: form.has("askIssues") ? text("issues") : "",
    criteria: criteriaValue(criteriaInput(form)),
  };
}

function criteriaInput(form: FormData): CriteriaInput {
  return { asked: form.has("askCriteria"), overall: form.has("criteriaOverall"), text: String(form.get("criteria") ?? "") };
}

/** The first message per field, keyed by the field's name. */
function byField(issues: { path: PropertyKey[] | string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(Array.isArray(issue.path) ? (issue.path[0] ?? "") : issue.path.split(".")[0]);
    errors[key || "form"] ??= issue.message;
  }
  return errors;
}

function previewInput(form: HTMLFormElement, modelIds: string[]): StudyPreviewInput | null {
  if (modelIds.length < 2) return null;
  const parsed = studyPreviewSchema.safeParse(formValues(new FormData(form), modelIds));
  return parsed.success ? parsed.data : null;
}

export function NewStudyForm({ models, initialModelIds = [] }: NewStudyFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState<string[]>(initialModelIds);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [crowdOpen, setCrowdOpen] = useState(false);
  const [plan, setPlan] = useState<StudyPreviewInput | null>(null);

  // A ref as well: the picker's change event bubbles to the form's onChange before `chosen` re-renders.
  const chosenRef = useRef<string[]>(initialModelIds);
  const refreshPlan = () => formRef.current && setPlan(previewInput(formRef.current, chosenRef.current));
  // Models preselected by a link (the upload summary's): the counts show from the start.
  useEffect(() => {
    if (chosenRef.current.length >= 2 && formRef.current) setPlan(previewInput(formRef.current, chosenRef.current));
  }, []);
  const choose = (ids: string[]) => {
    chosenRef.current = ids;
    setChosen(ids);
    setErrors((old) => ({ ...old, modelIds: undefined }));
    refreshPlan();
  };

  function showErrors(found: FieldErrors) {
    setErrors(found);
    if (CROWD_FIELDS.some((f) => found[f])) setCrowdOpen(true);
    const first = Object.keys(found).find((k) => k !== "form");
    // After the render that opens the crowd section, so a field inside it can take focus.
    const target = first === "modelIds" ? "model-search" : first;
    requestAnimationFrame(() => target && document.getElementById(target)?.focus());
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createStudySchema.safeParse(formValues(form, chosen));
    // The criteria's own message (an empty list, the overall line twice, too many) is the clearer one.
    const criteria = criteriaProblem(criteriaInput(form));
    if (!parsed.success) return showErrors({ ...byField(parsed.error.issues), ...(criteria ? { criteria } : {}) });
    if (criteria) return showErrors({ criteria });
    if (form.has("askIssues") && parsed.data.issues.length === 0) {
      return showErrors({ issues: "List at least one issue, or untick the box above." });
    }
    setPending(true);
    setErrors({});
    const res = await fetch("/api/studies", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = (await res.json()) as { studyId?: string; error?: { message: string; issues?: { path: string; message: string }[] } };
    if (!res.ok || !body.studyId) {
      setPending(false);
      const issues = Array.isArray(body.error?.issues) ? byField(body.error.issues) : {};
      return showErrors({ ...issues, form: body.error?.message ?? "The study could not be created." });
    }
    router.push(`/admin/studies/${body.studyId}`);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={() => refreshPlan()} className="space-y-6" noValidate aria-label="New study">
      <Section title="The study" description="Raters see the name, description and guidelines: do not name the models there.">
        <Field name="name" label="Study name" errors={errors} className="sm:col-span-2">
          <input className={inputClass} required {...controlProps("name", errors)} />
        </Field>
        <Field name="description" label="Description" errors={errors} className="sm:col-span-2">
          <input className={inputClass} {...controlProps("description", errors)} />
        </Field>
        <Field name="guidelines" label="Rater guidelines (markdown)" errors={errors} className="sm:col-span-2">
          <textarea rows={4} className={inputClass} {...controlProps("guidelines", errors)}
            defaultValue={"Read the instruction, then both answers. Pick the answer that follows the instruction better: correct, helpful, clear. Length alone is not quality."} />
        </Field>
        <ConsentField errors={errors} />
      </Section>

      <Section title="Models and prompts" description="Pairs are the prompts all chosen models answered.">
        <ModelPicker models={models} chosen={chosen} onChange={choose} errors={errors} />
        <NumberField name="sampleSize" label="Sample size (prompts; empty = all)" min={1} errors={errors} />
        <NumberField name="seed" label="Seed (for sampling and dealing pairs)" min={0} defaultValue={1} errors={errors} />
        <div className="space-y-3 sm:col-span-2">
          <Checkbox name="excludeLeaks" defaultChecked errors={errors} label="Exclude prompts where an answer may reveal its author"
            hint="A self-reference such as “I'm Alpaca” or “trained by OpenAI”, not cleared on the uploads page. The prompt is left out for every model." />
          <Checkbox name="keepDegeneratePairs" errors={errors} label="Keep pairs whose answers are identical or empty"
            hint="Identical after whitespace is ignored. Left out by default: raters cannot prefer one." />
          <Checkbox name="allModelPairs" defaultChecked errors={errors}
            label="With 3+ models: every model pair on every prompt (else one pair per prompt, balanced)" />
        </div>
        <ConversationFields errors={errors} />
        <PlanPreview input={plan} />
      </Section>

      <Section title="Voting">
        <NumberField name="votesPerPair" label="Votes wanted per pair" min={1} max={100} defaultValue={3} errors={errors} />
        <Field name="rationale" label="Ask raters for a rationale" errors={errors}>
          <select className={inputClass} defaultValue="OFF" {...controlProps("rationale", errors)}>
            <option value="OFF">No</option><option value="OPTIONAL">Optional</option><option value="REQUIRED">Required</option>
          </select>
        </Field>
        <div className="space-y-2 sm:col-span-2">
          <Checkbox name="allowTie" defaultChecked errors={errors} label="Offer “Tie”" />
          <Checkbox name="allowBothBad" defaultChecked errors={errors} label="Offer “Both are bad”" />
          <Checkbox name="revealAfterVote" errors={errors} label="Reveal the models to raters after each vote" />
        </div>
        <AdaptiveFields errors={errors} models={chosen.length} />
        <CriteriaFields errors={errors} />
        <IssueFields errors={errors} />
      </Section>

      <QualityControl errors={errors} />

      <details open={crowdOpen} onToggle={(e) => setCrowdOpen(e.currentTarget.open)} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <summary className="cursor-pointer text-base font-semibold">Crowd entry (Prolific and similar platforms)</summary>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Checkbox name="crowdEnabled" errors={errors} label="Crowd entry: a link that accepts a participant id and needs no password" />
          </div>
          <Field name="crowdIdParam" label="Participant id parameter" errors={errors}>
            <input defaultValue="PROLIFIC_PID" className={inputClass} {...controlProps("crowdIdParam", errors)} />
          </Field>
          <Field name="completionCode" label="Completion code" errors={errors}>
            <input className={inputClass} {...controlProps("completionCode", errors)} />
          </Field>
          <Field name="completionUrl" label="Completion redirect URL" errors={errors} className="sm:col-span-2">
            <input type="url" className={inputClass} {...controlProps("completionUrl", errors)} />
          </Field>
          <ScreenOutFields errors={errors} />
        </div>
      </details>

      {errors.form && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{errors.form}</p>}
      {Object.entries(errors).some(([k, v]) => k !== "form" && v) && (
        <p role="alert" className="text-sm font-medium text-red-700">Some fields need attention: see the messages beside them.</p>
      )}
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create study"}</Button>
    </form>
  );
}

// Every vote deliberate (settle time, seen-both, undo window, per-rater cap, votes needed for the
// code) and the researcher's own fast-vote flag.
function QualityControl({ errors }: { errors: FieldErrors }) {
  return (
    <Section title="Quality control">
      <NumberField name="minSecondsPerPair" label="Flag votes faster than (seconds)" min={0} defaultValue={0} errors={errors}
        hint="Flagged votes can be left out on the results page." />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2 sm:p-4">
        <legend className="px-1 text-sm font-semibold">Deliberate votes</legend>
        <NumberField name="voteSettleMs" label="Votes ignored after a pair appears (ms)" min={0} max={10_000} defaultValue={300} errors={errors}
          hint="So a double click or a held key cannot vote on a pair the rater has not read." />
        <NumberField name="undoSeconds" label="Undo window (seconds; 0 = no undo)" min={0} max={300} defaultValue={10} errors={errors}
          hint="Raters may take back their last vote this long; never once the models are revealed or the code shown." />
        <NumberField name="maxVotesPerRater" label="Most votes per rater (empty = no limit)" min={1} errors={errors}
          hint="A rater who reaches it is done, with the completion code." />
        <NumberField name="minVotesForCompletion" label="Votes needed for the completion code" min={0} defaultValue={1} errors={errors}
          hint="Flagged pairs do not count." />
        <div className="sm:col-span-2">
          <Checkbox name="requireSeenBoth" defaultChecked errors={errors} label="Accept a vote only once the rater has seen both answers to their end" />
        </div>
      </fieldset>
    </Section>
  );
}
