// Form fields of the model-output upload, shared by the browser form and the server action
// so both accept and reject the same values. The file itself is checked by lib/ingest.
import { z } from "zod";
import { UNSAFE_NAME_CHARS, unsafeNameMessage } from "./names";

export const MODEL_NAME_MAX_CHARS = 200;

/**
 * Fields that already have a meaning in every format, so they cannot be "the output".
 * Choosing one would silently turn the prompt (or the model name) into the answer.
 */
export const RESERVED_FIELDS: readonly string[] = [
  "instruction",
  "input",
  "model",
  "generator",
  "category",
  "dataset",
  "id",
];

// Control characters in a name would break table layouts and CSV exports downstream.
export const modelNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a model name")
  .max(MODEL_NAME_MAX_CHARS, `The model name must be at most ${MODEL_NAME_MAX_CHARS} characters`)
  .refine((name) => !UNSAFE_NAME_CHARS.test(name), unsafeNameMessage("The model name"));

export const outputFieldSchema = z
  .string()
  .trim()
  .min(1, "Enter the name of the field that holds the output")
  .max(100, "The output field name must be at most 100 characters")
  .refine((name) => !RESERVED_FIELDS.includes(name.toLowerCase()), {
    message: `The output field cannot be one of: ${RESERVED_FIELDS.join(", ")}`,
  });

// HTML forms send "" for an untouched text input; treat that as "not given".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// FormData gives "on" (checkbox) or "true"/"false"; z.coerce.boolean would read "false" as true.
const formBoolean = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === "") return false;
    if (typeof value !== "string") return value;
    const text = value.trim().toLowerCase();
    if (["on", "true", "1", "yes"].includes(text)) return true;
    if (["off", "false", "0", "no"].includes(text)) return false;
    return value;
  },
  z.boolean({ error: "Expected yes or no" }),
);

export const uploadFormSchema = z.object({
  /** Needed when the file does not name its model (no "model"/"generator" field). */
  modelName: z.preprocess(blankToUndefined, modelNameSchema.optional()),
  /** Which field holds the output when it is not "output", e.g. "response" for Self-Instruct predictions. */
  outputField: z.preprocess(blankToUndefined, outputFieldSchema.optional()),
  /** Replace the model's existing outputs instead of rejecting a clash (the import step applies it). */
  replace: formBoolean,
  /** Accept empty outputs as real answers (a model can answer nothing; some published files do). */
  allowEmptyOutputs: formBoolean,
});

export type UploadForm = z.output<typeof uploadFormSchema>;
