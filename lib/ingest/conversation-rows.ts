// Zod schemas for the conversation formats' rows (OpenAI chat, MT-Bench questions and answers),
// each turned into one canonical shape. Field names follow the files; messages name them.

import { z } from "zod";
import { optionalModelName } from "./row-schemas";
import { optionalId, optionalText, requiredText, typeName } from "./text-fields";

const notAnObject = (issue: { input?: unknown }) => `expected an object, got ${typeName(issue.input)}`;

export type ChatRow = { messages: unknown; model: string | null; externalId: string | null; category: string | null };

/** The row around `messages`, which chat-messages.ts reads (its rules are about order, not fields). */
export function buildChatRowSchema(maxFieldChars: number): z.ZodType<ChatRow> {
  const shape = z.object(
    {
      messages: z.unknown(),
      model: optionalModelName("model"),
      id: optionalId("id", maxFieldChars),
      category: optionalText("category", maxFieldChars),
    },
    { error: notAnObject },
  );
  return shape.transform((r) => ({ messages: r.messages, model: r.model, externalId: r.id, category: r.category }));
}

function requiredId(name: string, maxChars: number) {
  return optionalId(name, maxChars).refine((id): id is string => id !== null, { message: `${name} is missing` });
}

function turnList(name: string, maxChars: number, allowEmpty = false) {
  return z
    .array(requiredText("turn", maxChars, allowEmpty), { error: (issue) => (issue.input === undefined ? `${name} is missing` : `${name} must be a list of texts, got ${typeName(issue.input)}`) })
    .min(1, { error: `${name} is empty` });
}

export type QuestionRow = { externalId: string; category: string | null; userTurns: string[] };

/** MT-Bench question.jsonl: the turns are the user's; `reference` (answers for judges) is not a prompt and is left out. */
export function buildQuestionRowSchema(maxFieldChars: number): z.ZodType<QuestionRow> {
  const shape = z.object(
    {
      question_id: requiredId("question_id", maxFieldChars),
      category: optionalText("category", maxFieldChars),
      turns: turnList("turns", maxFieldChars),
    },
    { error: notAnObject },
  );
  return shape.transform((r) => ({ externalId: r.question_id, category: r.category, userTurns: r.turns }));
}

export type AnswerRow = { externalId: string; model: string | null; turns: string[] };

/**
 * MT-Bench model_answer/<model>.jsonl. FastChat judges choices[0] (further choices are extra
 * samples), so that one is the model's answer; the others are checked only for shape.
 */
export function buildAnswerRowSchema(maxFieldChars: number, allowEmptyOutputs: boolean): z.ZodType<AnswerRow> {
  const choice = z.object({ index: z.number().int().nullish(), turns: turnList("turns", maxFieldChars, allowEmptyOutputs) }, { error: notAnObject });
  const shape = z.object(
    {
      question_id: requiredId("question_id", maxFieldChars),
      model_id: optionalModelName("model_id"),
      choices: z
        .array(choice, { error: (issue) => (issue.input === undefined ? "choices is missing" : `choices must be a list, got ${typeName(issue.input)}`) })
        .min(1, { error: "choices is empty" }),
    },
    { error: notAnObject },
  );
  return shape.transform((r) => ({ externalId: r.question_id, model: r.model_id, turns: r.choices[0]!.turns }));
}
