// The issues a study may ask raters to mark on each answer (issue 20), as the admin sets them: shared
// by the new-study form, POST /api/studies and the vote body. Client-safe.
import { z } from "zod";

export type AnswerIssue = { key: string; label: string };

/** Alpaca's own list of what its model still got wrong, plus the two failures raters report most. */
export const DEFAULT_ANSWER_ISSUES: AnswerIssue[] = [
  { key: "factual-error", label: "Factual error / hallucination" },
  { key: "harmful", label: "Harmful or toxic content" },
  { key: "stereotype", label: "Stereotype or bias" },
  { key: "refusal", label: "Refusal or evasion" },
  { key: "off-instruction", label: "Does not follow the instruction" },
];

export const MAX_ANSWER_ISSUES = 12;
const KEY = /^[a-z0-9-]{1,40}$/;

/** A stable key from a label (issues and criteria): "Factual error / hallucination" → "factual-error-hallucination". */
export function keyOfLabel(label: string): string {
  const slug = label.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  return slug || "issue";
}

const issueSchema = z.object({
  key: z.string().regex(KEY, "An issue key is 1–40 lowercase letters, digits or dashes").optional(),
  label: z.string().trim().min(1, "An issue needs a label").max(80, "An issue label must be at most 80 characters"),
});

/**
 * The study's issue list: an array of { key?, label } (the API), or one label per line (the form's
 * text box). Keys default to the label's slug; keys and labels must be unique.
 */
export const answerIssuesSchema = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split("\n").map((l) => l.trim()).filter(Boolean).map((label) => ({ label })) : value),
    z.array(issueSchema).max(MAX_ANSWER_ISSUES, `At most ${MAX_ANSWER_ISSUES} issues`),
  )
  .transform((issues) => issues.map((i): AnswerIssue => ({ key: i.key ?? keyOfLabel(i.label), label: i.label })))
  .refine((issues) => new Set(issues.map((i) => i.key)).size === issues.length, "Two issues have the same key: give them different labels")
  .refine((issues) => new Set(issues.map((i) => i.label.toLowerCase())).size === issues.length, "Each issue can be listed once");

const sideKeys = z.array(z.string().regex(KEY, "Not an issue key")).max(MAX_ANSWER_ISSUES)
  .refine((keys) => new Set(keys).size === keys.length, "An issue can be marked once per answer");

/** What the rater marked with a vote: issue keys on the answer shown left (A) and right (B). */
export const markedIssuesSchema = z.object({ left: sideKeys.default([]), right: sideKeys.default([]) });

export type MarkedIssues = z.output<typeof markedIssuesSchema>;
