"use client";
// The researcher's dashboard: every results section, fed by one results object that refreshes
// every 10 s while the study is open; excluding a rater refetches every figure without them.
import { useState } from "react";
import type { ExportCriterion } from "@/lib/exports/types";
import type { ResultsResponse } from "@/lib/results/types";
import type { StudyResults } from "@/lib/results/types";
import { CriteriaSection } from "./criteria-section";
import { ExportLinks } from "./export-links";
import { IssuesSection } from "./issues-section";
import { JudgesSection } from "./judges-section";
import { PanelsSection } from "./panels-section";
import { PromptsSection } from "./prompts-section";
import { RatersSection } from "./raters-section";
import { CategoriesAndTime, StudyStopping, TotalsGrid } from "./figure-sections";
import { FiguresByTurn } from "./turn-figures";
import { resultsUrl, useResults, type PromptQuery } from "./use-results";

export type ResultsDashboardProps = {
  initial: ResultsResponse;
  initialExclude: string[];
  /** The study's criteria (primary first) the one-preference exports may read; none: one overall choice. */
  exportCriteria?: ExportCriterion[];
  /** The study judges conversations: the exports that cannot hold them are not offered. */
  conversations?: boolean;
};

const FIRST_PAGE: PromptQuery = { page: 1, outcome: "", winner: "", category: "", model: "", q: "" };

function keepExcludeInAddressBar(exclude: string[]) {
  const url = new URL(window.location.href);
  if (exclude.length) url.searchParams.set("exclude", exclude.join(","));
  else url.searchParams.delete("exclude");
  window.history.replaceState(null, "", url);
}

export function ResultsDashboard({ initial, initialExclude, exportCriteria = [], conversations = false }: ResultsDashboardProps) {
  const studyId = initial.study.id;
  const [exclude, setExclude] = useState(initialExclude);
  const [promptQuery, setPromptQuery] = useState(FIRST_PAGE);
  const live = initial.study.status === "OPEN";
  const { results: r, error, reload } = useResults(initial, resultsUrl(studyId, exclude, promptQuery), live);

  const toggle = (pseudonym: string) => {
    const next = exclude.includes(pseudonym) ? exclude.filter((p) => p !== pseudonym) : [...exclude, pseudonym];
    setExclude(next);
    keepExcludeInAddressBar(next);
  };
  const detailUrl = (pairId: string) =>
    `/api/studies/${encodeURIComponent(studyId)}/results?pair=${encodeURIComponent(pairId)}${exclude.length ? `&exclude=${encodeURIComponent(exclude.join(","))}` : ""}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        {/* The page's one model order (leader first, or by ranking): the same in every table, chart and legend. */}
        <span>Models: {r.study.models.join(r.study.models.length === 2 ? " vs " : " · ")}</span>
        <span aria-live="polite">{live ? "Live: refreshes every 10 seconds" : `Study ${r.study.status.toLowerCase()}`}</span>
        {/* Large studies' figures may come from a server cache a few seconds old: say when they were computed. */}
        <span title="When these figures were computed">as of {r.generatedAt.slice(11, 19)} UTC</span>
        {r.study.isDemo && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs">demo data</span>}
        {error && <span role="alert" className="text-red-700">{error}</span>}
      </div>
      <TotalsGrid results={r} />
      <StudyStopping results={r} />
      <LeftOutNote leftOut={r.study.leftOutAtCreation} />
      <FiguresByTurn results={r} />
      <CriteriaSection criteria={r.criteria} />
      {/* Kept figures from before answer issues have no list: none to show. */}
      <IssuesSection issues={r.issues ?? []} />
      <RatersSection raters={r.raters} thresholds={r.raterThresholds} excluded={exclude} onToggle={toggle} />
      <CategoriesAndTime results={r} />
      <JudgesSection judges={r.judges} studyId={studyId} onImported={reload} />
      <PanelsSection panels={r.panels ?? []} studyId={studyId} onAttached={reload} />
      <PromptsSection page={r.prompts} query={promptQuery} models={r.study.models} onQuery={setPromptQuery} detailUrl={detailUrl} sampling={Boolean(r.sequential?.samplingNote)} />
      <ExportLinks studyId={studyId} criteria={exportCriteria} conversations={conversations} />
    </div>
  );
}

// Leaving pairs out is not random (answers that name their model, or identical or empty ones): the
// figures describe the pairs that remained, and a reader must be told so.
function LeftOutNote({ leftOut }: { leftOut: StudyResults["study"]["leftOutAtCreation"] }) {
  const parts = [
    leftOut.selfReference ? `${leftOut.selfReference} with an answer that may name its model` : null,
    leftOut.identicalOrEmpty ? `${leftOut.identicalOrEmpty} with identical or empty answers` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Left out when the study was created, and never voted on: {parts.join(" and ")} (pairs). That is not a
      random sample: every figure below describes the remaining pairs only.
    </p>
  );
}
