// Per issue, every pair of models compared on the prompts where both answers were rated: each side's
// majority-marked rate and McNemar's exact test on the prompts where exactly one of them carries the issue.
import { mcnemarExact } from "@/lib/stats/mcnemar";
import { majorityMarked } from "@/lib/stats/majority-rate";
import { wilsonInterval } from "@/lib/stats/wilson";
import { intervalText, percent, pValueText } from "./format";
import type { IssueAnswers, IssueModel } from "./issue-answers";
import type { IssuePairJson, IssuePairSideJson } from "./types";

function side(model: IssueModel, present: number, prompts: number): IssuePairSideJson {
  return { modelId: model.id, model: model.name, present, rate: present / prompts, wilson95: wilsonInterval(present, prompts)! };
}

function pairSummary(label: string, p: Omit<IssuePairJson, "summary">, wholeSets: boolean): string {
  const { first, second } = p;
  const shared = p.prompts === 1 ? "the one prompt" : `the ${p.prompts} prompts`;
  const scope = wholeSets ? "" : `On ${shared} where both answers were rated, `;
  const rates =
    `${first.model}'s answers were marked "${label}" on ${percent(first.rate)} of prompts (95% CI ${intervalText(first.wilson95)}) ` +
    `vs ${percent(second.rate)} for ${second.model} (95% CI ${intervalText(second.wilson95)})`;
  const differ = p.onlyFirst + p.onlySecond;
  const test =
    differ === 0
      ? `; the two agree on ${p.prompts === 1 ? "the one prompt" : `all ${p.prompts} prompts`}, so McNemar's test has nothing to weigh.`
      : `; McNemar ${pValueText(p.pValue)} on ${differ} ${differ === 1 ? "prompt" : "prompts"} where they differ.`;
  return scope + rates + test;
}

function countRated(rated: Int32Array): number {
  let n = 0;
  for (const r of rated) n += +(r > 0);
  return n;
}

/** One pair on their shared rated prompts; null when they share none. */
function issuePair(label: string, a: IssueModel, b: IssueModel, answers: IssueAnswers): IssuePairJson | null {
  const x = answers.byModel.get(a.id);
  const y = answers.byModel.get(b.id);
  if (!x || !y) return null;
  let prompts = 0, presentA = 0, presentB = 0, onlyFirst = 0, onlySecond = 0;
  for (let i = 0; i < x.rated.length; i++) {
    if (x.rated[i] === 0 || y.rated[i] === 0) continue;
    const inA = majorityMarked(x.rated[i] as number, x.marked[i] as number);
    const inB = majorityMarked(y.rated[i] as number, y.marked[i] as number);
    prompts++;
    presentA += +inA;
    presentB += +inB;
    onlyFirst += +(inA && !inB);
    onlySecond += +(inB && !inA);
  }
  if (prompts === 0) return null;
  const pair = { first: side(a, presentA, prompts), second: side(b, presentB, prompts), prompts, onlyFirst, onlySecond, pValue: mcnemarExact(onlyFirst, onlySecond).pValue };
  return { ...pair, summary: pairSummary(label, pair, prompts === countRated(x.rated) && prompts === countRated(y.rated)) };
}

/** Every unordered pair of models (in the given order) that share rated prompts. */
export function issuePairs(label: string, models: readonly IssueModel[], answers: IssueAnswers): IssuePairJson[] {
  const pairs: IssuePairJson[] = [];
  models.forEach((a, i) => {
    for (const b of models.slice(i + 1)) {
      const pair = issuePair(label, a, b, answers);
      if (pair) pairs.push(pair);
    }
  });
  return pairs;
}
