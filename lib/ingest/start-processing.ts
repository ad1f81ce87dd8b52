// Wires detection to the matching row schema and converter, once the first row's fields
// are known. Shared by the three container readers so they only deal with reading.

import { conversationProcessor, isConversationFormat } from "./conversation-formats";
import { normalizeHeader } from "./csv-rows";
import { detectFormat } from "./detect-format";
import { isJudgmentFields, judgmentFormat } from "./human-judgments";
import { createJudgmentProcessor } from "./judgment-outputs";
import type { Limits } from "./limits";
import { createRowProcessor, type RowProcessor } from "./row-processor";
import { buildOutputRowSchema, buildPromptRowSchema } from "./row-schemas";
import { outputConverter, promptConverter } from "./to-record";
import type { Container, UploadFormat } from "./upload-format";

export type ReadSettings = { modelName?: string; outputField?: string; allowEmptyOutputs: boolean; limits: Limits };

export type Started =
  { ok: true; format: UploadFormat; processor: RowProcessor } | { ok: false; format?: UploadFormat; message: string };

export function startProcessing(container: Container, fields: readonly string[], settings: ReadSettings): Started {
  const { modelName, limits } = settings;
  // CSV headers are normalized (trimmed, lower case), so the chosen field name must be too.
  const outputField =
    container === "csv" && settings.outputField ? normalizeHeader(settings.outputField) : settings.outputField;
  if (container !== "csv" && isJudgmentFields(fields)) return startJudgments(fields, settings);
  const detection = detectFormat({ container, fields, outputField, modelName });
  if (!detection.ok) return detection;
  if (isConversationFormat(detection.format)) {
    return { ok: true, format: detection.format, processor: conversationProcessor(detection.format, settings) };
  }
  if (detection.kind === "prompts") {
    const convert = promptConverter(buildPromptRowSchema(limits.maxFieldChars));
    const processor = createRowProcessor(convert, (records) => ({ kind: "prompts", records }), limits);
    return { ok: true, format: detection.format, processor };
  }
  const schema = buildOutputRowSchema({
    outputField: detection.outputField,
    maxFieldChars: limits.maxFieldChars,
    allowEmptyOutputs: settings.allowEmptyOutputs,
  });
  const convert = outputConverter(schema, detection.outputField, modelName);
  const processor = createRowProcessor(convert, (records) => ({ kind: "outputs", records }), limits);
  return { ok: true, format: detection.format, processor };
}

// Human-judgment files name both models of every row, so a model name from the form has no place.
function startJudgments(fields: readonly string[], settings: ReadSettings): Started {
  const format = judgmentFormat(fields);
  if (settings.modelName !== undefined) {
    return { ok: false, format, message: "a human-judgment file names the models of every row (model_a, model_b); clear the form's model name" };
  }
  const processor = createJudgmentProcessor({ format, limits: settings.limits, allowEmptyOutputs: settings.allowEmptyOutputs });
  return { ok: true, format, processor };
}
