// One pair opened from the per-prompt view: the instruction, both outputs with their models revealed
// (staff only), every vote with its rater pseudonym and the side each output was shown on, and judge labels.
import "server-only";
import { dbRead } from "@/lib/db";
import { parseMarkdown } from "@/lib/markdown/parse";
import type { PromptDetail } from "@/lib/results/types";

const outputSelect = { id: true, text: true, turns: true, model: { select: { name: true } } } as const;

/** What the raters judged of an output: the pair's turn of a conversation, else the text (a single answer, or the last turn). */
const judgedText = (o: { text: string; turns: string[] }, turn: number) => (turn > 0 && o.turns[turn - 1] !== undefined ? o.turns[turn - 1]! : o.text);

const answer = (model: string, text: string) => ({ model, text, markdown: parseMarkdown(text) });

export async function resultPromptDetail(studyId: string, pairId: string, excludeRaterIds: readonly string[]): Promise<PromptDetail | null> {
  const pair = await dbRead.pair.findFirst({
    where: { id: pairId, studyId },
    select: {
      id: true, promptId: true, goldOutputId: true, turn: true,
      prompt: { select: { instruction: true, input: true, category: true, dataset: true } },
      outputA: { select: outputSelect },
      outputB: { select: outputSelect },
      votes: {
        where: { raterId: { notIn: [...excludeRaterIds] } },
        orderBy: { createdAt: "asc" },
        select: {
          choice: true, winnerOutputId: true, msTaken: true, tooFast: true, rationale: true, createdAt: true,
          rater: { select: { pseudonym: true } }, assignment: { select: { leftIsA: true } },
        },
      },
      judgeLabels: { select: { winnerOutputId: true, run: { select: { name: true } } } },
    },
  });
  if (!pair) return null;
  const name = (outputId: string | null) =>
    outputId === null ? null : outputId === pair.outputA.id ? pair.outputA.model.name : pair.outputB.model.name;
  const a = pair.outputA.model.name;
  const b = pair.outputB.model.name;
  return {
    pairId: pair.id, promptId: pair.promptId, ...pair.prompt,
    // Parsed as the rating page's answers are, so the detail shows them as the raters saw them.
    turn: pair.turn,
    outputA: answer(a, judgedText(pair.outputA, pair.turn)),
    outputB: answer(b, judgedText(pair.outputB, pair.turn)),
    goldModel: name(pair.goldOutputId),
    votes: pair.votes.map((v) => ({
      rater: v.rater.pseudonym, choice: v.choice,
      leftModel: v.assignment.leftIsA ? a : b, rightModel: v.assignment.leftIsA ? b : a,
      winner: name(v.winnerOutputId), seconds: v.msTaken / 1000, tooFast: v.tooFast,
      rationale: v.rationale, votedAt: v.createdAt.toISOString(),
    })),
    judges: pair.judgeLabels.map((l) => ({ run: l.run.name, winner: name(l.winnerOutputId) })),
  };
}
