"use client";
// "Judge comparison": each imported automatic judge's tally and its agreement with the human
// majority per prompt, plus the import form (AlpacaEval annotations JSON).
import { percent } from "@/lib/results/format";
import type { JudgeJson } from "@/lib/results/types";
import { FileSendForm } from "./file-send-form";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

function ImportForm({ studyId, onImported }: { studyId: string; onImported: () => void }) {
  return (
    <FileSendForm<{ name: string; labels: number }> url={`/api/studies/${encodeURIComponent(studyId)}/judges`}
      label="Judge annotations (AlpacaEval JSON)" accept=".json,application/json" button="Import judge"
      sending="Importing…" failed="Import failed" done={(run) => `Imported ${run.labels} labels from ${run.name}.`} onDone={onImported} />
  );
}

export function JudgesSection({ judges, studyId, onImported }: { judges: JudgeJson[]; studyId: string; onImported: () => void }) {
  return (
    <Section id="judges" title="Judge comparison" description="An automatic judge's verdicts beside the human majority per prompt (Cohen's kappa over A better / B better / tie).">
      {judges.length === 0 ? (
        <p className="text-sm text-slate-600">No judge imported yet.</p>
      ) : (
        <table className={stackTable}>
          <caption className="sr-only">Automatic judges</caption>
          <thead className={stackHead}>
            <tr>
              <th scope="col" className={th}>Judge</th>
              <th scope="col" className={th}>Judge&apos;s tally</th>
              <th scope="col" className={`${th} text-right`}>Prompts compared</th>
              <th scope="col" className={`${th} text-right`}>Agreement</th>
              <th scope="col" className={`${th} text-right`}>Cohen&apos;s kappa</th>
            </tr>
          </thead>
          <tbody className={stackBody}>
            {judges.flatMap((j) =>
              j.comparisons.map((c) => (
                <tr key={`${j.id}|${c.modelA}|${c.modelB}`} className={stackRow}>
                  <td data-label="Judge" className={stackWide}>
                    <span>
                      {j.name} <span className="text-xs text-slate-500">({j.fileName})</span>
                    </span>
                  </td>
                  <td data-label="Judge's tally" className={stackWide}>{c.headline}</td>
                  <td data-label="Prompts compared" className={`${stackCell} text-right tabular-nums`}>{c.agreement.compared}</td>
                  <td data-label="Agreement" className={`${stackCell} text-right tabular-nums`}>{percent(c.agreement.rate)}</td>
                  <td data-label="Cohen's kappa" className={`${stackCell} text-right tabular-nums`}>{c.agreement.kappa === null ? "–" : c.agreement.kappa.toFixed(3)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <ImportForm studyId={studyId} onImported={onImported} />
    </Section>
  );
}
