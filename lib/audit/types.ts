// The audit trail as the admin page and the archive show it: client-safe types and wording.

export const AUDIT_ACTIONS = [
  "STUDY_OPENED", "STUDY_CLOSED", "GOLD_SET", "GOLD_CLEARED", "PROMPT_EXCLUDED", "PROMPT_INCLUDED",
  "OUTPUTS_REPLACED", "VOTE_UNDONE", "RATER_WITHDREW", "RATER_REMOVED", "RESULTS_FROZEN", "STUDY_STOPPED",
] as const;

export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a staff user (id and email) or, with id null, a rater's pseudonym or "system". */
export type Actor = { id: string | null; label: string };

export type AuditEntry = { id: string; at: string; actor: string; action: AuditActionName; details: Record<string, unknown> };

/** Actions after which figures frozen earlier were computed with votes that are gone. */
export const VOTES_REMOVED_ACTIONS: readonly AuditActionName[] = ["RATER_WITHDREW", "RATER_REMOVED"];

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "?");
const plural = (n: unknown, one: string) => `${str(n)} ${one}${n === 1 ? "" : "s"}`;

/** One line saying what happened, from the row's action and details. */
export function describeAudit(action: AuditActionName, d: Record<string, unknown>): string {
  switch (action) {
    case "STUDY_OPENED": return "Opened the study";
    case "STUDY_CLOSED": return "Closed the study";
    case "GOLD_SET": return `Set the gold answer of pair ${str(d.pairId)} to ${str(d.answer)}`;
    case "GOLD_CLEARED": return `Cleared the gold answer of pair ${str(d.pairId)}`;
    case "PROMPT_EXCLUDED": return `Excluded pair ${str(d.pairId)}: no longer served, left out of the results`;
    case "PROMPT_INCLUDED": return `Counted pair ${str(d.pairId)} again: served and in the results`;
    case "OUTPUTS_REPLACED": return `Replaced ${plural(d.outputs, "output")} of its pairs (upload ${str(d.fileName)})`;
    case "VOTE_UNDONE": return `${str(d.rater)} undid a vote on pair ${str(d.pairId)}`;
    case "RATER_WITHDREW":
      return `${str(d.rater)} withdrew${d.onRequest ? " (on request, by staff)" : ""}: ${plural(d.votesRemoved, "vote")} removed`;
    case "RATER_REMOVED":
      return `Account of ${str(d.rater)} deleted: ${d.votesRemoved === 0 ? "" : `${plural(d.votesRemoved, "vote")} `}${d.mode === "keep-votes" ? "votes kept under the pseudonym" : "removed"}`;
    case "RESULTS_FROZEN": return `Froze the results${d.label ? ` (“${str(d.label)}”)` : ""}: ${plural(d.votes, "vote")}`;
    case "STUDY_STOPPED":
      return d.reason === "BUDGET"
        ? `Stopped serving pairs: vote budget of ${str(d.voteBudget)} spent`
        : `Stopped serving pairs: every comparison decided at ${typeof d.level === "number" ? `${Number((d.level * 100).toPrecision(3))}%` : "?"} (Bonferroni over ${plural(d.modelPairs, "model pair")})`;
  }
}
