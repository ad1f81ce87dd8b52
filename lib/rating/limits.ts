// What a rater may send, as plain values and checks the rating page can import without zod (its
// bundle stays small); lib/validation/vote.ts builds the server's schemas from the same rules.
export const CHOICES = ["LEFT", "RIGHT", "TIE", "BOTH_BAD"] as const;
export type VoteChoice = (typeof CHOICES)[number];

export const RATIONALE_MAX_CHARS = 4000;

/** What the rater is told when the study asks for a rationale and the vote has none (the server's answer too). */
export const RATIONALE_REQUIRED_MESSAGE = "This study asks for a short rationale with every vote.";
export const FLAG_REASON_MAX_CHARS = 1000;

/** The flag reason as stored (trimmed), or what is wrong with it. */
export function checkFlagReason(reason: unknown): { ok: true; reason: string } | { ok: false; message: string } {
  const text = typeof reason === "string" ? reason.trim() : "";
  if (!text) return { ok: false, message: "Say what is wrong with this pair" };
  if (text.length > FLAG_REASON_MAX_CHARS) return { ok: false, message: `The reason must be at most ${FLAG_REASON_MAX_CHARS} characters` };
  return { ok: true, reason: text };
}
