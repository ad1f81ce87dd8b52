// Answer issues (issue 20) against a real PostgreSQL: the study's list as set at creation, served with
// each pair, marks resolved from the side shown to the output, refused when unknown, part of the vote
// for retries, undo (kept in the undone copy) and immutability.
import { describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { exportVoteBatches } from "@/lib/data/results/export-votes";
import { answerRatings } from "@/lib/data/results/issue-ratings";
import { archiveStream } from "@/lib/data/study-archive";
import { voteCsv, voteJson } from "@/lib/exports/formats";
import type { ExportVote } from "@/lib/exports/types";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { createStudy } from "@/lib/data/study-admin";
import { db } from "@/lib/db";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair } from "@/lib/rating/types";
import { DEFAULT_ANSWER_ISSUES } from "@/lib/validation/answer-issues";
import { createStudySchema } from "@/lib/validation/study";
import { makeUser, unique } from "./factories";
import { makeMarkedStudy } from "./factories-issues";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const ISSUES = { create: [{ key: "factual-error", label: "Factual error", position: 0 }, { key: "harmful", label: "Harmful", position: 1 }] };

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

/** The vote's marks as (model side in the pair, key), whatever side the rater saw each output on. */
async function marksOf(studyId: string) {
  const rows = await db.voteIssue.findMany({ where: { studyId }, select: { outputId: true, issue: { select: { key: true } }, vote: { select: { pair: { select: { outputAId: true } } } } } });
  return rows.map((r) => `${r.outputId === r.vote.pair.outputAId ? "A" : "B"}:${r.issue.key}`).sort();
}

describe("answer issues", () => {
  it("are stored at creation in the admin's order, keys from labels, and refused when two share a key", async () => {
    const admin = await makeUser("ADMIN");
    const models = await Promise.all([0, 1].map(() => db.languageModel.create({ data: { name: unique("model") } })));
    const prompt = await db.prompt.create({ data: { instruction: unique("p"), textHash: unique("h") } });
    await db.output.createMany({ data: models.map((m, i) => ({ promptId: prompt.id, modelId: m.id, text: `answer ${i}` })) });
    const input = createStudySchema.parse({ name: unique("study"), modelIds: models.map((m) => m.id), issues: "Made-up facts\nRude tone\n" });
    const result = await createStudy(input, admin.id);
    if (!result.ok) throw new Error(result.message);
    const stored = await db.studyIssue.findMany({ where: { studyId: result.studyId }, orderBy: { position: "asc" }, select: { key: true, label: true } });
    expect(stored).toEqual([{ key: "made-up-facts", label: "Made-up facts" }, { key: "rude-tone", label: "Rude tone" }]);
    expect(createStudySchema.safeParse({ name: "s", modelIds: ["a", "b"], issues: "Rude tone!\nRude  tone" }).success).toBe(false);
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], issues: DEFAULT_ANSWER_ISSUES }).issues).toEqual(DEFAULT_ANSWER_ISSUES);
  });

  it("are served with each pair in order, and not at all by a study that asks for none", async () => {
    const f = await makeOpenStudy(1, { issues: ISSUES });
    const plain = await makeOpenStudy(1);
    const [rater] = await makeRaters(f.study.id, 1);
    await db.studyMember.create({ data: { studyId: plain.study.id, userId: rater!.id } });
    expect(served(await nextAssignment(f.study.id, rater!.id)).options.issues).toEqual([{ key: "factual-error", label: "Factual error" }, { key: "harmful", label: "Harmful" }]);
    expect(served(await nextAssignment(plain.study.id, rater!.id)).options.issues).toEqual([]);
  });

  it("are resolved from the side the rater saw to the output shown there, in both orientations", async () => {
    // The side shown left is a coin flip per fresh pair: votes go on until both orientations were dealt
    // (at least 4 votes; 24 pairs leave 1 chance in 8 million to see one only).
    const f = await makeOpenStudy(24, { issues: ISSUES });
    const [rater] = await makeRaters(f.study.id, 1);
    const orientations = new Set<boolean>();
    for (let i = 0; i < 24 && (i < 4 || orientations.size < 2); i++) {
      const pair = served(await nextAssignment(f.study.id, rater!.id));
      const leftIsA = pair.left.text.startsWith("answer A");
      orientations.add(leftIsA);
      const reply = await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", issues: { left: ["harmful"], right: ["factual-error", "harmful"] } });
      expect(isRaterError(reply)).toBe(false);
      const vote = await db.vote.findUniqueOrThrow({ where: { assignmentId: pair.assignmentId }, select: { id: true, pair: { select: { outputAId: true, outputBId: true } } } });
      const ticks = await db.voteIssue.findMany({ where: { voteId: vote.id }, select: { outputId: true, issue: { select: { key: true } } } });
      const leftOutput = leftIsA ? vote.pair.outputAId : vote.pair.outputBId;
      const rightOutput = leftIsA ? vote.pair.outputBId : vote.pair.outputAId;
      expect(ticks.map((t) => `${t.outputId}:${t.issue.key}`).sort()).toEqual(
        [`${leftOutput}:harmful`, `${rightOutput}:factual-error`, `${rightOutput}:harmful`].sort(),
      );
    }
    expect(orientations.size).toBe(2);
  });

  it("refuses an issue the study does not ask about with 422, writing nothing, and then takes the vote", async () => {
    const f = await makeOpenStudy(1, { issues: ISSUES });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    const refused = await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "RIGHT", issues: { left: ["harmful"], right: ["stereotype"] } });
    expect(refused).toMatchObject({ status: 422, code: "unknown_issue" });
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(await db.voteIssue.count({ where: { studyId: f.study.id } })).toBe(0);
    expect(isRaterError(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "RIGHT", issues: { left: ["harmful"], right: [] } }))).toBe(false);
    expect(await db.voteIssue.count({ where: { studyId: f.study.id } })).toBe(1);
  });

  it("make a retry the same vote only with the same marks; the marks are stored once", async () => {
    const f = await makeOpenStudy(1, { issues: ISSUES });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    const vote = { assignmentId: pair.assignmentId, choice: "TIE" as const, issues: { left: ["harmful", "factual-error"], right: [] } };
    const first = await recordVote(f.study.id, rater!.id, vote);
    const again = await recordVote(f.study.id, rater!.id, { ...vote, issues: { left: ["factual-error", "harmful"], right: [] } });
    expect(isRaterError(first)).toBe(false);
    expect(again).toEqual(first);
    expect(await recordVote(f.study.id, rater!.id, { ...vote, issues: { left: [], right: ["harmful"] } })).toMatchObject({ status: 409, code: "already_voted" });
    expect(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "TIE" })).toMatchObject({ code: "already_voted" });
    expect(await db.voteIssue.count({ where: { studyId: f.study.id } })).toBe(2);
  });

  it("leave with an undone vote and are kept in its copy; the re-vote marks afresh", async () => {
    const f = await makeOpenStudy(1, { issues: ISSUES, undoSeconds: 60 });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", issues: { left: ["factual-error"], right: ["harmful"] } });
    const before = await marksOf(f.study.id);
    const undone = await undoVote(f.study.id, rater!.id, pair.assignmentId);
    if (isRaterError(undone)) throw new Error(undone.code);
    expect(undone.pair.options.issues.map((i) => i.key)).toEqual(["factual-error", "harmful"]);
    expect(await db.voteIssue.count({ where: { studyId: f.study.id } })).toBe(0);
    const copy = await db.undoneVote.findFirstOrThrow({ where: { studyId: f.study.id } });
    const [outputA] = [f.pairs[0]!.outputA.id];
    const copied = (copy.issues as { outputId: string; key: string }[]).map((m) => `${m.outputId === outputA ? "A" : "B"}:${m.key}`).sort();
    expect(copied).toEqual(before);
    await recordVote(f.study.id, rater!.id, { assignmentId: undone.pair.assignmentId, choice: "RIGHT", issues: { left: [], right: ["factual-error"] } });
    expect((await marksOf(f.study.id)).length).toBe(1);
  });

  it("cannot be changed after the vote, and a tick's issue must belong to the vote's study", async () => {
    const f = await makeOpenStudy(1, { issues: ISSUES });
    const other = await makeOpenStudy(1, { issues: { create: [{ key: "other", label: "Other", position: 0 }] } });
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT", issues: { left: ["harmful"], right: [] } });
    const tick = await db.voteIssue.findFirstOrThrow({ where: { studyId: f.study.id } });
    const factual = await db.studyIssue.findFirstOrThrow({ where: { studyId: f.study.id, key: "factual-error" } });
    await expect(db.$executeRaw`UPDATE "VoteIssue" SET "issueId" = ${factual.id} WHERE "voteId" = ${tick.voteId}`).rejects.toThrow(/cannot change/);
    const foreign = await db.studyIssue.findFirstOrThrow({ where: { studyId: other.study.id } });
    await expect(db.voteIssue.create({ data: { voteId: tick.voteId, outputId: tick.outputId, issueId: foreign.id, studyId: f.study.id } })).rejects.toThrow();
    await expect(db.$executeRaw`INSERT INTO "StudyIssue" (id, "studyId", key, label, position) VALUES (${unique("i")}, ${f.study.id}, 'Bad Key', 'x', 5)`).rejects.toThrow(/StudyIssue_key_check/);
  });

  it("reach the exports and the archive on the output they were marked on, and are counted per answer in the results' scope", async () => {
    const f = await makeMarkedStudy();
    const { raters } = f;
    const exported: ExportVote[] = [];
    for await (const rows of exportVoteBatches(f.study.id, false)) exported.push(...rows);
    const byPair = (p: number) => exported.filter((v) => v.pairId === f.pairs[p]!.id).map((v) => [v.issuesA, v.issuesB]);
    // The export lists keys in the study's order (factual-error before harmful).
    expect(byPair(0)).toEqual(expect.arrayContaining([[["harmful"], []], [["factual-error", "harmful"], []], [[], ["factual-error"]]]));
    const one = exported.find((v) => v.issuesA.length === 2)!;
    expect(voteCsv(one).trimEnd().endsWith(",factual-error;harmful,")).toBe(true);
    expect(voteJson(one).issues).toEqual({ [f.modelA.name]: ["factual-error", "harmful"], [f.modelB.name]: [] });

    const archive = (await new Response(archiveStream(f.study.id)).text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(archive.filter((r) => r.type === "issue").map((r) => r.key)).toEqual(["factual-error", "harmful"]);
    const archivedMarks = archive.filter((r) => r.type === "vote").flatMap((r) => r.issues as { outputId: string; key: string }[]);
    expect(archivedMarks).toHaveLength(8);
    expect(archivedMarks.filter((m) => m.outputId === f.pairs[2]!.outputA.id && m.key === "factual-error")).toHaveLength(2);

    const answers = async (exclude: string[] = []) =>
      (await answerRatings({ studyId: f.study.id, excludeRaterIds: exclude }, ["factual-error", "harmful"]))
        .map((a) => ({ p: f.pairs.findIndex((x) => x.promptId === a.promptId), model: a.model === f.modelA.name ? "A" : "B", rated: a.rated, marked: a.marked }))
        .sort((x, y) => x.p - y.p || x.model.localeCompare(y.model));
    expect(await answers()).toEqual([
      { p: 0, model: "A", rated: 3, marked: { harmful: 2, "factual-error": 1 } },
      { p: 0, model: "B", rated: 3, marked: { "factual-error": 1 } },
      { p: 1, model: "A", rated: 3, marked: { harmful: 1 } },
      { p: 1, model: "B", rated: 3, marked: { harmful: 1 } },
      { p: 2, model: "A", rated: 3, marked: { "factual-error": 2 } },
      { p: 2, model: "B", rated: 3, marked: {} },
    ]);
    // Without the second rater, and with pair 1 excluded.
    await db.pair.update({ where: { id: f.pairs[1]!.id }, data: { excluded: true } });
    expect(await answers([raters[1]!.id])).toEqual([
      { p: 0, model: "A", rated: 2, marked: { harmful: 1 } },
      { p: 0, model: "B", rated: 2, marked: { "factual-error": 1 } },
      { p: 2, model: "A", rated: 2, marked: { "factual-error": 2 } },
      { p: 2, model: "B", rated: 2, marked: {} },
    ]);
  });
});
