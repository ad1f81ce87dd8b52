import { describe, expect, it } from "vitest";
import { utcMinute } from "./format";
import { AUDIT_ACTIONS, describeAudit } from "./types";

describe("describeAudit", () => {
  it("says what happened for every action, from its details", () => {
    expect(describeAudit("RATER_WITHDREW", { rater: "r_ab12", votesRemoved: 1, onRequest: false })).toBe("r_ab12 withdrew: 1 vote removed");
    expect(describeAudit("RATER_WITHDREW", { rater: "r_ab12", votesRemoved: 7, onRequest: true })).toBe("r_ab12 withdrew (on request, by staff): 7 votes removed");
    expect(describeAudit("RATER_REMOVED", { rater: "r_x", mode: "remove-votes", votesRemoved: 3 })).toBe("Account of r_x deleted: 3 votes removed");
    expect(describeAudit("RATER_REMOVED", { rater: "r_x", mode: "keep-votes", votesRemoved: 0 })).toBe("Account of r_x deleted: votes kept under the pseudonym");
    expect(describeAudit("GOLD_SET", { pairId: "p1", answer: "B" })).toBe("Set the gold answer of pair p1 to B");
    expect(describeAudit("RESULTS_FROZEN", { label: "v1", votes: 2 })).toBe("Froze the results (“v1”): 2 votes");
    expect(describeAudit("STUDY_STOPPED", { reason: "DECIDED", level: 0.05, modelPairs: 1 })).toBe("Stopped serving pairs: every comparison decided at 5% (Bonferroni over 1 model pair)");
    expect(describeAudit("STUDY_STOPPED", { reason: "BUDGET", voteBudget: 600 })).toBe("Stopped serving pairs: vote budget of 600 spent");
    for (const action of AUDIT_ACTIONS) expect(describeAudit(action, {})).toMatch(/\S/);
  });

  it("prints times in UTC to the minute", () => {
    expect(utcMinute("2026-12-01T19:36:59.900Z")).toBe("2026-12-01 19:36 UTC");
  });
});
