// "By category": each comparison split by the prompts' category and dataset.
import { intervalText, percent } from "@/lib/results/format";
import type { CategoryJson } from "@/lib/results/types";
import { Section, rowClass, tableClass, td, th, theadClass } from "./section";

export function CategoriesSection({ categories }: { categories: CategoryJson[] }) {
  if (categories.length === 0) return null;
  return (
    <Section id="categories" title="By category" description="Win rate of model A per prompt category and dataset (ties as half, 95% Wilson interval).">
      <div className="overflow-x-auto">
        <table className={tableClass}>
          <caption className="sr-only">Results per category and dataset</caption>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={th}>Field</th>
              <th scope="col" className={th}>Value</th>
              <th scope="col" className={th}>Models</th>
              <th scope="col" className={`${th} text-right`}>Prompts</th>
              <th scope="col" className={`${th} text-right`}>A / B / tie / both bad</th>
              <th scope="col" className={`${th} text-right`}>Win rate of A</th>
              <th scope="col" className={`${th} text-right`}>95% CI</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={`${c.field}|${c.value}|${c.modelA}|${c.modelB}`} className={rowClass}>
                <td className={`${td} text-slate-500`}>{c.field}</td>
                <td className={td}>{c.value}</td>
                <td className={td}>
                  {c.modelA} vs {c.modelB}
                </td>
                <td className={`${td} text-right tabular-nums`}>{c.prompts}</td>
                <td className={`${td} text-right tabular-nums`}>
                  {c.tally.winsA} / {c.tally.winsB} / {c.tally.ties} / {c.tally.bothBad}
                </td>
                <td className={`${td} text-right tabular-nums`}>{percent(c.winRate)}</td>
                <td className={`${td} text-right tabular-nums`}>{intervalText(c.wilson)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
