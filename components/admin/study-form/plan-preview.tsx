// The counts the study will be made from, fetched as the admin chooses (POST /api/studies/preview):
// prompts all chosen models share, pairs left out for self-references and for identical or empty answers.
"use client";

import { useEffect, useState } from "react";
import type { StudyPlanCounts } from "@/lib/studies/study-plan";
import type { StudyPreviewInput } from "@/lib/validation/study";

export type PlanPreviewProps = { input: StudyPreviewInput | null };

// While a new count loads, the last one stays on screen (dimmed): the form below must not jump under the
// pointer each time a field changes (a click landing mid-jump ticks nothing).
type State =
  | { status: "idle" }
  | { status: "loading"; last?: { counts: StudyPlanCounts; input: StudyPreviewInput } }
  | { status: "ready"; counts: StudyPlanCounts; input: StudyPreviewInput }
  | { status: "failed"; message: string };

const n = (value: number, one: string, many: string) => `${value.toLocaleString("en")} ${value === 1 ? one : many}`;

function usePreview(input: StudyPreviewInput | null): State {
  const [state, setState] = useState<State>({ status: "idle" });
  const key = input ? JSON.stringify(input) : "";
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ status: "loading", last: s.status === "ready" ? { counts: s.counts, input: s.input } : s.status === "loading" ? s.last : undefined }));
      try {
        const res = await fetch("/api/studies/preview", { method: "POST", headers: { "content-type": "application/json" }, body: key, signal: controller.signal });
        const body = (await res.json()) as StudyPlanCounts & { error?: { message: string } };
        setState(res.ok ? { status: "ready", counts: body, input: JSON.parse(key) as StudyPreviewInput } : { status: "failed", message: body.error?.message ?? "Could not count the pairs." });
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: "failed", message: (error as Error).message });
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  return key ? state : { status: "idle" };
}

export function PlanPreview({ input }: PlanPreviewProps) {
  const state = usePreview(input);
  return (
    <section aria-labelledby="plan-preview-title" className="rounded-md bg-slate-50 p-4 text-sm sm:col-span-2">
      <h3 id="plan-preview-title" className="mb-2 font-semibold">What the study will get</h3>
      <div aria-live="polite" aria-busy={state.status === "loading"} className="min-h-28">
        {state.status === "idle" && <p className="text-slate-600">Choose two or more models to see how many prompts they share.</p>}
        {state.status === "loading" && !state.last && <p className="text-slate-600">Counting…</p>}
        {state.status === "loading" && state.last && <div className="opacity-60"><Counts counts={state.last.counts} input={state.last.input} /></div>}
        {state.status === "failed" && <p className="text-red-700">{state.message}</p>}
        {state.status === "ready" && <Counts counts={state.counts} input={state.input} />}
      </div>
    </section>
  );
}

function Counts({ counts, input }: { counts: StudyPlanCounts; input: StudyPreviewInput }) {
  const degenerate = counts.identicalPairs + counts.emptyPairs;
  return (
    <ul className="space-y-1">
      <li data-testid="shared-prompts"><strong className="tabular-nums">{n(counts.sharedPrompts, "prompt", "prompts")}</strong> answered by all {input.modelIds.length} chosen models.</li>
      <li data-testid="leak-pairs">
        {counts.leakPairs === 0 ? "No answer to them is flagged as naming its author." : <>
          <strong className="tabular-nums">{n(counts.leakPairs, "pair", "pairs")}</strong> on {n(counts.leakPrompts, "prompt", "prompts")} with an answer that may name its author:{" "}
          {input.excludeLeaks ? "left out." : <span className="font-medium text-amber-800">kept — raters may see who wrote them.</span>}
        </>}
      </li>
      <li data-testid="degenerate-pairs">
        {degenerate === 0 ? "No pair has identical or empty answers." : <>
          <strong className="tabular-nums">{n(counts.identicalPairs, "pair", "pairs")}</strong> with identical answers and{" "}
          <strong className="tabular-nums">{n(counts.emptyPairs, "pair", "pairs")}</strong> with an empty answer: {input.keepDegeneratePairs ? "kept." : "left out."}
        </>}
      </li>
      <li data-testid="study-pairs" className="pt-1 text-base">The study will have <strong className="tabular-nums">{n(counts.pairs, "pair", "pairs")}</strong>.</li>
    </ul>
  );
}
