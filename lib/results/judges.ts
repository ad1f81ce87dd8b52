// An automatic judge beside the humans: its tally per comparison, and its agreement with the human
// majority per pair (percentage and Cohen's kappa over A wins / B wins / tie).
import { cohenKappa } from "@/lib/stats/cohen-kappa";
import { headline } from "@/lib/stats/win-rate";
import type { JudgeCrossRow, JudgeRunRow } from "./inputs";
import type { Orient } from "./orientation";
import type { JudgeAgreementJson, JudgeJson } from "./types";

type Label = "A" | "B" | "tie";
const INDEX: Record<Label, number> = { A: 0, B: 1, tie: 2 };

function flip(label: Label, flipped: boolean): Label {
  if (!flipped || label === "tie") return label;
  return label === "A" ? "B" : "A";
}

function emptyMatrix(): number[][] {
  return [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
}

function agreementOf(matrix: number[][]): JudgeAgreementJson {
  const k = cohenKappa(matrix);
  if (k === null) return { compared: 0, agreed: 0, rate: null, kappa: null };
  const agreed = matrix.reduce((sum, row, i) => sum + (row[i] as number), 0);
  return { compared: k.items, agreed, rate: k.observed, kappa: k.kappa };
}

type ComparisonAcc = { modelA: string; modelB: string; wins: number[]; matrix: number[][] };

export function judgeResults(runs: readonly JudgeRunRow[], rows: readonly JudgeCrossRow[], orient: Orient): JudgeJson[] {
  return runs.map((run) => {
    const byKey = new Map<string, ComparisonAcc>();
    const overall = emptyMatrix();
    for (const row of rows) {
      if (row.runId !== run.id) continue;
      const o = orient(row.modelA, row.modelB);
      let acc = byKey.get(o.key);
      if (!acc) byKey.set(o.key, (acc = { modelA: o.modelA, modelB: o.modelB, wins: [0, 0, 0], matrix: emptyMatrix() }));
      const judge = INDEX[flip(row.judge, o.flipped)];
      acc.wins[judge] = (acc.wins[judge] as number) + row.pairs;
      if (row.human === null) continue;
      const human = INDEX[flip(row.human, o.flipped)];
      (acc.matrix[judge] as number[])[human] = ((acc.matrix[judge] as number[])[human] as number) + row.pairs;
      (overall[judge] as number[])[human] = ((overall[judge] as number[])[human] as number) + row.pairs;
    }
    const comparisons = [...byKey.values()].map((c) => ({
      modelA: c.modelA, modelB: c.modelB, winsA: c.wins[0] ?? 0, winsB: c.wins[1] ?? 0, draws: c.wins[2] ?? 0,
      headline: headline(c.modelA, c.modelB, { winsA: c.wins[0] ?? 0, winsB: c.wins[1] ?? 0, ties: c.wins[2] ?? 0, bothBad: 0 }),
      agreement: agreementOf(c.matrix),
    }));
    return {
      id: run.id, name: run.name, fileName: run.fileName, createdAt: run.createdAt.toISOString(), labels: run.labels,
      comparisons, agreement: agreementOf(overall),
    };
  });
}
