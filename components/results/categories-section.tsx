// "By category": each comparison split by the prompts' category and dataset, in the comparison's
// order (the first-named model's win rate); stacked cards on phones.
import { intervalText, percent } from "@/lib/results/format";
import type { CategoryJson } from "@/lib/results/types";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

export function CategoriesSection({ categories }: { categories: CategoryJson[] }) {
  if (categories.length === 0) return null;
  const num = `${stackCell} text-right tabular-nums`;
  // One comparison (the usual study): name it once in the description instead of on every row.
  const pairs = new Set(categories.map((c) => `${c.modelA} vs ${c.modelB}`));
  const only = pairs.size === 1 ? [...pairs][0] : null;
  const description =
    `Win rate of the first-named model${only ? ` (${only})` : ""} per prompt category and dataset (ties as half, 95% Wilson interval).`;
  return (
    <Section id="categories" title="By category" description={description}>
      <table className={stackTable}>
        <caption className="sr-only">Results per category and dataset</caption>
        <thead className={stackHead}>
          <tr>
            <th scope="col" className={th}>Category or dataset</th>
            {!only && <th scope="col" className={th}>Models</th>}
            <th scope="col" className={`${th} text-right`}>Prompts</th>
            <th scope="col" className={`${th} text-right`}>First / second / tie / both bad</th>
            <th scope="col" className={`${th} text-right`}>Win rate of first</th>
            <th scope="col" className={`${th} text-right`}>95% CI</th>
          </tr>
        </thead>
        <tbody className={stackBody}>
          {categories.map((c) => (
            <tr key={`${c.field}|${c.value}|${c.modelA}|${c.modelB}`} className={stackRow}>
              <th scope="row" data-label={c.field} className={`${stackCell} font-medium`}>{c.value}</th>
              {!only && (
                <td data-label="Models" className={`${stackWide} text-slate-600`}>
                  {c.modelA} vs {c.modelB}
                </td>
              )}
              <td data-label="Prompts" className={num}>{c.prompts}</td>
              <td data-label={only ? "Votes, first / second / tie / both bad" : `Votes ${c.modelA} / ${c.modelB} / tie / both bad`} className={`${num} max-sm:col-span-2`}>
                {c.tally.winsA} / {c.tally.winsB} / {c.tally.ties} / {c.tally.bothBad}
              </td>
              <td data-label={only ? "Win rate" : `Win rate of ${c.modelA}`} className={num}>{percent(c.winRate)}</td>
              <td data-label="95% CI" className={num}>{intervalText(c.wilson)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
