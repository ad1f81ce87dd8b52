// "Headline": the Alpaca-style sentence and the tally table per model pair, the prompt-level
// (majority) tally beside it, and the outcomes chart.
import type { ComparisonJson } from "@/lib/results/types";
import { OutcomeChart } from "./outcome-chart";
import { Section, rowClass, tableClass, td, th, theadClass } from "./section";

export function HeadlineSection({ comparisons }: { comparisons: ComparisonJson[] }) {
  return (
    <Section id="headline" title="Headline" description="Every vote counts once; model names are revealed to staff only.">
      {comparisons.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="space-y-4">
          <ul className="space-y-2">
            {comparisons.map((c) => (
              <li key={`${c.modelA}|${c.modelB}`}>
                <p className="text-xl font-semibold tracking-tight text-slate-900">{c.headline}</p>
                <p className="text-sm text-slate-600">Per prompt: {c.prompts.headline}.</p>
              </li>
            ))}
          </ul>
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className="sr-only">Votes per model pair</caption>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>Model A</th>
                  <th scope="col" className={th}>Model B</th>
                  <th scope="col" className={`${th} text-right`}>A wins</th>
                  <th scope="col" className={`${th} text-right`}>B wins</th>
                  <th scope="col" className={`${th} text-right`}>Ties</th>
                  <th scope="col" className={`${th} text-right`}>Both bad</th>
                  <th scope="col" className={`${th} text-right`}>Total</th>
                  <th scope="col" className={`${th} text-right`}>Prompts A / B / tie</th>
                </tr>
              </thead>
              <tbody>
                {comparisons.map((c) => (
                  <tr key={`${c.modelA}|${c.modelB}`} className={rowClass}>
                    <td className={td}>{c.modelA}</td>
                    <td className={td}>{c.modelB}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.tally.winsA}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.tally.winsB}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.tally.ties}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.tally.bothBad}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.tally.total}</td>
                    <td className={`${td} text-right tabular-nums`}>
                      {c.prompts.winsA} / {c.prompts.winsB} / {c.prompts.ties}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <OutcomeChart comparisons={comparisons} />
        </div>
      )}
    </Section>
  );
}
