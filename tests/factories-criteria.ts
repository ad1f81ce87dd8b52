// A study judged on several criteria in a known pattern, for the criteria tests of the data path, the
// results and the exports: the primary "overall" plus "helpful" and "harmless", every rater voting on
// every pair, each choice given in the pair's own A/B terms and sent as the side the rater saw.
import { nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { VoteChoice } from "@/lib/validation/vote";
import { makeOpenStudy, makeRaters } from "./factories-voting";

export const JUDGED_CRITERIA = {
  create: [
    { key: "overall", label: "Overall", question: "Which answer is better overall?", position: 0 },
    { key: "helpful", label: "Helpful", question: "", position: 1 },
    { key: "harmless", label: "Harmless", question: "", position: 2 },
  ],
};

/** A choice in the pair's own terms: A's answer, B's, a tie, both bad. */
export type PairChoice = "A" | "B" | "TIE" | "BOTH_BAD";
/** One vote: its choice on each criterion, by key. */
export type JudgedVote = Record<"overall" | "helpful" | "harmless", PairChoice>;

/** [pair][rater]: 3 pairs, 3 raters. */
export const JUDGE_PLAN: JudgedVote[][] = [
  [{ overall: "A", helpful: "A", harmless: "B" }, { overall: "A", helpful: "A", harmless: "A" }, { overall: "B", helpful: "A", harmless: "TIE" }],
  [{ overall: "B", helpful: "B", harmless: "B" }, { overall: "B", helpful: "A", harmless: "B" }, { overall: "TIE", helpful: "TIE", harmless: "A" }],
  [{ overall: "A", helpful: "B", harmless: "A" }, { overall: "BOTH_BAD", helpful: "BOTH_BAD", harmless: "B" }, { overall: "A", helpful: "A", harmless: "A" }],
];

/** The side a rater presses for a choice in A/B terms, given which output was shown on the left. */
export function sideOf(choice: PairChoice, leftIsA: boolean): VoteChoice {
  if (choice === "TIE" || choice === "BOTH_BAD") return choice;
  return (choice === "A") === leftIsA ? "LEFT" : "RIGHT";
}

/** Casts `plan` ([pair][rater], every rater on every pair) on a fresh study with its criteria. */
export async function makeJudgedStudy(plan: JudgedVote[][] = JUDGE_PLAN) {
  const raterCount = plan[0]!.length;
  const f = await makeOpenStudy(plan.length, { criteria: JUDGED_CRITERIA, votesPerPair: raterCount });
  const raters = await makeRaters(f.study.id, raterCount);
  for (const [r, rater] of raters.entries()) {
    for (let i = 0; i < plan.length; i++) {
      const pair = await nextAssignment(f.study.id, rater.id);
      if (isRaterError(pair) || !("assignmentId" in pair)) throw new Error("no pair");
      const p = f.pairs.findIndex((x) => pair.left.text === x.outputA.text || pair.left.text === x.outputB.text);
      const leftIsA = pair.left.text === f.pairs[p]!.outputA.text;
      const vote = plan[p]![r]!;
      const reply = await recordVote(f.study.id, rater.id, {
        assignmentId: pair.assignmentId, choice: sideOf(vote.overall, leftIsA),
        criteria: { helpful: sideOf(vote.helpful, leftIsA), harmless: sideOf(vote.harmless, leftIsA) },
      });
      if (isRaterError(reply)) throw new Error(reply.code);
    }
  }
  return { ...f, raters };
}
