"use client";
// "Judge comparison": each imported automatic judge's tally and its agreement with the human
// majority per prompt, plus the import form (AlpacaEval annotations JSON).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { percent } from "@/lib/results/format";
import type { JudgeJson } from "@/lib/results/types";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

type ImportState = { status: "idle" | "sending" | "done" | "error"; message: string; errors: string[] };

function ImportForm({ studyId, onImported }: { studyId: string; onImported: () => void }) {
  const [state, setState] = useState<ImportState>({ status: "idle", message: "", errors: [] });
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ status: "sending", message: "Importing…", errors: [] });
    const response = await fetch(`/api/studies/${encodeURIComponent(studyId)}/judges`, { method: "POST", body: form });
    const body = (await response.json().catch(() => ({}))) as { run?: { name: string; labels: number }; error?: { message: string; issues?: string[] } };
    if (response.ok && body.run) {
      setState({ status: "done", message: `Imported ${body.run.labels} labels from ${body.run.name}.`, errors: [] });
      onImported();
    } else {
      setState({ status: "error", message: body.error?.message ?? `Import failed (HTTP ${response.status}).`, errors: Array.isArray(body.error?.issues) ? body.error.issues : [] });
    }
  }
  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
      <label className="text-sm">
        <span className="block font-medium">Judge annotations (AlpacaEval JSON)</span>
        <input name="file" type="file" accept=".json,application/json" required className="mt-1 block text-sm" />
      </label>
      <Button type="submit" variant="secondary" disabled={state.status === "sending"}>
        Import judge
      </Button>
      {state.message && (
        <div role={state.status === "error" ? "alert" : "status"} className={`w-full text-sm ${state.status === "error" ? "text-red-700" : "text-slate-700"}`}>
          {state.message}
          {state.errors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {state.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
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
