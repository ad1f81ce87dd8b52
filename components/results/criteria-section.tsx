// "Criteria": for studies that ask raters to judge each pair on several criteria, the criteria × model
// pairs table (every criterion's win rate of the same first-named model), how often the criteria
// differ from the primary within a vote, and each other criterion's figures on request, made by the
// same components as the primary's above.
import { intervalText, percent } from "@/lib/results/format";
import type { CriteriaJson, CriterionFiguresJson } from "@/lib/results/types";
import { AgreementStats, ShareStats } from "./agreement-section";
import { HeadlineSentences, TallyTable } from "./headline-section";
import { RankingTables, rankingMethod } from "./ranking-section";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";
import { WinRateArticle } from "./win-rate-section";

export function CriteriaSection({ criteria }: { criteria: CriteriaJson | undefined }) {
  if (!criteria) return null;
  const primary = criteria.list[0]!;
  return (
    <Section id="criteria" title="Criteria"
      description={`Raters judged each pair on ${criteria.list.length} criteria. ${primary.label} is the primary one: every figure above is its. Each model pair reads the same way on every criterion, the model ${primary.label} favours named first, so a win rate below 50% means the other model led on that criterion.`}>
      <div className="space-y-6">
        <CriteriaTable criteria={criteria} />
        <div className="text-sm text-slate-700" data-testid="criteria-disagreement">
          <p>{criteria.disagreement.summary}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {criteria.others.map((c) => <li key={c.key}>{c.disagreement.summary}</li>)}
          </ul>
        </div>
        <div className="space-y-3">
          {criteria.others.map((c) => <CriterionDetails key={c.key} criterion={c} />)}
        </div>
      </div>
    </Section>
  );
}

function CriteriaTable({ criteria }: { criteria: CriteriaJson }) {
  if (criteria.table.length === 0) return <p className="text-slate-600">No votes yet.</p>;
  const primaryKey = criteria.list[0]!.key;
  return (
    <table className={stackTable}>
      <caption className="mb-2 text-left text-sm font-medium text-slate-700">
        Win rate of the first-named model per criterion (95% Wilson interval; votes)
      </caption>
      <thead className={stackHead}>
        <tr>
          <th scope="col" className={th}>Models</th>
          {criteria.list.map((c) => (
            <th key={c.key} scope="col" className={`${th} text-right`}>
              {c.label}{c.key === primaryKey && <span className="font-normal text-slate-500"> (primary)</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={stackBody}>
        {criteria.table.map((row) => (
          <tr key={`${row.modelA}|${row.modelB}`} className={stackRow}>
            <th scope="row" data-label="Models" className={`${stackWide} font-medium`}>
              {row.modelA} <span className="font-normal text-slate-500">vs</span> {row.modelB}
            </th>
            {row.cells.map((cell, i) => (
              <td key={cell.key} data-label={criteria.list[i]!.label} className={`${stackCell} text-right tabular-nums max-sm:col-span-2`}>
                {cell.votes === 0 ? "–" : (
                  <span className="inline-flex flex-col items-end max-sm:flex-row max-sm:items-baseline max-sm:gap-1.5">
                    <span className="font-medium">{percent(cell.estimate)}</span>
                    <span className="whitespace-nowrap text-xs text-slate-600">{intervalText(cell.wilson)}, {cell.votes} {cell.votes === 1 ? "vote" : "votes"}</span>
                  </span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CriterionDetails({ criterion: c }: { criterion: CriterionFiguresJson }) {
  return (
    <details className="rounded-md border border-slate-200 px-3 py-2" data-testid={`criterion-${c.key}`}>
      <summary className="cursor-pointer">
        <h3 className="inline text-base font-semibold">{c.label}</h3>
        {c.question && <span className="ml-2 text-sm text-slate-600">{c.question}</span>}
      </summary>
      <div className="mt-3 space-y-5">
        {c.comparisons.length === 0 ? <p className="text-slate-600">No votes yet.</p> : (
          <>
            <HeadlineSentences comparisons={c.comparisons} compact />
            <TallyTable comparisons={c.comparisons} caption={`Votes per model pair on ${c.label}, the first-named model first`} />
            {c.comparisons.map((comparison) => (
              <WinRateArticle key={`${comparison.modelA}|${comparison.modelB}`} c={comparison} Heading="h4"
                label={`${c.label}: ${comparison.modelA} vs ${comparison.modelB}`} />
            ))}
          </>
        )}
        {c.ranking && (
          <div>
            <h4 className="font-medium">Ranking</h4>
            <p className="mb-2 text-sm text-slate-600">{rankingMethod(c.ranking)}</p>
            <RankingTables ranking={c.ranking} of={c.label} />
          </div>
        )}
        <div>
          <h4 className="mb-2 font-medium">Rater agreement</h4>
          <AgreementStats agreement={c.agreement} />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h4 className="mb-2 font-medium">Position bias</h4>
            <ShareStats share={c.positionBias} hitLabel="Left won" missLabel="Right won" />
          </div>
          <div>
            <h4 className="mb-2 font-medium">Length bias</h4>
            <ShareStats share={c.lengthBias} hitLabel="Longer won" missLabel="Shorter won" />
          </div>
        </div>
      </div>
    </details>
  );
}
