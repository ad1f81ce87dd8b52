"use client";
// "External panel": imported human judgments (MT-Bench's experts, Chatbot Arena's users) set beside the
// study's raters, MT-Bench's agreement per turn with and without ties; on the live dashboard, the form
// that attaches a judgments file.
import { percent } from "@/lib/results/format";
import type { AgreementCountJson, PanelJson, PanelTurnJson, TieAgreementJson } from "@/lib/results/types";
import { FileSendForm } from "./file-send-form";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

const rowsText = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

type Attached = { name: string; votes: number; unmatched: { prompt: number; models: number; turn: number } };

function AttachForm({ studyId, onAttached }: { studyId: string; onAttached: () => void }) {
  const done = (run: Attached) => {
    const u = run.unmatched;
    return `Attached ${run.name}: ${run.votes} votes on this study's pairs; ${rowsText(u.prompt + u.models + u.turn)} matched no pair.`;
  };
  return (
    <FileSendForm<Attached> url={`/api/studies/${encodeURIComponent(studyId)}/panels`}
      label="Human judgments (MT-Bench or Chatbot Arena, JSON or JSONL)" accept=".json,.jsonl,application/json" button="Attach panel"
      sending="Attaching…" failed="Attaching failed" done={done} onDone={onAttached} />
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
