"use client";
// The figures of a frozen result, read-only: the dashboard's sections fed from the stored figures
// (no refresh, no rater toggles, no prompt list: the export holds every vote).
import type { StudyResults } from "@/lib/results/types";
import { CriteriaSection } from "./criteria-section";
import { CategoriesAndTime, StudyStopping, TotalsGrid } from "./figure-sections";
import { FiguresByTurn } from "./turn-figures";
import { PanelsSection } from "./panels-section";

export function FrozenFigures({ figures: r }: { figures: StudyResults }) {
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">Models: {r.study.models.join(r.study.models.length === 2 ? " vs " : " · ")}</p>
      <TotalsGrid results={r} />
      <StudyStopping results={r} />
      <FiguresByTurn results={r} />
      <CriteriaSection criteria={r.criteria} />
      <CategoriesAndTime results={r} />
      <PanelsSection panels={r.panels ?? []} />
    </div>
  );
}
