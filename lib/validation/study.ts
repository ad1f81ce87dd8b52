// Study settings, shared by the new-study form and POST /api/studies.
import { z } from "zod";
import { UNSAFE_NAME_CHARS, unsafeNameMessage } from "./names";
import { answerIssuesSchema } from "./answer-issues";
import { criteriaSchema } from "./criteria";
import { participantFields } from "./participants";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

// "1, 2" from the form or [1, 2] from the API: the conversation turns judged one by one (none: the whole conversation).
const judgedTurnsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z.array(z.coerce.number({ message: "Turns are numbers, e.g. 1, 2" }).int("Turns are whole numbers").min(1, "Turns count from 1").max(50, "At most turn 50"))
    .max(50).refine((turns) => new Set(turns).size === turns.length, "Name each turn once")
    .transform((turns) => [...turns].sort((a, b) => a - b)),
).default([]);

// The fields; createStudySchema adds the rule across two of them.
const studyFields = z.object({
  name: z.string().trim().min(1, "Give the study a name").max(200, "The name must be at most 200 characters")
    .refine((name) => !UNSAFE_NAME_CHARS.test(name), unsafeNameMessage("The study name")),
  description: z.string().trim().max(5_000).default(""),
  guidelines: z.string().trim().max(50_000, "Guidelines must be at most 50,000 characters").default(""),
  modelIds: z.array(z.string().min(1)).min(2, "Choose at least two models").max(20, "Choose at most 20 models")
    .refine((ids) => new Set(ids).size === ids.length, "Each model can be chosen once"),
  votesPerPair: z.coerce.number().int().min(1, "At least 1 vote per pair").max(100, "At most 100 votes per pair").default(3),
  allowTie: checkbox.default(true),
  allowBothBad: checkbox.default(true),
  rationale: z.enum(["OFF", "OPTIONAL", "REQUIRED"]).default("OFF"),
  sampleSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "Sample at least 1 prompt").max(1_000_000).optional()),
  seed: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(2_147_483_647).default(1)),
  allModelPairs: checkbox.default(true),
  // Both on by default: a self-reference unblinds the pair, identical or empty answers make it meaningless.
  excludeLeaks: checkbox.default(true),
  keepDegeneratePairs: checkbox.default(false),
  judgedTurns: judgedTurnsField,
  showSystemPrompt: checkbox.default(false),
  minSecondsPerPair: z.coerce.number().int().min(0).max(3_600).default(0),
  // Adaptive votes and stopping (issue 22): the bounds are the database's CHECK constraints (migration adaptive_votes).
  adaptiveVotes: checkbox.default(false),
  stopLevel: z.preprocess(blankToUndefined, z.coerce.number({ message: "The stop level is a number, e.g. 0.05" })
    .gt(0, "The stop level must be above 0").lt(0.5, "The stop level must be below 0.5").optional()),
  voteBudget: z.preprocess(blankToUndefined, z.coerce.number({ message: "The vote budget is a whole number" }).int("The vote budget is a whole number")
    .min(1, "Allow at least 1 vote, or leave it empty").max(2_000_000_000).optional()),
  // Sampling of model pairs (3+ models): about this many of a prompt's model pairs go to raters; empty: all of them.
  pairsPerPrompt: z.preprocess(blankToUndefined, z.coerce.number({ message: "The model pairs per prompt is a number, e.g. 4" })
    .gt(0, "Put at least some model pairs of each prompt to raters, or leave it empty").max(190).optional()),
  // How the draw shares a prompt's pairs (lib/allocation/pair-sampling.ts): decide every comparison, or narrow the widest interval.
  pairSamplingRule: z.preprocess(blankToUndefined, z.enum(["ARENA", "VARIANCE"], { message: "The sampling rule is ARENA or VARIANCE" }).default("ARENA")),
  revealAfterVote: checkbox.default(false),
  // Issues raters may mark on each answer; none: the study does not ask.
  issues: answerIssuesSchema.default([]),
  // Criteria raters judge each pair on, the primary first; none: one overall choice.
  criteria: criteriaSchema.default([]),
  completionCode: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  completionUrl: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, message: "The completion URL must be an http(s) URL" }).optional()),
  ...participantFields,
  // Crowd entry: password-less raters identified by this query parameter of the crowd link.
  crowdEnabled: checkbox.default(false),
  crowdIdParam: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_]{1,64}$/, "Letters, digits and _ only").default("PROLIFIC_PID")),
  // Rater protection: the bounds are the database's CHECK constraints (migration rater_protection).
  voteSettleMs: z.preprocess(blankToUndefined, z.coerce.number().int().min(0, "The settle time cannot be negative")
    .max(10_000, "The settle time must be at most 10,000 ms").default(300)),
  requireSeenBoth: checkbox.default(true),
  undoSeconds: z.preprocess(blankToUndefined, z.coerce.number().int().min(0, "The undo window cannot be negative")
    .max(300, "The undo window must be at most 300 seconds").default(10)),
  maxVotesPerRater: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "Allow each rater at least 1 vote, or leave it empty")
    .max(1_000_000).optional()),
  minVotesForCompletion: z.preprocess(blankToUndefined, z.coerce.number().int().min(0, "The votes needed cannot be negative")
    .max(1_000_000).default(1)),
});

export const createStudySchema = studyFields.refine((s) => s.maxVotesPerRater === undefined || s.minVotesForCompletion <= s.maxVotesPerRater, {
  message: "The votes needed for the completion code cannot exceed the most votes a rater may cast",
  path: ["minVotesForCompletion"],
}).superRefine((s, ctx) => {
  const problem = pairSamplingProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["pairsPerPrompt"] });
  if (s.pairSamplingRule !== "ARENA" && s.pairsPerPrompt === undefined) {
    ctx.addIssue({ code: "custom", message: "The sampling rule applies only when model pairs are sampled: set the model pairs per prompt, or keep the default rule.", path: ["pairSamplingRule"] });
  }
});

/**
 * Why a study cannot sample model pairs as asked, or null. Sampling draws among every model pair of each
 * prompt (so all pairs, 3+ models), its intervals weigh each prompt's majority (so adaptive votes), and a
 * prompt is one observation (so not turn by turn).
 */
export function pairSamplingProblem(s: Pick<CreateStudyInput, "pairsPerPrompt" | "modelIds" | "adaptiveVotes" | "allModelPairs" | "judgedTurns">): string | null {
  if (s.pairsPerPrompt === undefined) return null;
  const modelPairs = (s.modelIds.length * (s.modelIds.length - 1)) / 2;
  if (s.modelIds.length < 3) return "Sampling model pairs needs at least three models (two have one pair).";
  if (!s.adaptiveVotes) return "Sampling model pairs needs adaptive votes.";
  if (!s.allModelPairs) return "Sampling model pairs draws among every model pair of a prompt: compare all model pairs.";
  if (s.judgedTurns.length > 0) return "Sampling model pairs is for single answers or whole conversations, not turns judged one by one.";
  if (s.pairsPerPrompt >= modelPairs) return `Choose fewer model pairs per prompt than the ${modelPairs} there are, or leave it empty to put all of them to raters.`;
  return null;
}

/** A crowd participant id as platforms send it (Prolific's are 24 hex characters). */
export const participantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "The participant id in the link is missing or malformed.");

export type CreateStudyInput = z.output<typeof createStudySchema>;

/** What the new-study form's counts depend on (POST /api/studies/preview). */
export const studyPreviewSchema = studyFields.pick({
  modelIds: true, allModelPairs: true, sampleSize: true, seed: true, excludeLeaks: true, keepDegeneratePairs: true, judgedTurns: true,
});

export type StudyPreviewInput = z.output<typeof studyPreviewSchema>;

export const studyStatusChangeSchema = z.object({ status: z.enum(["OPEN", "CLOSED"]) });

export const addRatersSchema = z.object({
  emails: z.string().transform((text) => text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email({ message: "One of the addresses is not a valid email" })).min(1, "Enter at least one email").max(500)),
});

/** The answer of POST /api/studies/{id}/raters: each new invitation's link (a path) appears here only. */
export type AddRatersResponse = { added: string[]; invited: { email: string; link: string; expiresAt: string }[]; notRaters: string[] };

export const goldAnswerSchema = z.object({ pairId: z.string().min(1), answer: z.enum(["A", "B"]).nullable() });

/** An admin leaving a pair out of the study (excluded: true) or counting it again (false). */
export const pairExclusionSchema = z.object({
  pairId: z.string().min(1).max(100),
  excluded: z.boolean({ error: "excluded must be true (leave the pair out) or false (count it again)" }),
});

export const goldRateSchema = z.object({ goldRate: z.coerce.number().min(0, "Between 0 and 1").max(1, "Between 0 and 1") });

/** The admin's verdict on an output flagged as possibly revealing its author. */
export const leakReviewSchema = z.object({ outputId: z.string().min(1).max(100), decision: z.enum(["CLEARED", "CONFIRMED"]) });
