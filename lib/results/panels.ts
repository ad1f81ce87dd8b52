// An external panel beside the study's raters: per turn judged and over every turn, MT-Bench's agreement
// of our raters with the panel, and for scale the panel's with itself and our raters' with each other.
import { crossAgreement, withinAgreement, type OutcomeCounts } from "@/lib/stats/panel-agreement";
import type { PanelCountRow, PanelRunRow } from "./inputs";
import type { PanelJson, PanelTurnJson } from "./types";

function turnJson(turn: number | null, rows: readonly PanelCountRow[]): PanelTurnJson {
  const ours = (r: PanelCountRow): OutcomeCounts => ({ a: r.oursA, b: r.oursB, tie: r.oursTie });
  const panel = (r: PanelCountRow): OutcomeCounts => ({ a: r.panelA, b: r.panelB, tie: r.panelTie });
  const total = (c: OutcomeCounts) => c.a + c.b + c.tie;
  return {
    turn,
    pairs: rows.reduce((sum, r) => sum + r.pairs, 0),
    panelVotes: rows.reduce((sum, r) => sum + r.pairs * total(panel(r)), 0),
    ourVotes: rows.reduce((sum, r) => sum + r.pairs * total(ours(r)), 0),
    oursVsPanel: crossAgreement(rows.map((r) => ({ x: ours(r), y: panel(r), n: r.pairs }))),
    panelVsPanel: withinAgreement(rows.map((r) => ({ x: panel(r), n: r.pairs }))),
    oursVsOurs: withinAgreement(rows.map((r) => ({ x: ours(r), n: r.pairs }))),
  };
}

export function panelResults(runs: readonly PanelRunRow[], rows: readonly PanelCountRow[]): PanelJson[] {
  return runs.map((run) => {
    const own = rows.filter((r) => r.runId === run.id);
    const turns = [...new Set(own.map((r) => r.turn))].sort((x, y) => x - y);
    return {
      id: run.id, name: run.name, fileName: run.fileName, format: run.format, createdAt: run.createdAt.toISOString(),
      rows: run.rowCount, votes: run.votes, judges: run.judges,
      unmatched: { prompt: run.unmatched.prompt ?? 0, models: run.unmatched.models ?? 0, turn: run.unmatched.turn ?? 0 },
      repeated: run.repeated,
      turns: turns.map((t) => turnJson(t, own.filter((r) => r.turn === t))),
      overall: turnJson(null, own),
    };
  });
}
