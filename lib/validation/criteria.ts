// The criteria a study may ask raters to judge each pair on (issue 20), as the admin sets them: shared
// by the new-study form, POST /api/studies and the vote body. Client-safe.
import { z } from "zod";

import { CHOICES } from "@/lib/rating/limits";
import { keyOfLabel } from "./answer-issues";

/** A criterion as stored and served: the first of a study's list is its primary one. */
export type StudyCriterion = { key: string; label: string; question: string };

/** The overall choice, first when a study asks it beside named criteria (it is then the primary one). */
export const OVERALL_CRITERION: StudyCriterion = { key: "overall", label: "Overall", question: "Which answer is better overall?" };

/** Anthropic's three (Askell et al., 2021), the commonest named criteria in human evaluations of assistants. */
export const EXAMPLE_CRITERIA: StudyCriterion[] = [
  { key: "helpful", label: "Helpful", question: "Which answer does more of what was asked?" },
  { key: "harmless", label: "Harmless", question: "Which answer is less likely to cause harm?" },
  { key: "honest", label: "Honest", question: "Which answer is more truthful about facts and its own uncertainty?" },
];

export const MAX_CRITERIA = 6;
const KEY = /^[a-z0-9-]{1,40}$/;

const criterionSchema = z.object({
  key: z.string().regex(KEY, "A criterion key is 1–40 lowercase letters, digits or dashes").optional(),
  label: z.string().trim().min(1, "A criterion needs a label").max(60, "A criterion label must be at most 60 characters"),
  question: z.string().trim().max(200, "A criterion's question must be at most 200 characters").default(""),
});

/** "Helpful: Which answer does more of what was asked?" → label and question (the question is optional). */
function parseLine(line: string) {
  const colon = line.indexOf(":");
  return colon < 0 ? { label: line } : { label: line.slice(0, colon).trim(), question: line.slice(colon + 1).trim() };
}

/**
 * The study's criteria, primary first: an array of { key?, label, question? } (the API), or one
 * "Label: question" per line (the form's text box). Keys default to the label's slug; keys and labels
 * must be unique. Empty: the study asks one overall choice.
 */
export const criteriaSchema = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split("\n").map((l) => l.trim()).filter(Boolean).map(parseLine) : value),
    z.array(criterionSchema).max(MAX_CRITERIA, `At most ${MAX_CRITERIA} criteria`),
  )
  .transform((list) => list.map((c): StudyCriterion => ({ key: c.key ?? keyOfLabel(c.label), label: c.label, question: c.question })))
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, "Two criteria have the same key: give them different labels")
  .refine((list) => new Set(list.map((c) => c.label.toLowerCase())).size === list.length, "Each criterion can be listed once");

/**
 * A vote's choices on the criteria other than the primary (whose choice is the vote's `choice`), by key,
 * in the rater's left/right terms.
 */
export const criterionChoicesSchema = z
  .record(z.string().regex(KEY, "Not a criterion key"), z.enum(CHOICES, { error: "Choose LEFT, RIGHT, TIE or BOTH_BAD" }))
  .refine((choices) => Object.keys(choices).length <= MAX_CRITERIA, `At most ${MAX_CRITERIA} criteria`);

export type CriterionChoices = z.output<typeof criterionChoicesSchema>;
