// Answer issues (raters' optional ticks such as "Factual error / hallucination"): per issue, each model's
// majority-marked rate over prompts with Wilson and prompt-bootstrap intervals, model pairs (McNemar),
// per-category rates and Krippendorff's alpha over answers. Pure: the rows come from the data layer.
import { krippendorffAlphaBinary } from "@/lib/stats/krippendorff-alpha";
import { bootstrapMajorityRate, majorityMarked } from "@/lib/stats/majority-rate";
import { wilsonInterval } from "@/lib/stats/wilson";
import { groupIssueAnswers, ratedAnswers, type IssueAnswers, type IssueModel, type ModelMarks } from "./issue-answers";
import { issuePairs } from "./issue-pairs";
import type { IssueRatingRow } from "./inputs";
import type { IssueAgreementJson, IssueCategoryJson, IssueDef, IssueModelRateJson, IssueRatesJson } from "./types";

export type IssueRatesInput = {
  rows: readonly IssueRatingRow[];
  issues: readonly IssueDef[];
  /** The page's models in its order (rows of other models are left out). */
  models: readonly IssueModel[];
  /** The study id, like the other bootstraps: the intervals then stay put across reloads. */
  seed: string;
  resamples?: number;
};

const RESAMPLES = 1000;

function modelRate(model: IssueModel, marks: ModelMarks | undefined, seed: string, resamples: number): IssueModelRateJson {
  const r = bootstrapMajorityRate(marks ? ratedAnswers(marks) : [], { seed, resamples });
  return {
    modelId: model.id, model: model.name, prompts: r.answers, present: r.present, rate: r.rate,
    wilson95: wilsonInterval(r.present, r.answers), bootstrap95: r.interval,
  };
}

function categoryRate(model: IssueModel, marks: ModelMarks | undefined, inCategory: readonly number[]): IssueCategoryJson["models"][number] {
  let prompts = 0;
  let present = 0;
  for (const i of inCategory) {
    const rated = marks?.rated[i] ?? 0;
    if (rated === 0) continue;
    prompts++;
    present += +majorityMarked(rated, marks?.marked[i] ?? 0);
  }
  return { modelId: model.id, model: model.name, prompts, present, rate: prompts === 0 ? null : present / prompts, wilson95: wilsonInterval(present, prompts) };
}

/** Categories with at least one rated answer, alphabetically, each with every model. */
function categoryRates(models: readonly IssueModel[], answers: IssueAnswers): IssueCategoryJson[] {
  const prompts = new Map<string, number[]>();
  const marks = [...answers.byModel.values()];
  answers.categories.forEach((category, i) => {
    if (category === null || !marks.some((m) => (m.rated[i] as number) > 0)) return;
    const list = prompts.get(category);
    if (list) list.push(i);
    else prompts.set(category, [i]);
  });
  return [...prompts]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([category, inCategory]) => ({ category, models: models.map((m) => categoryRate(m, answers.byModel.get(m.id), inCategory)) }));
}

/** Units are answers (prompt x model); each rating is marked or not. */
function agreement(answers: IssueAnswers): IssueAgreementJson {
  const r = krippendorffAlphaBinary([...answers.byModel.values()].flatMap(ratedAnswers));
  return { alpha: r.alpha, answers: r.units, ratings: r.values };
}

export function issueRates(input: IssueRatesInput): IssueRatesJson[] {
  const resamples = input.resamples ?? RESAMPLES;
  const grouped = groupIssueAnswers(input.rows, input.issues.map((i) => i.key), input.models.map((m) => m.id));
  return input.issues.map((issue) => {
    const answers = grouped.get(issue.key) as IssueAnswers;
    return {
      key: issue.key,
      label: issue.label,
      models: input.models.map((m) => modelRate(m, answers.byModel.get(m.id), `${input.seed}:issue:${issue.key}:${m.id}`, resamples)),
      pairs: issuePairs(issue.label, input.models, answers),
      categories: categoryRates(input.models, answers),
      agreement: agreement(answers),
      resamples,
    };
  });
}
