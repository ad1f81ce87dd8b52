// Bodies of the rater's vote and flag requests, shared by the rating page and the route handlers.
import { z } from "zod";

import { CHOICES, checkFlagReason, RATIONALE_MAX_CHARS } from "@/lib/rating/limits";
import { markedIssuesSchema } from "./answer-issues";
import { criterionChoicesSchema } from "./criteria";

export { CHOICES, FLAG_REASON_MAX_CHARS, RATIONALE_MAX_CHARS, type VoteChoice } from "@/lib/rating/limits";

// Assignment ids are opaque base64url strings; anything else cannot be one.
const assignmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Not an assignment id");

// Blank rationale means "none given".
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, `${label} must be at most ${max} characters`).optional(),
  );

export const voteSchema = z.object({
  assignmentId: assignmentIdSchema,
  choice: z.enum(CHOICES, { error: "Choose LEFT, RIGHT, TIE or BOTH_BAD" }),
  rationale: optionalText(RATIONALE_MAX_CHARS, "The rationale"),
  // When the browser had shown both answers, in ms after the pair was shown (the rater's protection
  // against votes on unseen answers is in the browser; this keeps its evidence with the vote).
  seenBothMs: z.number().int().min(0).max(86_400_000).optional(),
  // Issues marked on each answer, by side as shown (the browser never knows which output is which).
  issues: markedIssuesSchema.optional(),
  // The choices on the study's criteria other than the primary (whose choice is `choice`), by key, in
  // the same left/right terms; required, every one, when the study asks several criteria.
  criteria: criterionChoicesSchema.optional(),
});

/** Undo the rater's last vote, named by the assignment it was cast under. */
export const undoSchema = z.object({ assignmentId: assignmentIdSchema });

export const flagSchema = z.object({
  assignmentId: assignmentIdSchema,
  reason: z.unknown().transform((value, ctx) => {
    const checked = checkFlagReason(value);
    if (checked.ok) return checked.reason;
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  }),
});

export type VoteInput = z.output<typeof voteSchema>;
export type FlagInput = z.output<typeof flagSchema>;
export type UndoInput = z.output<typeof undoSchema>;
