// Public result types of parseUpload: what the import step (DB layer) receives.
// Records are plain data; a failed parse carries only errors, never partial records.

import type { IngestError } from "./ingest-error";
import type { Limits } from "./limits";
import type { UploadFormat } from "./upload-format";

export type OutputRecord = {
  /** 1-based row as defined in ingest-error.ts (JSONL: line number; CSV: record after the header). */
  row: number;
  model: string;
  instruction: string;
  /** "" when the prompt has no separate input (always so for AlpacaEval, which folds it in). */
  input: string;
  output: string;
  /** "category"/"dataset" column, or Self-Instruct's motivation_app. */
  category: string | null;
  /** The file's own id for the prompt, when it has one. */
  externalId: string | null;
  /** See prompt-key.ts for how prompts are matched across uploads. */
  promptKey: string;
  /**
   * A conversation's user turns in order (`instruction` is the first, `input` is ""); [] for a single
   * instruction, which a one-turn conversation without a system prompt is stored as (see prompt-key.ts).
   */
  userTurns: string[];
  /** The conversation's system prompt, part of the prompt; null when there is none. */
  system: string | null;
  /** The model's assistant turns, one per user turn, `output` being the last; [] when `userTurns` is []. */
  turns: string[];
  /**
   * True when the row names its prompt only by `externalId` and carries no user turns (MT-Bench
   * answers): the prompt must already be stored, and `instruction`/`userTurns` are filled from it.
   */
  promptById: boolean;
};

/** A prompt from a prompt-set upload: the same shape with no model and no output. */
export type PromptRecord = Omit<OutputRecord, "model" | "output" | "turns"> & { model: null; output: null; turns: [] };

/** `turn` is the 1-based assistant turn the phrase is in, for a conversation; absent for a single answer. */
export type IdentityLeak = { row: number; model: string; promptKey: string; phrase: string; excerpt: string; turn?: number };

type SuccessBase = {
  ok: true;
  format: UploadFormat;
  /** Distinct model names, sorted; empty for a prompt set. */
  models: string[];
  rowCount: number;
  /** Outputs that may reveal their author; for the admin to review, not errors. */
  leaks: IdentityLeak[];
  /** Of the uploaded bytes, as lowercase hex. */
  sha256: string;
};

export type ParseSuccess =
  | (SuccessBase & { kind: "outputs"; records: OutputRecord[] })
  | (SuccessBase & { kind: "prompts"; records: PromptRecord[] });

export type ParseFailure = {
  ok: false;
  /** The first limits.maxErrors problems. */
  errors: IngestError[];
  /** All problems found, so a UI can say "…and 312 more". */
  errorCount: number;
  /** Set when the format was recognized before things went wrong. */
  format?: UploadFormat;
};

export type ParseResult = ParseSuccess | ParseFailure;

export type ParseOptions = {
  /** Model name from the form; used for rows whose file names no model. */
  modelName?: string;
  /** Field holding the output when it is not "output" (e.g. "response"). */
  outputField?: string;
  limits?: Partial<Limits>;
  /** Replaces DEFAULT_LEAK_PHRASES (generic self-disclosures). */
  leakPhrases?: readonly string[];
  /** Model names already in the store, looked for in self-references with the well-known ones and the upload's own. */
  knownModels?: readonly string[];
  /** Accept empty outputs (assistant turns) instead of rejecting the file (default false). */
  allowEmptyOutputs?: boolean;
};
