// A study whose raters marked answer issues in a known pattern, for the issue tests of the data path
// and of the results: three pairs, three raters each voting TIE, marks given by the pair's output A/B.
import { nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { makeOpenStudy, makeRaters } from "./factories-voting";

export const MARKED_ISSUES = {
  create: [{ key: "factual-error", label: "Factual error", position: 0 }, { key: "harmful", label: "Harmful", position: 1 }],
};

/** [pair][rater] → the keys marked on output A and on output B, whatever side each rater saw. */
export const MARK_PLAN: [string[], string[]][][] = [
  [[["harmful"], []], [["harmful", "factual-error"], []], [[], ["factual-error"]]],
  [[[], []], [["harmful"], ["harmful"]], [[], []]],
  [[["factual-error"], []], [[], []], [["factual-error"], []]],
];

export async function makeMarkedStudy() {
  const f = await makeOpenStudy(3, { issues: MARKED_ISSUES, votesPerPair: 3 });
  const raters = await makeRaters(f.study.id, 3);
  for (const [r, rater] of raters.entries()) {
    for (let i = 0; i < 3; i++) {
      const pair = await nextAssignment(f.study.id, rater.id);
      if (isRaterError(pair) || !("assignmentId" in pair)) throw new Error("no pair");
      const p = f.pairs.findIndex((x) => pair.left.text === x.outputA.text || pair.left.text === x.outputB.text);
      const leftIsA = pair.left.text === f.pairs[p]!.outputA.text;
      const [onA, onB] = MARK_PLAN[p]![r]!;
      const issues = leftIsA ? { left: onA, right: onB } : { left: onB, right: onA };
      const reply = await recordVote(f.study.id, rater.id, { assignmentId: pair.assignmentId, choice: "TIE", issues });
      if (isRaterError(reply)) throw new Error(reply.code);
    }
  }
  return { ...f, raters };
}
