// Decides the upload format from the container and the first row's field names, and refuses
// early (one clear message, not one per row) when the file cannot be read as outputs.

import { detectConversationFormat } from "./conversation-formats";
import type { Container, DetectInput, Detection, UploadFormat } from "./upload-format";

export function detectFormat(input: DetectInput): Detection {
  const has = (name: string) => input.fields.includes(name);
  const found = `fields found: ${input.fields.join(", ") || "(none)"}`;
  const conversation = detectConversationFormat(input);
  if (conversation) return conversation;
  if ((has("output_1") && has("output_2")) || has("preference")) {
    const message =
      "this is an AlpacaEval judge annotation file (pairs of outputs with a judge's preference), " +
      "not model outputs; upload each model's model_outputs.json instead";
    return { ok: false, format: "alpaca_eval_annotations", message };
  }
  if (has("instances") && has("instruction")) {
    return { ok: true, format: "self_instruct_prompts", kind: "prompts", outputField: "output" };
  }
  if (!has("instruction")) {
    const expected =
      "expected AlpacaEval, Alpaca/Self-Instruct JSON or JSONL, CSV with an instruction column, chat rows with messages, " +
      "or MT-Bench questions or answers (question_id with turns or choices)";
    return { ok: false, message: `no "instruction" field; ${found} — ${expected}` };
  }
  const format = outputsFormat(input.container, has);
  return checkOutputFields(format, input, has, found);
}

function outputsFormat(container: Container, has: (name: string) => boolean): UploadFormat {
  if (container === "csv") return "csv";
  if (has("response") && has("prompt") && !has("output")) return "self_instruct_predictions";
  // AlpacaEval never has a separate input: it folds the input into the instruction.
  if (container === "json" && has("generator") && !has("input")) return "alpaca_eval";
  return container === "json" ? "alpaca_json" : "alpaca_jsonl";
}

function checkOutputFields(
  format: UploadFormat,
  input: DetectInput,
  has: (name: string) => boolean,
  found: string,
): Detection {
  const outputField = input.outputField ?? "output";
  if (!has(outputField)) {
    const chosen = input.outputField === undefined ? "" : " (chosen as the output field)";
    const hint = format === "self_instruct_predictions" ? ' (Self-Instruct predictions keep it in "response")' : "";
    return {
      ok: false,
      format,
      message: `no "${outputField}" field${chosen}; ${found} — choose which field holds the output${hint}`,
    };
  }
  if (!has("model") && !has("generator") && input.modelName === undefined) {
    const message =
      'the file does not name its model (no "model" or "generator" field); enter the model name in the form';
    return { ok: false, format, message };
  }
  return { ok: true, format, kind: "outputs", outputField };
}
