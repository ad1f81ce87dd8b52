// "Headline": the Alpaca-style sentence per model pair (leader first), the tally table in the same
// order (stacked cards on phones), the prompt-level (majority) tally beside it, and the outcomes chart.
import type { ComparisonJson } from "@/lib/results/types";
import { OutcomeChart } from "./outcome-chart";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

function TallyRow({ c }: { c: ComparisonJson }) {
  const num = `${stackCell} text-right tabular-nums`;
  return (
    <tr className={stackRow}>
      <th scope="row" data-label="Model" className={`${stackWide} font-medium`}>
        {c.modelA} <span className="font-normal text-slate-500">vs</span> {c.modelB}
      </th>
      <td data-label={`${c.modelA} wins`} className={num}>{c.tally.winsA}</td>
      <td data-label={`${c.modelB} wins`} className={num}>{c.tally.winsB}</td>
      <td data-label="Ties" className={num}>{c.tally.ties}</td>
      <td data-label="Both bad" className={num}>{c.tally.bothBad}</td>
      <td data-label="Total" className={num}>{c.tally.total}</td>
      <td data-label={`Prompts ${c.modelA} / ${c.modelB} / tie`} className={num}>
        {c.prompts.winsA} / {c.prompts.winsB} / {c.prompts.ties}
      </td>
    </tr>
  );
}

/** Each model pair's headline sentence, with the excluded prompts' one and the per-prompt one; `compact` where it is not the page's headline. */
export function HeadlineSentences({ comparisons, compact = false }: { comparisons: ComparisonJson[]; compact?: boolean }) {
  return (
    <ul className="space-y-2">
      {comparisons.map((c) => (
        <li key={`${c.modelA}|${c.modelB}`}>
          <p className={`font-semibold tracking-tight text-slate-900 ${compact ? "text-base" : "text-lg sm:text-xl"}`}>{c.headline}</p>
          {c.withExcluded && (
            <p className="text-sm text-slate-600" data-testid="headline-with-excluded">
              {c.withExcluded.headline}.
            </p>
          )}
          <p className="text-sm text-slate-600">Per prompt: {c.prompts.headline}.</p>
        </li>
      ))}
    </ul>
  );
}

/** The votes per model pair (stacked cards on phones); `caption` names the table for screen readers. */
export function TallyTable({ comparisons, caption }: { comparisons: ComparisonJson[]; caption: string }) {
  // One comparison (the usual study): its models by name in the column headers too.
  const single = comparisons.length === 1 ? comparisons[0]! : null;
  const [first, second] = single ? [single.modelA, single.modelB] : ["First-named model", "Second-named model"];
  return (
    <table className={stackTable}>
      <caption className="sr-only">{caption}</caption>
      <thead className={stackHead}>
        <tr>
          <th scope="col" className={th}>Models</th>
          <th scope="col" className={`${th} text-right`}>{first} wins</th>
          <th scope="col" className={`${th} text-right`}>{second} wins</th>
          <th scope="col" className={`${th} text-right`}>Ties</th>
          <th scope="col" className={`${th} text-right`}>Both bad</th>
          <th scope="col" className={`${th} text-right`}>Total</th>
          <th scope="col" className={`${th} text-right`}>Prompts {single ? `${first} / ${second}` : "first / second"} / tie</th>
        </tr>
      </thead>
      <tbody className={stackBody}>
        {comparisons.map((c) => (
          <TallyRow key={`${c.modelA}|${c.modelB}`} c={c} />
        ))}
      </tbody>
    </table>
  );
}

export function HeadlineSection({ comparisons }: { comparisons: ComparisonJson[] }) {
  return (
    <Section id="headline" title="Headline" description="Every vote counts once; the model with more wins is named first. Model names are revealed to staff only.">
      {comparisons.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="space-y-4">
          <HeadlineSentences comparisons={comparisons} />
          <TallyTable comparisons={comparisons} caption="Votes per model pair, the first-named model first" />
          <OutcomeChart comparisons={comparisons} />
        </div>
      )}
    </Section>
  );
}
