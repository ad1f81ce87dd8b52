"use client";
// "Raters": per-rater table (pseudonyms only) with suspicious raters highlighted and a toggle
// that leaves a rater out of every figure on the page and in the API (?exclude=).
import { percent } from "@/lib/results/format";
import type { RaterFlag, RaterJson, RaterThresholds } from "@/lib/results/types";
import { Button } from "@/components/ui/button";
import { Section, rowClass, tableClass, td, th, theadClass } from "./section";

const FLAG_TEXT: Record<RaterFlag, string> = {
  "always-left": "always left",
  "always-right": "always right",
  "too-fast": "too fast",
  "low-gold": "fails gold",
};

export type RatersSectionProps = {
  raters: RaterJson[];
  thresholds: RaterThresholds;
  excluded: string[];
  onToggle: (pseudonym: string) => void;
};

function RaterRow({ r, onToggle }: { r: RaterJson; onToggle: (pseudonym: string) => void }) {
  const suspicious = r.suspicious.length > 0;
  return (
    <tr className={`${rowClass} ${suspicious ? "bg-amber-50" : ""}`}>
      <th scope="row" className={`${td} font-mono text-xs font-normal`}>{r.pseudonym}</th>
      <td className={`${td} text-right tabular-nums`}>{r.votes}</td>
      <td className={`${td} text-right tabular-nums`}>{r.medianSeconds === null ? "–" : `${r.medianSeconds.toFixed(1)} s`}</td>
      <td className={`${td} text-right tabular-nums`}>{percent(r.leftShare, 0)}</td>
      <td className={`${td} text-right tabular-nums`}>
        {percent(r.agreement.rate, 0)} <span className="text-xs text-slate-500">({r.agreement.agreed}/{r.agreement.compared})</span>
      </td>
      <td className={`${td} text-right tabular-nums`}>{r.gold ? `${r.gold.correct}/${r.gold.total}` : "–"}</td>
      <td className={`${td} text-right tabular-nums`}>{r.tooFastVotes}</td>
      <td className={`${td} text-right tabular-nums`}>{r.flaggedAssignments}</td>
      <td className={`${td} text-right tabular-nums`}>{r.undone}</td>
      <td className={td}>
        {r.suspicious.map((f) => (
          <span key={f} className="mr-1 inline-block rounded-full bg-amber-200 px-2 py-0.5 text-xs font-medium text-amber-900">
            {FLAG_TEXT[f]}
          </span>
        ))}
      </td>
      <td className={`${td} text-right`}>
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => onToggle(r.pseudonym)} aria-label={`Exclude ${r.pseudonym}`}>
          Exclude
        </Button>
      </td>
    </tr>
  );
}

export function RatersSection({ raters, thresholds, excluded, onToggle }: RatersSectionProps) {
  const description =
    `Highlighted: the same side in ≥ ${thresholds.sideShare * 100}% of ${thresholds.minDecisive}+ decisive votes, ` +
    `a median under ${thresholds.minMedianSeconds} s per pair, or under ${thresholds.minGoldAccuracy * 100}% on ${thresholds.minGoldVotes}+ gold pairs.`;
  return (
    <Section id="raters" title="Raters" description={description}>
      {excluded.length > 0 && (
        <div className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm" role="status">
          <span>Excluded from every figure:</span>
          {excluded.map((p) => (
            <Button key={p} variant="secondary" className="px-2 py-0.5 font-mono text-xs" onClick={() => onToggle(p)} aria-label={`Include ${p}`}>
              {p} ✕
            </Button>
          ))}
        </div>
      )}
      {raters.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className="sr-only">Votes per rater</caption>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={th}>Rater</th>
                <th scope="col" className={`${th} text-right`}>Votes</th>
                <th scope="col" className={`${th} text-right`}>Median time</th>
                <th scope="col" className={`${th} text-right`}>Left share</th>
                <th scope="col" className={`${th} text-right`}>Agrees with majority</th>
                <th scope="col" className={`${th} text-right`}>Gold</th>
                <th scope="col" className={`${th} text-right`}>Too fast</th>
                <th scope="col" className={`${th} text-right`}>Flagged</th>
                <th scope="col" className={`${th} text-right`} title="Votes the rater took back within the undo window; they count nowhere else">Undone</th>
                <th scope="col" className={th}>Warnings</th>
                <th scope="col" className={th}><span className="sr-only">Exclude</span></th>
              </tr>
            </thead>
            <tbody>
              {raters.map((r) => (
                <RaterRow key={r.pseudonym} r={r} onToggle={onToggle} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
