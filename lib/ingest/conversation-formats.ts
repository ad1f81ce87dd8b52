// Detection and row processing for the conversation formats (OpenAI chat, MT-Bench questions and
// answers), kept apart from the instruction/output formats so detect-format.ts only asks first.

import { buildAnswerRowSchema, buildChatRowSchema, buildQuestionRowSchema } from "./conversation-rows";
import { answerConverter, chatConverter, questionConverter } from "./conversation-records";
import type { Limits } from "./limits";
import { createRowProcessor, type RowProcessor } from "./row-processor";
import type { DetectInput, Detection, UploadFormat } from "./upload-format";

type ConversationFormat = Extract<UploadFormat, "chat_json" | "chat_jsonl" | "mt_bench_questions" | "mt_bench_answers">;

const LABELS: Record<ConversationFormat, string> = {
  chat_json: "chat (messages) files",
  chat_jsonl: "chat (messages) files",
  mt_bench_questions: "MT-Bench question files",
  mt_bench_answers: "MT-Bench answer files",
};

export function isConversationFormat(format: UploadFormat): format is ConversationFormat {
  return format in LABELS;
}

/** The conversation format these fields name, or null when they name none (the caller goes on). */
export function detectConversationFormat(input: DetectInput): Detection | null {
  const has = (name: string) => input.fields.includes(name);
  if (input.container === "csv") return null;
  if (has("messages")) return outputs(input.container === "json" ? "chat_json" : "chat_jsonl", input, has("model"), '"model"');
  if (has("question_id") && has("choices")) return outputs("mt_bench_answers", input, has("model_id"), '"model_id"');
  if (has("question_id") && has("turns")) {
    return input.outputField === undefined
      ? { ok: true, format: "mt_bench_questions", kind: "prompts", outputField: "output" }
      : misplacedOutputField("mt_bench_questions", input.outputField);
  }
  return null;
}

function outputs(format: ConversationFormat, input: DetectInput, namesModel: boolean, modelField: string): Detection {
  if (input.outputField !== undefined) return misplacedOutputField(format, input.outputField);
  if (!namesModel && input.modelName === undefined) {
    return { ok: false, format, message: `the file does not name its model (no ${modelField} field); enter the model name in the form` };
  }
  return { ok: true, format, kind: "outputs", outputField: "output" };
}

// The form's output field picks a column of instruction/output files; here it would mean nothing.
function misplacedOutputField(format: ConversationFormat, outputField: string): Detection {
  const message = `the output field ("${outputField}") is for instruction/output files; ${LABELS[format]} hold their answers in turns — clear the field`;
  return { ok: false, format, message };
}

export type ConversationSettings = { modelName?: string; allowEmptyOutputs: boolean; limits: Limits };

export function conversationProcessor(format: ConversationFormat, settings: ConversationSettings): RowProcessor {
  const { limits, allowEmptyOutputs, modelName } = settings;
  const max = limits.maxFieldChars;
  switch (format) {
    case "mt_bench_questions":
      return createRowProcessor(questionConverter(buildQuestionRowSchema(max)), (records) => ({ kind: "prompts", records }), limits);
    case "mt_bench_answers":
      return createRowProcessor(answerConverter(buildAnswerRowSchema(max, allowEmptyOutputs), modelName), (records) => ({ kind: "outputs", records }), limits);
    default: {
      const convert = chatConverter(buildChatRowSchema(max), { maxFieldChars: max, allowEmptyOutputs, formModel: modelName });
      return createRowProcessor(convert, (records) => ({ kind: "outputs", records }), limits);
    }
  }
}
