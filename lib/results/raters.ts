// The per-rater table: pseudonym, volume, speed, side preference, agreement, gold accuracy, flags
// and undone votes, with suspicious raters marked by documented thresholds (see RATER_THRESHOLDS).
import { reliabilityFlags, type RaterReferenceCounts } from "@/lib/stats/rater-reliability";
import type { RaterStatsRow } from "./inputs";
import type { RaterFlag, RaterJson, RaterThresholds } from "./types";

/**
 * sideShare/minDecisive: a rater who picks the same side in >= 90% of 10+ decisive votes is
 * probably not reading (sides are randomized). minMedianSeconds: used when the study sets no
 * minSecondsPerPair; reading an instruction and two answers takes longer than 5 s.
 * Gold: below 50% on 3+ gold pairs is worse than guessing between two answers.
 * Chance agreement (no gold needed): agreement with unanimous others not shown above chance at
 * alpha 0.01, Holm-corrected across raters, among raters with 10+ reference votes.
 */
export const DEFAULT_MIN_MEDIAN_SECONDS = 5;

export function raterThresholds(minSecondsPerPair: number): RaterThresholds {
  return {
    sideShare: 0.9,
    minDecisive: 10,
    minMedianSeconds: minSecondsPerPair > 0 ? minSecondsPerPair : DEFAULT_MIN_MEDIAN_SECONDS,
    minGoldVotes: 3,
    minGoldAccuracy: 0.5,
    reliabilityAlpha: 0.01,
    minReference: 10,
  };
}

function flags(r: RaterJson, t: RaterThresholds): RaterFlag[] {
  const out: RaterFlag[] = [];
  const decisive = r.left + r.right;
  if (decisive >= t.minDecisive && r.leftShare !== null) {
    if (r.leftShare >= t.sideShare) out.push("always-left");
    if (r.leftShare <= 1 - t.sideShare) out.push("always-right");
  }
  if (r.medianSeconds !== null && r.medianSeconds < t.minMedianSeconds) out.push("too-fast");
  if (r.gold && r.gold.total >= t.minGoldVotes && (r.gold.accuracy ?? 1) < t.minGoldAccuracy) out.push("low-gold");
  return out;
}

export function referenceCounts(s: RaterStatsRow): RaterReferenceCounts {
  return {
    votes: { A: s.ownA ?? 0, B: s.ownB ?? 0, TIE: s.ownTie ?? 0, BOTH_BAD: s.ownBothBad ?? 0 },
    reference: { A: s.refA ?? 0, B: s.refB ?? 0, TIE: s.refTie ?? 0, BOTH_BAD: s.refBothBad ?? 0 },
    agreed: s.refAgreed ?? 0,
  };
}

export function raterRows(stats: readonly RaterStatsRow[], t: RaterThresholds): RaterJson[] {
  const reliability = reliabilityFlags(stats.map(referenceCounts), t.reliabilityAlpha, t.minReference);
  return stats.map((s, i) => {
    const rel = reliability[i]!;
    const a = { agreed: s.agreed ?? 0, compared: s.compared ?? 0 };
    const decisive = s.left + s.right;
    const row: RaterJson = {
      pseudonym: s.pseudonym,
      votes: s.votes,
      left: s.left,
      right: s.right,
      ties: s.ties,
      bothBad: s.bothBad,
      leftShare: decisive === 0 ? null : s.left / decisive,
      medianSeconds: s.medianMs === null ? null : s.medianMs / 1000,
      agreement: { agreed: a.agreed, compared: a.compared, rate: a.compared === 0 ? null : a.agreed / a.compared },
      tooFastVotes: s.tooFast,
      flaggedAssignments: s.flagged,
      undone: s.undone,
      reliability: { n: rel.n, agreed: rel.agreed, expected: rel.expected, pValue: rel.pValue, adjustedP: rel.adjustedP },
      gold: s.goldVotes === 0 ? null : { correct: s.goldCorrect, total: s.goldVotes, accuracy: s.goldCorrect / s.goldVotes },
      suspicious: [],
    };
    row.suspicious = flags(row, t);
    if (rel.flagged) row.suspicious.push("chance-agreement");
    return row;
  });
}
