"use client";
// "Raters": per-rater table (pseudonyms only) with suspicious raters highlighted and a toggle
// that leaves a rater out of every figure on the page and in the API (?exclude=).
import { percent, pValueText } from "@/lib/results/format";
import type { RaterFlag, RaterJson, RaterThresholds } from "@/lib/results/types";
import { Button } from "@/components/ui/button";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, td, th } from "./section";

const FLAG_TEXT: Record<RaterFlag, string> = {
  "always-left": "always left",
  "always-right": "always right",
  "too-fast": "too fast",
  "low-gold": "fails gold",
  "chance-agreement": "agrees only by chance",
};

/** "34/40, p < 0.001": matches with unanimous others out of n, and the Holm-adjusted p (raw p when untested). */
function reliabilityText(r: RaterJson): string {
  const { n, agreed, pValue, adjustedP } = r.reliability;
  if (n === 0) return "–";
  return `${agreed}/${n}, ${adjustedP === null ? `untested (${pValueText(pValue)})` : pValueText(adjustedP)}`;
}

export type RatersSectionProps = {
  raters: RaterJson[];
  thresholds: RaterThresholds;
  excluded: string[];
  onToggle: (pseudonym: string) => void;
};

function ExcludeButton({ r, onToggle, className = "" }: { r: RaterJson; onToggle: (pseudonym: string) => void; className?: string }) {
  return (
    <Button variant="secondary" size="sm" className={`font-sans ${className}`} onClick={() => onToggle(r.pseudonym)} aria-label={`Exclude ${r.pseudonym}`}>
      Exclude
    </Button>
  );
}

function RaterRow({ r, onToggle }: { r: RaterJson; onToggle: (pseudonym: string) => void }) {
  const suspicious = r.suspicious.length > 0;
  const num = `${stackCell} text-right tabular-nums`;
  return (
    <tr className={`${stackRow} ${suspicious ? "bg-amber-50" : ""}`}>
      {/* On phones the card's first line: the pseudonym and its Exclude button. */}
      <th scope="row" className={`${stackWide} font-mono text-xs font-normal max-sm:items-center max-sm:justify-between max-sm:before:hidden`}>
        {r.pseudonym}
        <ExcludeButton r={r} onToggle={onToggle} className="sm:hidden" />
      </th>
      <td data-label="Votes" className={num}>{r.votes}</td>
      <td data-label="Median time" className={num}>{r.medianSeconds === null ? "–" : `${r.medianSeconds.toFixed(1)} s`}</td>
      <td data-label="Left share" className={num}>{percent(r.leftShare, 0)}</td>
      <td data-label="Agrees with majority" className={num}>
        {percent(r.agreement.rate, 0)} <span className="text-xs text-slate-500">({r.agreement.agreed}/{r.agreement.compared})</span>
      </td>
      <td data-label="Unanimous others (n, p)" className={num} title={`Expected by chance: ${r.reliability.expected.toFixed(1)}`}>
        {reliabilityText(r)}
      </td>
      <td data-label="Gold" className={num}>{r.gold ? `${r.gold.correct}/${r.gold.total}` : "–"}</td>
      <td data-label="Too fast" className={num}>{r.tooFastVotes}</td>
      <td data-label="Flagged" className={num}>{r.flaggedAssignments}</td>
      <td data-label="Undone" className={num}>{r.undone}</td>
      <td data-label="Warnings" className={`${stackWide} ${suspicious ? "" : "max-sm:hidden"}`}>
        <span>
          {r.suspicious.map((f) => (
            <span key={f} className="mr-1 inline-block rounded-full bg-amber-200 px-2 py-0.5 text-xs font-medium text-amber-900">
              {FLAG_TEXT[f]}
            </span>
          ))}
        </span>
      </td>
      <td className={`${td} text-right max-sm:hidden`}>
        <ExcludeButton r={r} onToggle={onToggle} />
      </td>
    </tr>
  );
}

export function RatersSection({ raters, thresholds, excluded, onToggle }: RatersSectionProps) {
  const description = "Highlighted: raters who pick one side, vote too fast, fail gold pairs, or agree with unanimous others no more than chance.";
  const rules =
    `The same side in ≥ ${thresholds.sideShare * 100}% of ${thresholds.minDecisive}+ decisive votes; a median under ${thresholds.minMedianSeconds} s per pair; ` +
    `under ${thresholds.minGoldAccuracy * 100}% on ${thresholds.minGoldVotes}+ gold pairs; or agreement with unanimous others (pairs where 2+ other raters ` +
    `all chose one outcome; n such votes) not shown above what the rater's own choice shares give by chance: one-sided exact test, ` +
    `Holm-corrected across raters, flagged at p ≥ ${thresholds.reliabilityAlpha}, tested from ${thresholds.minReference} such votes.`;
  return (
    <Section id="raters" title="Raters" description={description}>
      <details className="mb-3 text-sm text-slate-700">
        <summary className="cursor-pointer text-brand-700">How raters are flagged</summary>
        <p className="mt-1">{rules}</p>
      </details>
      {excluded.length > 0 && (
        <div className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm" role="status">
          <span>Excluded from every figure:</span>
          {excluded.map((p) => (
            <Button key={p} variant="secondary" size="sm" className="font-mono" onClick={() => onToggle(p)} aria-label={`Include ${p}`}>
              {p} ✕
            </Button>
          ))}
        </div>
      )}
      {raters.length === 0 ? (
        <p className="text-slate-600">No votes yet.</p>
      ) : (
        <div className="sm:overflow-x-auto">
          <table className={stackTable}>
            <caption className="sr-only">Votes per rater</caption>
            <thead className={stackHead}>
              <tr>
                <th scope="col" className={th}>Rater</th>
                <th scope="col" className={`${th} text-right`}>Votes</th>
                <th scope="col" className={`${th} text-right`}>Median time</th>
                <th scope="col" className={`${th} text-right`}>Left share</th>
                <th scope="col" className={`${th} text-right`}>Agrees with majority</th>
                <th scope="col" className={`${th} text-right`} title="Matches with unanimous others out of n such votes; Holm-adjusted p of agreeing by chance">With unanimous others (n, p)</th>
                <th scope="col" className={`${th} text-right`}>Gold</th>
                <th scope="col" className={`${th} text-right`}>Too fast</th>
                <th scope="col" className={`${th} text-right`}>Flagged</th>
                <th scope="col" className={`${th} text-right`} title="Votes the rater took back within the undo window; they count nowhere else">Undone</th>
                <th scope="col" className={th}>Warnings</th>
                <th scope="col" className={th}><span className="sr-only">Exclude</span></th>
              </tr>
            </thead>
            <tbody className={stackBody}>
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
