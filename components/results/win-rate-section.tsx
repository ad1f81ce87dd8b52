// "Win rate" with both intervals, the sign test's verdict, the length-controlled rate beside it, and "Votes needed".
import { intervalText, percent, pValueText } from "@/lib/results/format";
import type { ComparisonJson } from "@/lib/results/types";
import { Section, Stat } from "./section";
import { WinRateChart } from "./win-rate-chart";

/** The win rate at equal answer length, in one sentence, with what was fitted (absent in figures frozen before it existed). */
function LengthControlled({ lc }: { lc: ComparisonJson["lengthControlled"] }) {
  if (!lc) return null;
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-800" data-testid="length-controlled">
      <p>
        <strong className="font-semibold">Length-controlled:</strong> {lc.summary}
      </p>
      <p className="mt-1 text-xs text-slate-600">{lc.method}</p>
    </div>
  );
}

/** One model pair's win rate, intervals, sign test and length-controlled rate; `Heading` fits where it is shown. */
export function WinRateArticle({ c, Heading = "h3", label }: { c: ComparisonJson; Heading?: "h3" | "h4"; label?: string }) {
  return (
    <article aria-label={label ?? `${c.modelA} vs ${c.modelB}`} className="space-y-3">
      <Heading className="font-medium">
        {c.modelA} <span className="text-slate-500">vs</span> {c.modelB}
      </Heading>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={`Win rate of ${c.modelA}`} value={percent(c.winRate.estimate)} />
        <Stat label="95% Wilson (votes)" value={intervalText(c.winRate.wilson)} />
        <Stat label="95% bootstrap (prompts)" value={intervalText(c.winRate.bootstrap.interval)} hint={`${c.winRate.bootstrap.resamples} resamples`} />
        <Stat label="Sign test" value={pValueText(c.winRate.signTest.pValue)} hint={`${c.winRate.signTest.n} decisive votes`} />
      </dl>
      <p className={`rounded-md px-3 py-2 text-sm ${c.winRate.signTest.significant ? "bg-green-50 text-green-900" : "bg-slate-50 text-slate-700"}`}>
        <strong className="font-semibold">Verdict:</strong> {c.winRate.summary}
      </p>
      <LengthControlled lc={c.lengthControlled} />
    </article>
  );
}

export function WinRateSection({ comparisons }: { comparisons: ComparisonJson[] }) {
  return (
    <Section id="win-rate" title="Win rate" description="The share of votes of the model named first (the one with more wins), ties and both bad counted as half a win.">
      {comparisons.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="space-y-6">
          {comparisons.map((c) => <WinRateArticle key={`${c.modelA}|${c.modelB}`} c={c} />)}
          <WinRateChart comparisons={comparisons} />
        </div>
      )}
    </Section>
  );
}

export function VotesNeededSection({ comparisons }: { comparisons: ComparisonJson[] }) {
  return (
    <Section id="votes-needed" title="Votes needed" description="A planning aid assuming the current split continues, not a power analysis.">
      {comparisons.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {comparisons.map((c) => (
            <li key={`${c.modelA}|${c.modelB}`}>
              <span className="font-medium">
                {c.modelA} vs {c.modelB}:
              </span>{" "}
              {c.votesNeeded.text}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
