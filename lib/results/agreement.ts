// Inter-rater agreement over pairs with 2+ votes: Fleiss' kappa and raw pairwise agreement,
// with four categories (A wins, B wins, tie, both bad) in the pair's own A/B terms.
import { fleissKappa, pairwiseAgreement } from "@/lib/stats/agreement";
import { percent } from "./format";
import type { PairPatternRow } from "./inputs";
import type { AgreementJson } from "./types";

/** Landis & Koch's (1977) labels, the usual plain-language reading of kappa. */
export function kappaLabel(kappa: number): string {
  if (kappa < 0) return "worse than chance";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almost perfect";
}

export function agreementJson(rows: readonly PairPatternRow[]): AgreementJson {
  // One item per pair: a pattern shared by n pairs is the same counts n times (one array, n references).
  const counts: number[][] = [];
  for (const r of rows) {
    if (r.winsA + r.winsB + r.ties + r.bothBad < 2) continue;
    const item = [r.winsA, r.winsB, r.ties, r.bothBad];
    for (let i = 0; i < r.pairs; i++) counts.push(item);
  }
  const fleiss = fleissKappa(counts);
  const pairwise = pairwiseAgreement(counts);
  let summary = "No prompt has two votes yet.";
  if (fleiss) {
    const kappa = fleiss.kappa === null ? "undefined (every vote in one category)" : `${fleiss.kappa.toFixed(3)} (${kappaLabel(fleiss.kappa)})`;
    summary = `Fleiss' kappa ${kappa} over ${fleiss.items} pairs (prompt and model pair) with 2+ votes; raters agree in ${percent(pairwise)} of rater pairs.`;
  }
  return {
    fleissKappa: fleiss?.kappa ?? null,
    observed: fleiss?.observed ?? null,
    expected: fleiss?.expected ?? null,
    items: fleiss?.items ?? 0,
    pairwise,
    summary,
  };
}
