// Several criteria per study (issue 20) against a real PostgreSQL: the list as set at creation (primary
// first), served with each pair and after an undo, every criterion's choice resolved from the side shown
// to the output, a vote refused unless it judges every criterion, retries the same vote only with the
// same choices, undo (kept in the undone copy) and immutability.
import { describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { createStudy } from "@/lib/data/study-admin";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair } from "@/lib/rating/types";
import { EXAMPLE_CRITERIA } from "@/lib/validation/criteria";
import { createStudySchema } from "@/lib/validation/study";
import { makeUser, unique } from "./factories";
import { JUDGE_PLAN, JUDGED_CRITERIA, makeJudgedStudy } from "./factories-criteria";
import { makeOpenStudy, makeRaters } from "./factories-voting";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

/** Every stored choice on the other criteria as "pair:rater:key:A|B|TIE|BOTH_BAD" in the pair's own terms. */
async function storedChoices(studyId: string, pairs: { id: string; outputAId: string }[], raterIds: string[]) {
  const rows = await db.voteCriterion.findMany({
    where: { studyId },
    select: { choice: true, winnerOutputId: true, criterion: { select: { key: true } }, vote: { select: { pairId: true, raterId: true } } },
  });
  return rows.map((r) => {
    const pair = pairs.findIndex((p) => p.id === r.vote.pairId);
    const side = r.winnerOutputId === null ? r.choice : r.winnerOutputId === pairs[pair]!.outputAId ? "A" : "B";
    return `${pair}:${raterIds.indexOf(r.vote.raterId)}:${r.criterion.key}:${side}`;
  }).sort();
}

describe("criteria", () => {
  it("are stored at creation in the admin's order (the first is the primary), keys from labels, questions after a colon", async () => {
    const admin = await makeUser("ADMIN");
    const models = await Promise.all([0, 1].map(() => db.languageModel.create({ data: { name: unique("model") } })));
    const prompt = await db.prompt.create({ data: { instruction: unique("p"), textHash: unique("h") } });
    await db.output.createMany({ data: models.map((m, i) => ({ promptId: prompt.id, modelId: m.id, text: `answer ${i}` })) });
    const input = createStudySchema.parse({ name: unique("study"), modelIds: models.map((m) => m.id), criteria: "Overall\nHelpful: Which answer does more of what was asked?\n" });
    const result = await createStudy(input, admin.id);
    if (!result.ok) throw new Error(result.message);
    const stored = await db.studyCriterion.findMany({ where: { studyId: result.studyId }, orderBy: { position: "asc" }, select: { key: true, label: true, question: true, position: true } });
    expect(stored).toEqual([
      { key: "overall", label: "Overall", question: "", position: 0 },
      { key: "helpful", label: "Helpful", question: "Which answer does more of what was asked?", position: 1 },
    ]);
    expect(createStudySchema.safeParse({ name: "s", modelIds: ["a", "b"], criteria: "Helpful\nhelpful: again" }).success).toBe(false);
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], criteria: EXAMPLE_CRITERIA }).criteria).toEqual(EXAMPLE_CRITERIA);
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"] }).criteria).toEqual([]);
  });

  it("are served with each pair, primary first, and not at all by a study that asks one overall choice", async () => {
    const f = await makeOpenStudy(1, { criteria: JUDGED_CRITERIA });
    const plain = await makeOpenStudy(1);
    const [rater] = await makeRaters(f.study.id, 1);
    await db.studyMember.create({ data: { studyId: plain.study.id, userId: rater!.id } });
    expect(served(await nextAssignment(f.study.id, rater!.id)).options.criteria).toEqual([
      { key: "overall", label: "Overall", question: "Which answer is better overall?" },
      { key: "helpful", label: "Helpful", question: "" },
      { key: "harmless", label: "Harmless", question: "" },
    ]);
    expect(served(await nextAssignment(plain.study.id, rater!.id)).options.criteria).toEqual([]);
  });

  it("store every criterion's choice on the output the rater chose, whatever side it was shown on", async () => {
    const f = await makeJudgedStudy();
    const ids = f.raters.map((r) => r.id);
    const expected = JUDGE_PLAN.flatMap((votes, p) => votes.flatMap((v, r) => [`${p}:${r}:helpful:${v.helpful}`, `${p}:${r}:harmless:${v.harmless}`])).sort();
    expect(await storedChoices(f.study.id, f.pairs, ids)).toEqual(expected);
    // The primary criterion stays the vote's own choice, counted in the pair tallies as before.
    const pair0 = await db.pair.findUniqueOrThrow({ where: { id: f.pairs[0]!.id }, select: { winsA: true, winsB: true, ties: true } });
    expect(pair0).toEqual({ winsA: 2, winsB: 1, ties: 0 });
    expect(await db.voteCriterion.count({ where: { studyId: f.study.id } })).toBe(18);
  });

  it("refuse a vote that misses a criterion, names an unknown one or offers a choice the study does not, writing nothing", async () => {
    const f = await makeOpenStudy(1, { criteria: JUDGED_CRITERIA, allowBothBad: false });
    const plain = await makeOpenStudy(1);
    const [rater] = await makeRaters(f.study.id, 1);
    await db.studyMember.create({ data: { studyId: plain.study.id, userId: rater!.id } });
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    const vote = (criteria: Record<string, "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD">) =>
      recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", criteria });
    expect(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT" })).toMatchObject({ status: 422, code: "criteria_incomplete" });
    expect(await vote({ helpful: "LEFT" })).toMatchObject({ status: 422, code: "criteria_incomplete" });
    expect(await vote({ helpful: "LEFT", harmless: "RIGHT", honest: "LEFT" })).toMatchObject({ status: 422, code: "unknown_criterion" });
    // The primary's key is the vote's own choice, not one of the others.
    expect(await vote({ helpful: "LEFT", harmless: "RIGHT", overall: "LEFT" })).toMatchObject({ status: 422, code: "unknown_criterion" });
    expect(await vote({ helpful: "LEFT", harmless: "BOTH_BAD" })).toMatchObject({ status: 422, code: "choice_not_allowed" });
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await db.voteCriterion.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(isRaterError(await vote({ helpful: "TIE", harmless: "RIGHT" }))).toBe(false);
    expect(await db.voteCriterion.count({ where: { studyId: f.study.id } })).toBe(2);
    // A study with one overall choice takes no criteria.
    const single = served(await nextAssignment(plain.study.id, rater!.id));
    expect(await recordVote(plain.study.id, rater!.id, { assignmentId: single.assignmentId, choice: "RIGHT", criteria: { helpful: "LEFT" } }))
      .toMatchObject({ status: 422, code: "unknown_criterion" });
  });

  it("make a retry the same vote only with the same choice on every criterion", async () => {
    const f = await makeOpenStudy(1, { criteria: JUDGED_CRITERIA });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    const vote = { assignmentId: pair.assignmentId, choice: "RIGHT" as const, criteria: { helpful: "RIGHT" as const, harmless: "TIE" as const } };
    const first = await recordVote(f.study.id, rater!.id, vote);
    expect(isRaterError(first)).toBe(false);
    expect(await recordVote(f.study.id, rater!.id, { ...vote, criteria: { harmless: "TIE", helpful: "RIGHT" } })).toEqual(first);
    expect(await recordVote(f.study.id, rater!.id, { ...vote, criteria: { helpful: "LEFT", harmless: "TIE" } })).toMatchObject({ status: 409, code: "already_voted" });
    expect(await recordVote(f.study.id, rater!.id, { ...vote, choice: "LEFT" })).toMatchObject({ code: "already_voted" });
    expect(await db.voteCriterion.count({ where: { studyId: f.study.id } })).toBe(2);
  });

  it("leave with an undone vote and are kept in its copy; the pair comes back with the criteria and takes new choices", async () => {
    const f = await makeOpenStudy(1, { criteria: JUDGED_CRITERIA, undoSeconds: 60 });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    const leftIsA = pair.left.text === f.pairs[0]!.outputA.text;
    await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", criteria: { helpful: "LEFT", harmless: "BOTH_BAD" } });
    const undone = await undoVote(f.study.id, rater!.id, pair.assignmentId);
    if (isRaterError(undone)) throw new Error(undone.code);
    expect(undone.pair.options.criteria.map((c) => c.key)).toEqual(["overall", "helpful", "harmless"]);
    expect(await db.voteCriterion.count({ where: { studyId: f.study.id } })).toBe(0);
    const copy = await db.undoneVote.findFirstOrThrow({ where: { studyId: f.study.id } });
    const leftOutput = leftIsA ? f.pairs[0]!.outputA.id : f.pairs[0]!.outputB.id;
    expect(copy.criteria).toEqual({ helpful: { choice: "LEFT", winnerOutputId: leftOutput }, harmless: { choice: "BOTH_BAD", winnerOutputId: null } });
    await recordVote(f.study.id, rater!.id, { assignmentId: undone.pair.assignmentId, choice: "RIGHT", criteria: { helpful: "RIGHT", harmless: "RIGHT" } });
    expect((await db.voteCriterion.findMany({ where: { studyId: f.study.id }, select: { choice: true } })).map((c) => c.choice)).toEqual(["RIGHT", "RIGHT"]);
  });

  it("cannot be changed after the vote, and a choice's criterion must belong to the vote's study", async () => {
    const f = await makeOpenStudy(1, { criteria: JUDGED_CRITERIA });
    const other = await makeOpenStudy(1, { criteria: { create: [{ key: "other", label: "Other", position: 0 }, { key: "more", label: "More", position: 1 }] } });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", criteria: { helpful: "TIE", harmless: "TIE" } });
    const chosen = await db.voteCriterion.findFirstOrThrow({ where: { studyId: f.study.id } });
    await expect(db.$executeRaw`UPDATE "VoteCriterion" SET choice = 'BOTH_BAD' WHERE "voteId" = ${chosen.voteId}`).rejects.toThrow(/cannot change/);
    const foreign = await db.studyCriterion.findFirstOrThrow({ where: { studyId: other.study.id, key: "more" } });
    await expect(db.voteCriterion.create({ data: { voteId: chosen.voteId, criterionId: foreign.id, studyId: f.study.id, choice: "TIE" } })).rejects.toThrow();
    // A side's choice names its winner and a draw names none.
    const helpful = await db.studyCriterion.findFirstOrThrow({ where: { studyId: f.study.id, key: "helpful" } });
    await db.voteCriterion.deleteMany({ where: { voteId: chosen.voteId, criterionId: helpful.id } });
    await expect(db.voteCriterion.create({ data: { voteId: chosen.voteId, criterionId: helpful.id, studyId: f.study.id, choice: "LEFT" } })).rejects.toThrow(/winner_matches_choice/);
    await expect(db.$executeRaw`INSERT INTO "StudyCriterion" (id, "studyId", key, label, position) VALUES (${unique("c")}, ${f.study.id}, 'Bad Key', 'x', 5)`).rejects.toThrow(/StudyCriterion_key_check/);
  });
});
