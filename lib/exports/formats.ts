// The four export formats, one record per vote: CSV (spreadsheets), JSONL (everything),
// AlpacaEval annotations (alpaca_eval's human-annotation shape) and Chatbot-Arena-style battles.
import { conversationJson, conversationMessages, turnsShown } from "./conversation";
import { criterionOutcome, onCriterion } from "./criteria";
import { type Cell, csvLine, freeText } from "./csv";
import type { ExportConversation, ExportVote } from "./types";

export const CSV_COLUMNS = [
  "vote_id", "study_id", "pair_id", "prompt_id", "category", "dataset", "instruction", "input",
  "model_a", "model_b", "left_model", "right_model", "choice", "winner", "outcome", "rater",
  "served_at", "voted_at", "ms_taken", "too_fast", "flagged", "gold", "excluded", "demo", "rationale",
  "issues_a", "issues_b",
] as const;

function leftRight(v: ExportVote): { left: string; right: string } {
  return v.leftIsA ? { left: v.modelA, right: v.modelB } : { left: v.modelB, right: v.modelA };
}

/** "model_a" / "model_b" (the pair's canonical outputs), "tie" or "both_bad". */
export function outcome(v: ExportVote): "model_a" | "model_b" | "tie" | "both_bad" {
  if (v.choice === "TIE") return "tie";
  if (v.choice === "BOTH_BAD") return "both_bad";
  return v.winner === v.modelA ? "model_a" : "model_b";
}

/** The columns after CSV_COLUMNS: one per criterion other than the primary (whose choice is `choice`). */
export function criterionColumns(criteria: readonly string[]): string[] {
  return criteria.slice(1).map((key) => `criterion_${key}`);
}

/**
 * The header; a study with criteria (keys, primary first) gets a column for each other one, a study with
 * conversation turns (issue 21) a column `turn` (the judged assistant turn; 0 the whole conversation), and a
 * study that samples model pairs (issue 22) a last column `inclusion_probability`.
 */
export function csvHeader(criteria: readonly string[] = [], turns = false, sampling = false): string {
  return csvLine([...CSV_COLUMNS, ...criterionColumns(criteria), ...(turns ? ["turn"] : []), ...(sampling ? ["inclusion_probability"] : [])]);
}

function csvCells(v: ExportVote): Cell[] {
  const { left, right } = leftRight(v);
  // Ids, enums, numbers and times as they are; what people and uploads wrote is guarded (lib/exports/csv.ts).
  return [
    v.voteId, v.studyId, v.pairId, v.promptId, freeText(v.category), freeText(v.dataset), freeText(v.instruction), freeText(v.input),
    freeText(v.modelA), freeText(v.modelB), freeText(left), freeText(right), v.choice, freeText(v.winner), outcome(v), v.rater,
    v.servedAt.toISOString(), v.votedAt.toISOString(), v.msTaken, v.tooFast, v.flagged, v.gold, v.excluded, v.isDemo, freeText(v.rationale),
    // Issue keys are [a-z0-9-] (a database CHECK): nothing to guard.
    v.issuesA.join(";"), v.issuesB.join(";"),
    // In criterionColumns' order: the data layer lists every criterion of the study, in its order.
    ...v.criteria.slice(1).map((c) => freeText(criterionOutcome(c))),
  ];
}

export function voteCsv(v: ExportVote): string {
  return csvLine(csvCells(v));
}

/**
 * The line under csvHeader(criteria, turns, sampling): the judged turn (0: the whole conversation), then the
 * inclusion probability (empty for a gold pair), each when its column is there.
 */
export function voteCsvLine(v: ExportVote, turns = false, sampling = false): string {
  return csvLine([...csvCells(v), ...(turns ? [v.turn ?? 0] : []), ...(sampling ? [v.inclusion] : [])]);
}

export function voteJson(v: ExportVote) {
  const { left, right } = leftRight(v);
  return {
    vote_id: v.voteId, study_id: v.studyId, pair_id: v.pairId, prompt_id: v.promptId,
    category: v.category, dataset: v.dataset, instruction: v.instruction, input: v.input,
    model_a: v.modelA, model_b: v.modelB, output_a: v.outputA, output_b: v.outputB,
    left_model: left, right_model: right, choice: v.choice, winner: v.winner, outcome: outcome(v),
    rater: v.rater, served_at: v.servedAt.toISOString(), voted_at: v.votedAt.toISOString(),
    ms_taken: v.msTaken, too_fast: v.tooFast, flagged: v.flagged, gold: v.gold, excluded: v.excluded,
    demo: v.isDemo, rationale: v.rationale,
    // The issues marked on each model's answer (keys), by model name as everything else here.
    issues: { [v.modelA]: v.issuesA, [v.modelB]: v.issuesB },
    // Every criterion's winner ("tie", "both_bad"), the primary's included, by key; {} without criteria.
    criteria: Object.fromEntries(v.criteria.map((c) => [c.key, criterionOutcome(c)])),
    // A conversation pair: the judged turn and each model's messages up to it (messages_a: model_a's, output A).
    ...conversationJson(v),
    ...inclusionField(v),
  };
}

/**
 * A study that samples model pairs (issue 22): the probability the vote's pair was put to raters with
 * (null for a gold pair), which a reader weighting votes by its inverse needs; nothing for other studies.
 */
function inclusionField(v: ExportVote): { inclusion_probability?: number | null } {
  return v.inclusion === undefined ? {} : { inclusion_probability: v.inclusion };
}

/** AlpacaEval folds the input into the instruction the same way lib/ingest's promptKey does. */
function alpacaInstruction(v: ExportVote): string {
  return v.input.trim() === "" ? v.instruction : `${v.instruction}\n\n${v.input}`;
}

/**
 * AlpacaEval annotation record: output_1/generator_1 = the pair's output A. preference 1 = output_1
 * better, 2 = output_2 better, 1.5 = draw. AlpacaEval has no "both bad": BOTH_BAD is exported as a
 * draw (1.5, as our win rates count it) with `both_bad: true` so nothing is lost.
 */
export function voteAlpacaEval(v: ExportVote) {
  const preference = v.choice === "TIE" || v.choice === "BOTH_BAD" ? 1.5 : v.winner === v.modelA ? 1 : 2;
  return {
    instruction: alpacaInstruction(v),
    output_1: v.outputA, generator_1: v.modelA,
    output_2: v.outputB, generator_2: v.modelB,
    annotator: v.rater, preference, both_bad: v.choice === "BOTH_BAD",
    dataset: v.dataset, category: v.category,
    ...inclusionField(v),
  };
}

/**
 * Arena "battles" record. As in Chatbot Arena, model_a is the model shown on the LEFT; winner is
 * "model_a", "model_b", "tie" or "tie (bothbad)"; judge is the rater's pseudonym; tstamp in seconds.
 */
export function voteBattle(v: ExportVote) {
  const { left, right } = leftRight(v);
  const winner =
    v.choice === "LEFT" ? "model_a" : v.choice === "RIGHT" ? "model_b" : v.choice === "TIE" ? "tie" : "tie (bothbad)";
  if (v.conversation) return conversationBattle(v, v.conversation, left, right, winner);
  return {
    question_id: v.promptId, model_a: left, model_b: right, winner, judge: v.rater,
    anony: true, tstamp: v.votedAt.getTime() / 1000, category: v.category, dataset: v.dataset,
    ...inclusionField(v),
  };
}

/**
 * A conversation pair as Arena's conversation battles (FastChat's clean_battle_data): conversation_a /
 * conversation_b, the LEFT / RIGHT model's user and assistant turns up to the judged turn, and `turn`,
 * how many user turns they hold (Arena's len(conversation_a) // 2). The system prompt, which Arena's
 * conversations lack, is a field of its own.
 */
function conversationBattle(v: ExportVote, c: ExportConversation, left: string, right: string, winner: string) {
  const turn = v.turn ?? 0;
  const [sideA, sideB] = v.leftIsA ? (["A", "B"] as const) : (["B", "A"] as const);
  return {
    question_id: v.promptId, model_a: left, model_b: right, winner, judge: v.rater,
    conversation_a: conversationMessages(c, sideA, turn, false), conversation_b: conversationMessages(c, sideB, turn, false),
    turn: turnsShown(c, turn), anony: true, tstamp: v.votedAt.getTime() / 1000, category: v.category, dataset: v.dataset,
    ...(c.system !== null && { system: c.system }),
    ...inclusionField(v),
  };
}

/**
 * An AlpacaEval or battles record of the vote's choice on `criterion` (none: the vote's own choice),
 * naming the criterion; null when the vote has no choice on it.
 */
export function votePreference(format: "alpaca_eval" | "battles", v: ExportVote, criterion?: string) {
  const judged = criterion === undefined ? v : onCriterion(v, criterion);
  if (!judged) return null;
  const record = format === "alpaca_eval" ? voteAlpacaEval(judged) : voteBattle(judged);
  return criterion === undefined ? record : { ...record, criterion };
}
