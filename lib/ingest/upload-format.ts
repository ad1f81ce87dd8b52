// The formats an upload can be, named after where such files come from so an admin
// recognizes what was detected. Detection is by content (fields), never by file name.

export type Container = "json" | "jsonl" | "csv";

export type UploadFormat =
  /** AlpacaEval results/<model>/model_outputs.json: JSON array, model in "generator", input folded in. */
  | "alpaca_eval"
  /** Alpaca / Self-Instruct style {instruction, input?, output} rows as a JSON array. */
  | "alpaca_json"
  /** The same rows as JSON Lines. */
  | "alpaca_jsonl"
  /** CSV with a header row: instruction, output, optional input, model/generator, category/dataset, id. */
  | "csv"
  /** Self-Instruct human_eval/predictions/*.jsonl: the answer is in "response". */
  | "self_instruct_predictions"
  /** Self-Instruct user_oriented_instructions.jsonl: prompts only (id, motivation_app, instances). */
  | "self_instruct_prompts"
  /** OpenAI-style chat rows ({messages: [{role, content}], model?, id?}) as a JSON array. */
  | "chat_json"
  /** The same rows as JSON Lines (the usual fine-tuning / batch format). */
  | "chat_jsonl"
  /** MT-Bench question.jsonl (FastChat llm_judge): question_id, category, turns; prompts only. */
  | "mt_bench_questions"
  /** MT-Bench model_answer/<model>.jsonl: question_id, model_id, choices[].turns; no user turns. */
  | "mt_bench_answers"
  /** AlpacaEval judge annotations (output_1/output_2/preference): recognized but not an outputs file. */
  | "alpaca_eval_annotations"
  /** MT-Bench human judgments (question_id, model_a/b, conversation_a/b, turn, winner, judge): each model's conversations. */
  | "mt_bench_human_judgments"
  /** Chatbot Arena conversations (the same fields with anony, language, tstamp): each battle's two conversations. */
  | "chatbot_arena_conversations";

export type UploadKind = "outputs" | "prompts";

/** What format detection reads: the file's container and its first row's field names (detect-format.ts). */
export type DetectInput = {
  container: Container;
  /** Field names of the first row (CSV: the normalized header). */
  fields: readonly string[];
  outputField?: string;
  modelName?: string;
};

export type Detection =
  | { ok: true; format: UploadFormat; kind: UploadKind; outputField: string }
  | { ok: false; format?: UploadFormat; message: string };
