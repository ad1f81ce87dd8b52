// "Answer issues": for studies that let raters mark issues on each answer, each model's marked rate
// per issue (prompts as the unit: an issue counts on an answer when most of its ratings marked it),
// the paired comparison between models, raters' agreement, and a per-category breakdown on request.
import { intervalText, percent } from "@/lib/results/format";
import type { IssueRatesJson } from "@/lib/results/types";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, th } from "./section";

export function IssuesSection({ issues }: { issues: IssueRatesJson[] }) {
  if (issues.length === 0) return null;
  return (
    <Section id="issues" title="Answer issues (marked rates)"
      description="Raters could mark issues on each answer; marking was optional, so these are marked rates, not checked ones. An issue counts on a model's answer to a prompt when more than half of that answer's ratings marked it; rates are over prompts.">
      <div className="space-y-8">
        {issues.map((issue) => <IssueBlock key={issue.key} issue={issue} />)}
      </div>
    </Section>
  );
}

function agreementText(agreement: IssueRatesJson["agreement"]): string {
  if (agreement.alpha === null) return "Agreement between raters: not enough answers rated twice.";
  return `Agreement between raters: Krippendorff's α = ${agreement.alpha.toFixed(2)} over ${agreement.answers} answers rated at least twice.`;
}

function IssueBlock({ issue }: { issue: IssueRatesJson }) {
  const num = `${stackCell} text-right tabular-nums`;
  return (
    <div>
      <h3 className="text-base font-semibold">{issue.label}</h3>
      <table className={`${stackTable} mt-2`}>
        <caption className="sr-only">{`${issue.label}: marked rate per model`}</caption>
        <thead className={stackHead}>
          <tr>
            <th scope="col" className={th}>Model</th>
            <th scope="col" className={`${th} text-right`}>Prompts rated</th>
            <th scope="col" className={`${th} text-right`}>Marked by most raters</th>
            <th scope="col" className={`${th} text-right`}>Rate</th>
            <th scope="col" className={`${th} text-right`}>95% CI (Wilson)</th>
            <th scope="col" className={`${th} text-right`}>95% CI (bootstrap)</th>
          </tr>
        </thead>
        <tbody className={stackBody}>
          {issue.models.map((m) => (
            <tr key={m.modelId} className={stackRow}>
              <th scope="row" data-label="Model" className={`${stackCell} font-medium max-sm:col-span-2`}>{m.model}</th>
              <td data-label="Prompts rated" className={num}>{m.prompts}</td>
              <td data-label="Marked" className={num}>{m.present}</td>
              <td data-label="Rate" className={num}>{percent(m.rate)}</td>
              <td data-label="Wilson" className={num}>{intervalText(m.wilson95)}</td>
              <td data-label="Bootstrap" className={num}>{intervalText(m.bootstrap95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-2 space-y-1 text-sm text-slate-700">
        {issue.pairs.map((p) => <li key={`${p.first.modelId}|${p.second.modelId}`}>{p.summary}</li>)}
        <li className="text-slate-600">{agreementText(issue.agreement)}</li>
      </ul>
      {issue.categories.length > 0 && <IssueCategories issue={issue} />}
    </div>
  );
}

function IssueCategories({ issue }: { issue: IssueRatesJson }) {
  const num = `${stackCell} text-right tabular-nums`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-700">By category ({issue.categories.length})</summary>
      <table className={`${stackTable} mt-2`}>
        <caption className="sr-only">{`${issue.label}: marked rate per category and model`}</caption>
        <thead className={stackHead}>
          <tr>
            <th scope="col" className={th}>Category</th>
            <th scope="col" className={th}>Model</th>
            <th scope="col" className={`${th} text-right`}>Marked / prompts</th>
            <th scope="col" className={`${th} text-right`}>Rate (95% CI)</th>
          </tr>
        </thead>
        <tbody className={stackBody}>
          {issue.categories.flatMap((c) => c.models.map((m) => (
            <tr key={`${c.category}|${m.modelId}`} className={stackRow}>
              <th scope="row" data-label="Category" className={`${stackCell} font-medium`}>{c.category}</th>
              <td data-label="Model" className={stackCell}>{m.model}</td>
              <td data-label="Marked / prompts" className={num}>{m.present} / {m.prompts}</td>
              <td data-label="Rate" className={num}>{m.rate === null ? "–" : `${percent(m.rate)} (${intervalText(m.wilson95)})`}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </details>
  );
}
