import { describe, expect, it } from "vitest";
import { explainUnwrittenVote, optionError, type VoteContext } from "./vote-outcome";

const open: VoteContext = {
  status: "OPEN", allowTie: true, allowBothBad: true, rationale: "OFF",
  assignment: { expired: false, flagged: false, completed: false }, vote: null, undone: false, issueKeys: ["harmful", "refusal"],
  criterionKeys: [],
};
const recorded = { assignmentId: "asg", choice: "LEFT" as const, createdAt: new Date("2026-01-01T00:00:00Z"), issues: { left: [], right: [] }, criteria: {} };

describe("explainUnwrittenVote", () => {
  it("answers a repeat of the same vote with the first vote, a different one with 409", () => {
    expect(explainUnwrittenVote({ ...open, vote: recorded }, { choice: "LEFT" })).toEqual({ vote: recorded });
    expect(explainUnwrittenVote({ ...open, vote: recorded }, { choice: "RIGHT" })).toMatchObject({ error: { code: "already_voted" } });
  });

  it("takes a repeat as the same vote only if it marked the same issues on the same sides", () => {
    const marked = { ...recorded, issues: { left: ["harmful", "refusal"], right: [] } };
    expect(explainUnwrittenVote({ ...open, vote: marked }, { choice: "LEFT", issues: { left: ["refusal", "harmful"], right: [] } })).toEqual({ vote: marked });
    expect(explainUnwrittenVote({ ...open, vote: marked }, { choice: "LEFT", issues: { left: [], right: ["harmful", "refusal"] } }))
      .toMatchObject({ error: { code: "already_voted" } });
    expect(explainUnwrittenVote({ ...open, vote: marked }, { choice: "LEFT" })).toMatchObject({ error: { code: "already_voted" } });
    expect(explainUnwrittenVote({ ...open, vote: recorded }, { choice: "LEFT", issues: { left: [], right: [] } })).toEqual({ vote: recorded });
  });

  it("refuses an issue the study does not ask about", () => {
    expect(explainUnwrittenVote(open, { choice: "LEFT", issues: { left: ["refusal"], right: ["stereotype"] } }))
      .toMatchObject({ error: { status: 422, code: "unknown_issue" } });
    expect(explainUnwrittenVote({ ...open, issueKeys: [] }, { choice: "LEFT", issues: { left: ["refusal"], right: [] } }))
      .toMatchObject({ error: { code: "unknown_issue" } });
  });

  it("takes a repeat as the same vote only if it chose the same on every other criterion", () => {
    const judged = { ...open, criterionKeys: ["helpful", "harmless"] };
    const vote = { ...recorded, criteria: { helpful: "RIGHT" as const, harmless: "TIE" as const } };
    expect(explainUnwrittenVote({ ...judged, vote }, { choice: "LEFT", criteria: { harmless: "TIE", helpful: "RIGHT" } })).toEqual({ vote });
    expect(explainUnwrittenVote({ ...judged, vote }, { choice: "LEFT", criteria: { helpful: "RIGHT", harmless: "LEFT" } })).toMatchObject({ error: { code: "already_voted" } });
    expect(explainUnwrittenVote({ ...judged, vote }, { choice: "LEFT", criteria: { helpful: "RIGHT" } })).toMatchObject({ error: { code: "already_voted" } });
    expect(explainUnwrittenVote({ ...judged, vote }, { choice: "LEFT" })).toMatchObject({ error: { code: "already_voted" } });
  });

  it("refuses a vote that misses a criterion or names one the study does not ask, and a draw on a criterion where the study offers none", () => {
    const judged = { ...open, criterionKeys: ["helpful", "harmless"] };
    expect(explainUnwrittenVote(judged, { choice: "LEFT", criteria: { helpful: "LEFT" } })).toMatchObject({ error: { status: 422, code: "criteria_incomplete" } });
    expect(explainUnwrittenVote(judged, { choice: "LEFT" })).toMatchObject({ error: { code: "criteria_incomplete" } });
    expect(explainUnwrittenVote(judged, { choice: "LEFT", criteria: { helpful: "LEFT", harmless: "LEFT", honest: "LEFT" } }))
      .toMatchObject({ error: { code: "unknown_criterion" } });
    expect(explainUnwrittenVote(open, { choice: "LEFT", criteria: { helpful: "LEFT" } })).toMatchObject({ error: { code: "unknown_criterion" } });
    expect(optionError({ ...judged, allowTie: false }, { choice: "LEFT", criteria: { helpful: "TIE", harmless: "LEFT" } })).toMatchObject({ code: "choice_not_allowed" });
    expect(optionError({ ...judged, allowBothBad: false }, { choice: "LEFT", criteria: { helpful: "BOTH_BAD", harmless: "LEFT" } })).toMatchObject({ code: "choice_not_allowed" });
    expect(optionError(judged, { choice: "LEFT", criteria: { helpful: "BOTH_BAD", harmless: "TIE" } })).toBeNull();
  });

  it("still answers a repeat after the study closed or the lease expired", () => {
    const late = { ...open, status: "CLOSED" as const, assignment: { expired: true, flagged: false, completed: true }, vote: recorded };
    expect(explainUnwrittenVote(late, { choice: "LEFT" })).toEqual({ vote: recorded });
  });

  it("names the reason a new vote was refused", () => {
    expect(explainUnwrittenVote({ ...open, assignment: null }, { choice: "LEFT" })).toMatchObject({ error: { status: 404 } });
    expect(explainUnwrittenVote({ ...open, status: "CLOSED" }, { choice: "LEFT" })).toMatchObject({ error: { code: "study_closed" } });
    expect(explainUnwrittenVote({ ...open, assignment: { expired: true, flagged: false, completed: false } }, { choice: "LEFT" }))
      .toMatchObject({ error: { code: "assignment_expired" } });
    expect(explainUnwrittenVote({ ...open, assignment: { expired: false, flagged: true, completed: false } }, { choice: "LEFT" }))
      .toMatchObject({ error: { code: "assignment_flagged" } });
    expect(explainUnwrittenVote({ ...open, allowTie: false }, { choice: "TIE" })).toMatchObject({ error: { code: "choice_not_allowed" } });
    expect(explainUnwrittenVote({ ...open, assignment: { expired: false, flagged: false, completed: true } }, { choice: "LEFT" }))
      .toMatchObject({ error: { status: 409, code: "assignment_used" } });
  });

  it("refuses a member who has not accepted the study's consent page with 403, a repeat of a recorded vote aside", () => {
    expect(explainUnwrittenVote({ ...open, consentMissing: true }, { choice: "LEFT" }))
      .toMatchObject({ error: { status: 403, code: "consent_required" } });
    expect(explainUnwrittenVote({ ...open, consentMissing: true, vote: recorded }, { choice: "LEFT" })).toEqual({ vote: recorded });
  });

  it("says a vote under an undone assignment id was undone, not that the pair is unknown", () => {
    expect(explainUnwrittenVote({ ...open, assignment: null, undone: true }, { choice: "LEFT" }))
      .toMatchObject({ error: { status: 409, code: "vote_undone", message: "This vote was undone; the pair is back on your screen." } });
  });
});

describe("optionError", () => {
  it("requires a rationale only when the study does", () => {
    expect(optionError({ ...open, rationale: "REQUIRED" }, { choice: "LEFT" })).toMatchObject({ code: "rationale_required" });
    expect(optionError({ ...open, rationale: "REQUIRED" }, { choice: "LEFT", rationale: "ok" })).toBeNull();
    expect(optionError({ ...open, allowBothBad: false }, { choice: "BOTH_BAD" })).toMatchObject({ code: "choice_not_allowed" });
    expect(optionError(open, { choice: "BOTH_BAD" })).toBeNull();
  });
});
