// Matches the rows of a human-judgment file to a study's pairs, for an external panel: the prompt by
// question_id (the prompt's externalId) else by the conversation's user turns, then the pair by the two
// models and the turn judged. Rows without a pair are counted by reason, never errors: a panel judged
// more than any one study holds. Pure.

import { conversationTextHash } from "./prompt-key";
import type { JudgmentRow } from "./human-judgments";

export type PanelPairKey = {
  pairId: string;
  turn: number;
  promptId: string;
  externalId: string | null;
  textHash: string;
  /** The prompt's user turns (0 for a single instruction, a one-turn conversation). */
  userTurns: number;
  modelA: string;
  modelB: string;
  outputAId: string;
  outputBId: string;
};

export type PanelVoteDraft = { pairId: string; judge: string; winnerOutputId: string | null; bothBad: boolean; row: number };
export type Unmatched = { prompt: number; models: number; turn: number };
export type PanelMatch = { votes: PanelVoteDraft[]; unmatched: Unmatched; repeated: number };

const modelsKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

function indexPairs(pairs: readonly PanelPairKey[]) {
  const byExternal = new Map<string, string>();
  const byHash = new Map<string, string>();
  const byPairKey = new Map<string, PanelPairKey>();
  const modelsOnPrompt = new Set<string>();
  const turnsOfPrompt = new Map<string, number>();
  for (const p of pairs) {
    if (p.externalId) byExternal.set(p.externalId, p.promptId);
    byHash.set(p.textHash, p.promptId);
    byPairKey.set(`${p.promptId}\u0000${modelsKey(p.modelA, p.modelB)}\u0000${p.turn}`, p);
    modelsOnPrompt.add(`${p.promptId}\u0000${modelsKey(p.modelA, p.modelB)}`);
    turnsOfPrompt.set(p.promptId, p.userTurns);
  }
  return { byExternal, byHash, byPairKey, modelsOnPrompt, turnsOfPrompt };
}

/** A one-turn conversation's whole (turn 0) and its turn 1 are the same judgment: either pair takes it. */
function turnsToTry(turn: number, userTurns: number): number[] {
  if (userTurns > 1 || turn > 1) return [turn];
  return turn === 0 ? [0, 1] : [1, 0];
}

export function matchPanelRows(rows: readonly JudgmentRow[], pairs: readonly PanelPairKey[]): PanelMatch {
  const index = indexPairs(pairs);
  const unmatched: Unmatched = { prompt: 0, models: 0, turn: 0 };
  const seen = new Set<string>();
  const votes: PanelVoteDraft[] = [];
  let repeated = 0;
  for (const row of rows) {
    const promptId = index.byExternal.get(row.questionId) ?? index.byHash.get(conversationTextHash(row.conversationA.userTurns));
    if (promptId === undefined) {
      unmatched.prompt += 1;
      continue;
    }
    const models = modelsKey(row.modelA, row.modelB);
    if (!index.modelsOnPrompt.has(`${promptId}\u0000${models}`)) {
      unmatched.models += 1;
      continue;
    }
    const pair = turnsToTry(row.turn, index.turnsOfPrompt.get(promptId) ?? 0)
      .map((turn) => index.byPairKey.get(`${promptId}\u0000${models}\u0000${turn}`))
      .find((p) => p !== undefined);
    if (!pair) {
      unmatched.turn += 1;
      continue;
    }
    // The same judge twice on one pair (an Arena user meeting the same battle again): the first vote counts.
    const key = `${pair.pairId}\u0000${row.judge}`;
    if (seen.has(key)) {
      repeated += 1;
      continue;
    }
    seen.add(key);
    const winnerModel = row.winner === "model_a" ? row.modelA : row.winner === "model_b" ? row.modelB : null;
    const winnerOutputId = winnerModel === null ? null : winnerModel === pair.modelA ? pair.outputAId : pair.outputBId;
    votes.push({ pairId: pair.pairId, judge: row.judge, winnerOutputId, bothBad: row.winner === "tie (bothbad)", row: row.row });
  }
  return { votes, unmatched, repeated };
}
