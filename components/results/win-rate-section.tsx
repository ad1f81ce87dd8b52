// "Win rate" with both intervals, the sign test's verdict, the length-controlled rate beside it, and "Votes needed".
import { intervalText, percent, pValueText } from "@/lib/results/format";
import type { ComparisonJson, SequentialJson } from "@/lib/results/types";
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

/** The comparison's anytime-valid interval (valid at any stop), beside its win rate. */
function Anytime({ anytime }: { anytime: ComparisonJson["anytime"] }) {
  if (!anytime) return null;
  return (
    <p data-testid="anytime-interval" className={`rounded-md border px-3 py-2 text-sm ${anytime.decided ? "border-green-300 bg-green-50 text-green-900" : "border-slate-200 text-slate-800"}`}>
      {anytime.text}
    </p>
  );
}

const NOT_VALID = "not valid after a data-dependent stop";

export type WinRateArticleProps = {
  c: ComparisonJson;
  Heading?: "h3" | "h4";
  label?: string;
  /** A study with adaptive votes or a stopping rule: the anytime interval is shown, the fixed-sample figures labelled when not valid. */
  sequential?: SequentialJson;
};

/** One model pair's win rate, intervals, sign test and length-controlled rate; `Heading` fits where it is shown. */
export function WinRateArticle({ c, Heading = "h3", label, sequential }: WinRateArticleProps) {
  const invalid = sequential !== undefined && !sequential.fixedSampleValid;
  const hint = (text: string) => (invalid ? `${text}; ${NOT_VALID}` : text);
  return (
    <article aria-label={label ?? `${c.modelA} vs ${c.modelB}`} className="space-y-3">
      <Heading className="font-medium">
        {c.modelA} <span className="text-slate-500">vs</span> {c.modelB}
      </Heading>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={`Win rate of ${c.modelA}`} value={percent(c.winRate.estimate)} hint={sequential?.voteLevelNote ? "over votes: contested prompts weigh more" : undefined} />
        <Stat label="95% Wilson (votes)" value={intervalText(c.winRate.wilson)} hint={invalid ? NOT_VALID : undefined} />
        <Stat label="95% bootstrap (prompts)" value={intervalText(c.winRate.bootstrap.interval)} hint={hint(`${c.winRate.bootstrap.resamples} resamples`)} />
        <Stat label="Sign test" value={pValueText(c.winRate.signTest.pValue)} hint={hint(`${c.winRate.signTest.n} decisive votes`)} />
      </dl>
      {sequential && <Anytime anytime={c.anytime} />}
      <p className={`rounded-md px-3 py-2 text-sm ${c.winRate.signTest.significant && !invalid ? "bg-green-50 text-green-900" : "bg-slate-50 text-slate-700"}`}>
        <strong className="font-semibold">{invalid ? `Fixed-sample verdict (${NOT_VALID}):` : "Verdict:"}</strong> {c.winRate.summary}
      </p>
      <LengthControlled lc={c.lengthControlled} />
    </article>
  );
}

const WIN_RATE = "The share of votes of the model named first (the one with more wins), ties and both bad counted as half a win.";

export function WinRateSection({ comparisons, sequential }: { comparisons: ComparisonJson[]; sequential?: SequentialJson }) {
  return (
    <Section id="win-rate" title="Win rate" description={sequential?.voteLevelNote ? `${WIN_RATE} ${sequential.voteLevelNote}` : WIN_RATE}>
      {comparisons.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="space-y-6">
          {comparisons.map((c) => <WinRateArticle key={`${c.modelA}|${c.modelB}`} c={c} sequential={sequential} />)}
          <WinRateChart comparisons={comparisons} />
        </div>
      )}
    </Section>
  );
}

export function VotesNeededSection({ comparisons, sequential }: { comparisons: ComparisonJson[]; sequential?: SequentialJson }) {
  return (
    <Section id="votes-needed" title="Votes needed" description="A planning aid assuming the current split continues, not a power analysis.">
      {sequential && !sequential.fixedSampleValid ? (
        <p className="text-sm text-slate-700">
          Not shown: it counts votes toward a fixed-sample interval, {NOT_VALID} or with adaptive votes. The anytime-valid interval under
          Win rate holds at any stop.
        </p>
      ) : comparisons.length === 0 ? (
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
