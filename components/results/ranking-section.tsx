// "Ranking" (3+ models): Bradley-Terry scores on an Elo-like scale with bootstrap intervals,
// and the head-to-head win-rate matrix the ranking comes from.
import { percent } from "@/lib/results/format";
import type { RankingJson } from "@/lib/results/types";
import { Section, rowClass, tableClass, td, th, theadClass } from "./section";

function HeadToHeadTable({ ranking }: { ranking: RankingJson }) {
  const { models, winRate, votes } = ranking.headToHead;
  return (
    <table className={tableClass}>
      <caption className="mb-2 text-left text-sm font-medium text-slate-700">Head to head: row model&apos;s win rate against column model (votes)</caption>
      <thead className={theadClass}>
        <tr>
          <th scope="col" className={th}><span className="sr-only">Model</span></th>
          {models.map((m) => (
            <th key={m} scope="col" className={`${th} text-right`}>{m}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {models.map((row, i) => (
          <tr key={row} className={rowClass}>
            <th scope="row" className={`${td} font-medium`}>{row}</th>
            {models.map((col, j) => (
              <td key={col} className={`${td} text-right tabular-nums`}>
                {i === j ? "—" : winRate[i]?.[j] == null ? "·" : `${percent(winRate[i]?.[j], 0)} (${votes[i]?.[j] ?? 0})`}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RankingSection({ ranking }: { ranking: RankingJson | null }) {
  if (ranking === null) return null;
  return (
    <Section id="ranking" title="Ranking" description={rankingMethod(ranking)}>
      <RankingTables ranking={ranking} />
    </Section>
  );
}

/** How the ranking was made, in one sentence. */
export function rankingMethod(ranking: RankingJson): string {
  const note = ranking.pseudoTies > 0 ? " One virtual tie per pair was added because some model never won or never lost." : "";
  const weighted = ranking.inclusionWeighted
    ? " Each vote counts the inverse of its model pair's inclusion probability (as Chatbot Arena fits its leaderboard), so the scores estimate what every model pair on every prompt would give; the head-to-head shows plain votes."
    : "";
  return "Bradley–Terry (ties as half), 400 points = 10:1 odds; 95% bootstrap intervals from " +
    `${ranking.resamples} resamples of the prompts, each drawn with its votes on every model pair.${weighted}${note}`;
}

/** The ranking and its head-to-head matrix; `of` names what was ranked where the page has several rankings ("Helpful"). */
export function RankingTables({ ranking, of }: { ranking: RankingJson; of?: string }) {
  const suffix = of ? ` on ${of}` : "";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <table className={tableClass}>
        <caption className="sr-only">{`Bradley–Terry ranking${suffix}`}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={th}>Rank</th>
            <th scope="col" className={th}>Model</th>
            <th scope="col" className={`${th} text-right`}>Score</th>
            <th scope="col" className={`${th} text-right`}>95% interval</th>
          </tr>
        </thead>
        <tbody>
          {ranking.models.map((m) => (
            <tr key={m.model} className={rowClass}>
              <td className={`${td} tabular-nums`}>{m.rank}</td>
              <td className={td}>{m.model}</td>
              <td className={`${td} text-right tabular-nums`}>{Math.round(m.score)}</td>
              <td className={`${td} text-right tabular-nums`}>{m.low === null || m.high === null ? "–" : `${Math.round(m.low)}–${Math.round(m.high)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        {/* A matrix cannot stack: it scrolls, and says so where it may not fit. */}
        <p className="mb-1 text-xs text-slate-500 lg:hidden" aria-hidden="true">Scroll sideways for every model →</p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Head-to-head win rates${suffix} (scrolls sideways)`}>
          <HeadToHeadTable ranking={ranking} />
        </div>
      </div>
    </div>
  );
}
