// The figure sections the live dashboard and a frozen result both show, from one StudyResults.
import { isSequential } from "@/lib/results/sequential";
import type { ChoiceFiguresJson, SequentialJson, StudyResults } from "@/lib/results/types";
import { AgreementSection, ShareSection } from "./agreement-section";
import { CategoriesSection } from "./categories-section";
import { HeadlineSection } from "./headline-section";
import { OverTimeChart } from "./over-time-chart";
import { RankingSection } from "./ranking-section";
import { Section, Stat } from "./section";
import { StoppingNote } from "./stopping-note";
import { VotesNeededSection, WinRateSection } from "./win-rate-section";

type FiguresProps = { results: StudyResults };

export function TotalsGrid({ results: r }: FiguresProps) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:gap-3 md:grid-cols-4">
      <Stat label="Votes" value={r.totals.votes} hint={r.study.goldPairs > 0 ? "including gold pairs" : undefined} />
      <Stat label="Raters" value={r.totals.raters} />
      <Stat label="Prompts voted" value={r.totals.promptsVoted} />
      <Stat label="Pairs" value={r.study.pairs} hint={`${r.study.goldPairs} gold and ${r.study.excludedPairs} excluded: left out of the model figures`} />
    </dl>
  );
}

/** The study's sequential figures when it has adaptive votes or a stopping rule (or stopped); otherwise none, and the pages read as before. */
export const sequentialShown = (r: StudyResults): SequentialJson | undefined => (isSequential(r.sequential) ? r.sequential : undefined);

/** Whether and why the study stopped, or its stopping rule's state (nothing for an ordinary study). */
export function StudyStopping({ results }: FiguresProps) {
  const sequential = sequentialShown(results);
  return sequential ? <StoppingNote sequential={sequential} /> : null;
}

/** Headline, win rates, votes needed, ranking, agreement, position and length bias: the study's, or one judged turn's. */
export function ModelFigures({ results: r, sequential }: { results: ChoiceFiguresJson; sequential?: SequentialJson }) {
  return (
    <>
      <HeadlineSection comparisons={r.comparisons} />
      <WinRateSection comparisons={r.comparisons} sequential={sequential} />
      <VotesNeededSection comparisons={r.comparisons} sequential={sequential} />
      <RankingSection ranking={r.ranking} />
      {sequential?.voteLevelNote && (
        <p data-testid="vote-level-note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Agreement, position and length bias below count votes. {sequential.voteLevelNote}
        </p>
      )}
      <AgreementSection agreement={r.agreement} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ShareSection id="position-bias" title="Position bias" description="Decisive votes for the answer shown on the left (sides are randomized)." share={r.positionBias} hitLabel="Left won" missLabel="Right won" />
        <ShareSection id="length-bias" title="Length bias" description="Decisive votes won by the longer answer (characters); equal lengths skipped." share={r.lengthBias} hitLabel="Longer won" missLabel="Shorter won" />
      </div>
    </>
  );
}

/** Categories (unless shown per turn, beside the model figures) and votes over time. */
export function CategoriesAndTime({ results: r }: FiguresProps) {
  return (
    <>
      {!r.turns && <CategoriesSection categories={r.categories} />}
      <Section id="over-time" title="Votes over time" description={`Votes per ${r.overTime.bucket} (UTC).`}>
        <OverTimeChart overTime={r.overTime} />
      </Section>
    </>
  );
}
