// Excluding a pair while a study runs (the pairs page's "Exclude this pair"): the pairs page lists
// what raters flagged and what may name its author, the excluded pair is served to nobody and left out
// of the figures, a vote on it by a rater who held it is kept, and counting it again serves it again.
import { describe, expect, it } from "vitest";
import { flagAssignment, nextAssignment } from "@/lib/data/assignments";
import { SYSTEM } from "@/lib/data/audit";
import { reviewLeak } from "@/lib/data/leak-review";
import { listPairsForReview, setPairExcluded } from "@/lib/data/pair-review";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair } from "@/lib/rating/types";
import { getStudyResults } from "@/lib/results/study-results";
import { makeConversationStudy } from "./factories-conversations";
import { makeModels } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}
const pairOf = async (assignmentId: string) =>
  (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { pairId: true } })).pairId;

describe("the pairs page's lists", () => {
  it("filters by rater flags, possible author leaks and exclusion, with each filter's count and the flags' reasons", async () => {
    const f = await makeOpenStudy(4, { votesPerPair: 3 });
    const [first, second] = await makeRaters(f.study.id, 2);
    // Both raters flag the pair they are served first; the pair each got is what counts.
    const flaggedPairs = new Set<string>();
    for (const [rater, reason] of [[first!, "An answer reveals which model wrote it: says it is GPT"], [second!, "The instruction is unclear or broken"]] as const) {
      const pair = served(await nextAssignment(f.study.id, rater.id));
      expect(await flagAssignment(f.study.id, rater.id, pair.assignmentId, reason)).toBeNull();
      flaggedPairs.add(await pairOf(pair.assignmentId));
    }
    await db.output.update({ where: { id: f.pairs[3]!.outputB.id }, data: { leakPhrase: "as an ai language model" } });
    expect(await setPairExcluded(f.study.id, f.pairs[2]!.id, true, SYSTEM)).toBe(true);

    const all = await listPairsForReview(f.study.id, 0);
    expect(all.counts).toEqual({ all: 4, flagged: flaggedPairs.size, leaks: 1, excluded: 1 });
    expect(all.total).toBe(4);

    const flagged = await listPairsForReview(f.study.id, 0, "flagged");
    expect(new Set(flagged.pairs.map((p) => p.id))).toEqual(flaggedPairs);
    const reasons = flagged.pairs.flatMap((p) => p.flags.map((x) => `${x.reason} — ${x.rater}`)).sort();
    expect(reasons).toEqual([
      `An answer reveals which model wrote it: says it is GPT — ${first!.pseudonym}`,
      `The instruction is unclear or broken — ${second!.pseudonym}`,
    ].sort());
    expect(flagged.pairs.reduce((n, p) => n + p.flagCount, 0)).toBe(2);

    const leaks = await listPairsForReview(f.study.id, 0, "leaks");
    expect(leaks.pairs.map((p) => [p.id, p.leakA, p.leakB])).toEqual([[f.pairs[3]!.id, null, "as an ai language model"]]);
    // A cleared flag is no longer a leak.
    expect(await reviewLeak(f.pairs[3]!.outputB.id, "CLEARED")).toBe(true);
    expect((await listPairsForReview(f.study.id, 0, "leaks")).pairs).toEqual([]);

    const excluded = await listPairsForReview(f.study.id, 0, "excluded");
    expect(excluded.pairs.map((p) => [p.id, p.excluded])).toEqual([[f.pairs[2]!.id, true]]);
    expect(all.pairs.filter((p) => p.excluded).map((p) => p.id)).toEqual([f.pairs[2]!.id]);
  });

  it("searches the instructions, case-insensitively, with % and _ as plain characters; the counts follow the search", async () => {
    const f = await makeOpenStudy(3);
    const tag = f.pairs[1]!.prompt.instruction.split(" ").at(-1)!;
    expect(await setPairExcluded(f.study.id, f.pairs[1]!.id, true, SYSTEM)).toBe(true);
    const found = await listPairsForReview(f.study.id, 0, "all", `INSTRUCTION 1 ${tag.toUpperCase()}`);
    expect(found.pairs.map((p) => p.id)).toEqual([f.pairs[1]!.id]);
    expect(found.counts).toEqual({ all: 1, flagged: 0, leaks: 0, excluded: 1 });
    expect((await listPairsForReview(f.study.id, 0, "excluded", "Instruction 2")).pairs).toEqual([]);
    expect((await listPairsForReview(f.study.id, 0, "all", "%")).total).toBe(0);
    expect((await listPairsForReview(f.study.id, 0, "all", "Instruction _")).total).toBe(0);
    expect((await listPairsForReview(f.study.id, 0, "all", "")).total).toBe(3);
  });

  it("names the turn each pair of a conversation judged turn by turn is about", async () => {
    const models = await makeModels("turns-a", "turns-b");
    const c = await makeConversationStudy(models, [1, 2], [{ category: null, userTurns: ["Hello?", "And then?"], answers: [["a1", "a2"], ["b1", "b2"]] }]);
    const { pairs } = await listPairsForReview(c.study.id, 0);
    expect(pairs.map((p) => [p.id, p.turn]).sort()).toEqual([[c.pair(0, 1).id, 1], [c.pair(0, 2).id, 2]].sort());
  });
});

describe("excluding a pair in an open study", () => {
  it("serves it to nobody, keeps the vote of a rater who held it out of the figures, and serves it again once counted", async () => {
    const f = await makeOpenStudy(2, { votesPerPair: 2 });
    const [holder, ...others] = await makeRaters(f.study.id, 4);
    const held = served(await nextAssignment(f.study.id, holder!.id));
    const heldPair = await pairOf(held.assignmentId);
    expect(await setPairExcluded(f.study.id, heldPair, true, SYSTEM)).toBe(true);

    // Every other rater gets only the other pair, then nothing.
    const otherPair = f.pairs.find((p) => p.id !== heldPair)!.id;
    for (const rater of others.slice(0, 2)) {
      const pair = served(await nextAssignment(f.study.id, rater.id));
      expect(await pairOf(pair.assignmentId)).toBe(otherPair);
      expect(isRaterError(await recordVote(f.study.id, rater.id, { assignmentId: pair.assignmentId, choice: "LEFT" }))).toBe(false);
    }
    expect(await nextAssignment(f.study.id, others[2]!.id)).toMatchObject({ done: true });

    // The holder's vote is accepted and kept, but counted only "with the excluded prompts".
    expect(isRaterError(await recordVote(f.study.id, holder!.id, { assignmentId: held.assignmentId, choice: "RIGHT" }))).toBe(false);
    expect(await db.vote.count({ where: { pairId: heldPair } })).toBe(1);
    const results = (await getStudyResults(f.study.id))!;
    expect(results.comparisons[0]!.tally.total).toBe(2);
    expect(results.study.excludedPairs).toBe(1);
    expect(results.comparisons[0]!.withExcluded).toMatchObject({ prompts: 1, tally: { total: 3 } });

    // Counted again, it is served again (it still wants a second vote).
    expect(await setPairExcluded(f.study.id, heldPair, false, SYSTEM)).toBe(true);
    expect(await pairOf(served(await nextAssignment(f.study.id, others[2]!.id)).assignmentId)).toBe(heldPair);
    const counted = (await getStudyResults(f.study.id))!;
    expect(counted.comparisons[0]!.tally.total).toBe(3);
    expect(counted.comparisons[0]!.withExcluded).toBeNull();

    const audit = await db.auditEvent.findMany({ where: { studyId: f.study.id }, orderBy: { id: "asc" }, select: { action: true, details: true } });
    expect(audit).toEqual([
      { action: "PROMPT_EXCLUDED", details: { pairId: heldPair } },
      { action: "PROMPT_INCLUDED", details: { pairId: heldPair } },
    ]);
  });

  it("refuses a pair of another study and leaves both untouched", async () => {
    const [a, b] = await Promise.all([makeOpenStudy(1), makeOpenStudy(1)]);
    expect(await setPairExcluded(a.study.id, b.pairs[0]!.id, true, SYSTEM)).toBe(false);
    expect(await db.pair.count({ where: { id: { in: [a.pairs[0]!.id, b.pairs[0]!.id] }, excluded: true } })).toBe(0);
  });
});
