"use client";
// "External panel": imported human judgments (MT-Bench's experts, Chatbot Arena's users) set beside the
// study's raters, MT-Bench's agreement per turn with and without ties; on the live dashboard, the form
// that attaches a judgments file.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { percent } from "@/lib/results/format";
import type { AgreementCountJson, PanelJson, PanelTurnJson, TieAgreementJson } from "@/lib/results/types";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

const rowsText = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

type AttachState = { status: "idle" | "sending" | "done" | "error"; message: string; errors: string[] };
type AttachResponse = { run?: { name: string; votes: number; unmatched: { prompt: number; models: number; turn: number } }; error?: { message: string; issues?: string[] } };

function AttachForm({ studyId, onAttached }: { studyId: string; onAttached: () => void }) {
  const [state, setState] = useState<AttachState>({ status: "idle", message: "", errors: [] });
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ status: "sending", message: "Attaching…", errors: [] });
    const response = await fetch(`/api/studies/${encodeURIComponent(studyId)}/panels`, { method: "POST", body: form });
    const body = (await response.json().catch(() => ({}))) as AttachResponse;
    if (response.ok && body.run) {
      const u = body.run.unmatched;
      setState({ status: "done", message: `Attached ${body.run.name}: ${body.run.votes} votes on this study's pairs; ${rowsText(u.prompt + u.models + u.turn)} matched no pair.`, errors: [] });
      onAttached();
    } else {
      setState({ status: "error", message: body.error?.message ?? `Attaching failed (HTTP ${response.status}).`, errors: Array.isArray(body.error?.issues) ? body.error.issues : [] });
    }
  }
  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
      <label className="text-sm">
        <span className="block font-medium">Human judgments (MT-Bench or Chatbot Arena, JSON or JSONL)</span>
        <input name="file" type="file" accept=".json,.jsonl,application/json" required className="mt-1 block text-sm" />
      </label>
      <Button type="submit" variant="secondary" disabled={state.status === "sending"}>
        Attach panel
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

function share(c: AgreementCountJson): string {
  return c.compared === 0 ? "–" : `${percent(c.rate)} (${c.agreed}/${c.compared})`;
}

function AgreementCell({ label, value }: { label: string; value: TieAgreementJson }) {
  return (
    <td data-label={label} className={`${stackCell} text-right tabular-nums`}>
      <span className="block">{share(value.withTie)} <span className="text-xs text-slate-500">w/ tie</span></span>
      <span className="block">{share(value.withoutTie)} <span className="text-xs text-slate-500">w/o tie</span></span>
    </td>
  );
}

const turnName = (t: PanelTurnJson) => (t.turn === null ? "All turns" : t.turn === 0 ? "Whole conversation" : `Turn ${t.turn}`);

function PanelTable({ panel }: { panel: PanelJson }) {
  const rows = panel.turns.length > 1 ? [...panel.turns, panel.overall] : panel.turns;
  return (
    <table className={stackTable}>
      <caption className="sr-only">Agreement with {panel.name} per turn</caption>
      <thead className={stackHead}>
        <tr>
          <th scope="col" className={th}>Turn</th>
          <th scope="col" className={`${th} text-right`}>Pairs</th>
          <th scope="col" className={`${th} text-right`}>Votes (panel / ours)</th>
          <th scope="col" className={`${th} text-right`}>Our raters vs panel</th>
          <th scope="col" className={`${th} text-right`}>Panel vs panel</th>
          <th scope="col" className={`${th} text-right`}>Our raters vs each other</th>
        </tr>
      </thead>
      <tbody className={stackBody}>
        {rows.map((t) => (
          <tr key={t.turn ?? "all"} className={stackRow}>
            <th scope="row" data-label="Turn" className={`${stackWide} font-medium`}>{turnName(t)}</th>
            <td data-label="Pairs" className={`${stackCell} text-right tabular-nums`}>{t.pairs}</td>
            <td data-label="Votes (panel / ours)" className={`${stackCell} text-right tabular-nums`}>{t.panelVotes} / {t.ourVotes}</td>
            <AgreementCell label="Our raters vs panel" value={t.oursVsPanel} />
            <AgreementCell label="Panel vs panel" value={t.panelVsPanel} />
            <AgreementCell label="Our raters vs each other" value={t.oursVsOurs} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PanelFacts({ panel }: { panel: PanelJson }) {
  const u = panel.unmatched;
  const unmatched = u.prompt + u.models + u.turn;
  return (
    <p className="mb-2 text-sm text-slate-600">
      <span className="font-medium text-slate-900">{panel.name}</span> <span className="text-xs text-slate-500">({panel.fileName})</span>: {panel.votes} votes by{" "}
      {panel.judges} judges from {rowsText(panel.rows)}.
      {unmatched > 0 && ` ${rowsText(unmatched)} matched no pair of this study (${u.prompt} question, ${u.models} model pair, ${u.turn} turn).`}
      {panel.repeated > 0 && ` ${panel.repeated} repeated votes of a judge on the same pair were left out.`}
    </p>
  );
}

export type PanelsSectionProps = { panels: PanelJson[]; studyId?: string; onAttached?: () => void };

/** Without studyId (a frozen result) the section only shows; with it, it offers to attach a panel. */
export function PanelsSection({ panels, studyId, onAttached }: PanelsSectionProps) {
  if (panels.length === 0 && !studyId) return null;
  return (
    <Section
      id="panels"
      title="External panel"
      description="Imported human judgments beside this study's raters, per turn: how often a judgment of each kind agrees on the same pair (MT-Bench's agreement; w/o tie leaves out pairs of judgments where either is a tie)."
    >
      {panels.length === 0 ? (
        <p className="text-sm text-slate-600">No panel attached yet.</p>
      ) : (
        <div className="space-y-6">
          {panels.map((p) => (
            <div key={p.id}>
              <PanelFacts panel={p} />
              <PanelTable panel={p} />
            </div>
          ))}
        </div>
      )}
      {studyId && onAttached && <AttachForm studyId={studyId} onAttached={onAttached} />}
    </Section>
  );
}
