// Query parameters of the results and export APIs, and the rows of an imported judge file
// (AlpacaEval annotation format), validated at the edge with zod.
import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/exports/types";

const pseudonymList = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? "").split(",").map((p) => p.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(100)).max(500, "Exclude at most 500 raters"));

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const resultsQuerySchema = z.object({
  /** Comma-separated pseudonyms left out of every figure. */
  exclude: pseudonymList,
  /** A pair id: return that prompt's detail instead of the figures. */
  pair: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(25)),
  model: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  category: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(["A", "B", "tie", "none", "held"]).optional()),
  /** A model name: pairs whose majority picked that model's answer. */
  winner: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});

export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(", ")}` }),
  // A criterion key for alpaca_eval and battles (checked against the study's; blank: the primary).
  criterion: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100, "Not a criterion key").optional()),
});

/** URLSearchParams → plain object for the schemas (last value wins). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

/**
 * preference: 1 = output_1 better, 2 = output_2 better, 0 (legacy) or 1.5 = draw. Continuous judges
 * (values strictly between 1 and 2) are read as their nearer side, 1.5 exactly as a draw.
 */
export const judgeRowSchema = z.object({
  instruction: z.string().min(1, "instruction is missing"),
  input: z.string().optional(),
  output_1: z.string().optional(),
  output_2: z.string().optional(),
  generator_1: z.string().trim().min(1, "generator_1 is missing"),
  generator_2: z.string().trim().min(1, "generator_2 is missing"),
  preference: z.number({ error: "preference must be a number (1, 2, 0 or 1.5)" }).refine((p) => p === 0 || (p >= 1 && p <= 2), {
    message: "preference must be 1 (output_1 wins), 2 (output_2 wins), or 0 / 1.5 (a draw)",
  }),
  annotator: z.string().optional(),
});

export type JudgeRow = z.infer<typeof judgeRowSchema>;

/** Which generator the judge preferred: 1, 2, or null for a draw. */
export function judgePreference(preference: number): 1 | 2 | null {
  if (preference === 0 || preference === 1.5) return null;
  return preference < 1.5 ? 1 : 2;
}

export const JUDGE_MAX_ROWS = 100_000;
export const JUDGE_MAX_BYTES = 50 * 1024 * 1024;

export const judgeMetaSchema = z.object({
  /** Overrides the annotator name found in the rows. */
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).optional()),
  fileName: z.preprocess(blankToUndefined, z.string().trim().min(1).max(255).optional()),
});
