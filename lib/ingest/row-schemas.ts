// Zod schemas for one uploaded row, turning each format's field names into one canonical
// shape. Built once per upload (they depend on the chosen output field and the limits).

import { z } from "zod";
import { MODEL_NAME_MAX_CHARS } from "../validation/upload";
import { optionalId, optionalText, requiredText, typeName } from "./text-fields";
import { UNSAFE_NAME_CHARS, unsafeNameMessage } from "@/lib/validation/names";

export type OutputRow = {
  instruction: string;
  input: string;
  output: string;
  /** The row's own model name ("model" wins over "generator"), or null to use the form's. */
  model: string | null;
  category: string | null;
  externalId: string | null;
};

export type PromptRow = { instruction: string; input: string; category: string | null; externalId: string | null };

export type RowSchemaOptions = { outputField: string; maxFieldChars: number; allowEmptyOutputs: boolean };

const notAnObject = (issue: { input?: unknown }) => `expected an object, got ${typeName(issue.input)}`;

/** Rows with an output: AlpacaEval, Alpaca/Self-Instruct JSON(L), predictions, CSV. */
export function buildOutputRowSchema(options: RowSchemaOptions): z.ZodType<OutputRow> {
  const max = options.maxFieldChars;
  const shape = z.object(
    {
      instruction: requiredText("instruction", max),
      input: optionalText("input", max),
      // Messages use the file's own field name ("response is empty"); see outputFieldPath.
      output: requiredText(options.outputField, max, options.allowEmptyOutputs),
      model: optionalModelName("model"),
      generator: optionalModelName("generator"),
      category: optionalText("category", max),
      dataset: optionalText("dataset", max),
      id: optionalId("id", max),
    },
    { error: notAnObject },
  );
  const canonical = shape.transform((r) => ({
    instruction: r.instruction,
    input: r.input ?? "",
    output: r.output,
    model: r.model ?? r.generator,
    category: r.category ?? r.dataset,
    externalId: r.id,
  }));
  if (options.outputField === "output") return canonical;
  return z.preprocess((value) => moveOutputField(value, options.outputField), canonical);
}

// Same rules as the form's model name, so a name from the file can be shown wherever a typed one can.
export function optionalModelName(name: string) {
  return optionalText(name, MODEL_NAME_MAX_CHARS).refine((value) => value === null || !UNSAFE_NAME_CHARS.test(value), {
    message: unsafeNameMessage(name),
  });
}

// Copies the chosen field to "output" so one schema serves every mapping.
function moveOutputField(value: unknown, outputField: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return { ...value, output: (value as Record<string, unknown>)[outputField] };
}

/** Self-Instruct user-oriented set: a prompt (no model output); input from the first instance. */
export function buildPromptRowSchema(maxFieldChars: number): z.ZodType<PromptRow> {
  const instance = z.object({ input: optionalText("input", maxFieldChars) }, { error: notAnObject });
  const instances = z
    .array(instance, { error: (issue) => `instances must be a list, got ${typeName(issue.input)}` })
    .min(1, { error: "instances is empty" });
  const shape = z.object(
    {
      id: optionalId("id", maxFieldChars),
      motivation_app: optionalText("motivation_app", maxFieldChars),
      instruction: requiredText("instruction", maxFieldChars),
      instances,
    },
    { error: notAnObject },
  );
  return shape.transform((r) => ({
    instruction: r.instruction,
    // Only the first instance is used: every row of the published set has exactly one.
    input: r.instances[0]?.input ?? "",
    category: r.motivation_app,
    externalId: r.id,
  }));
}

/** Maps a zod issue path back to the file's own field name, e.g. ["instances", 0, "input"] → "instances[0].input". */
export function issueField(path: readonly PropertyKey[], outputField: string): string | undefined {
  if (path.length === 0) return undefined;
  const first = path[0] === "output" ? outputField : String(path[0]);
  return path
    .slice(1)
    .reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`), first);
}
