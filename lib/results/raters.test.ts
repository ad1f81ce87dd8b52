import { describe, expect, it } from "vitest";
import type { RaterStatsRow } from "./inputs";
import { DEFAULT_MIN_MEDIAN_SECONDS, raterRows, raterThresholds } from "./raters";

function stats(overrides: Partial<RaterStatsRow>): RaterStatsRow {
  return { raterId: "u1", pseudonym: "r_1", votes: 0, left: 0, right: 0, ties: 0, bothBad: 0, tooFast: 0, medianMs: 20_000, goldVotes: 0, goldCorrect: 0, flagged: 0, undone: 0, ...overrides };
}

describe("raterRows", () => {
  const t = raterThresholds(0);

  it("flags a rater who picks the left side in >= 90% of 10+ decisive votes", () => {
    const [row] = raterRows([stats({ votes: 12, left: 9, right: 1, ties: 2 })], t);
    expect(row!.leftShare).toBe(0.9);
    expect(row!.suspicious).toEqual(["always-left"]);
    // 9 of 9 is not enough votes to say so.
    expect(raterRows([stats({ votes: 9, left: 9 })], t)[0]!.suspicious).toEqual([]);
    expect(raterRows([stats({ votes: 10, right: 10 })], t)[0]!.suspicious).toEqual(["always-right"]);
  });

  it("flags a median below the study minimum, or below the documented default when the study sets none", () => {
    expect(t.minMedianSeconds).toBe(DEFAULT_MIN_MEDIAN_SECONDS);
    expect(raterRows([stats({ votes: 3, medianMs: 4_999 })], t)[0]!.suspicious).toEqual(["too-fast"]);
    expect(raterRows([stats({ votes: 3, medianMs: 12_000 })], raterThresholds(15))[0]!.suspicious).toEqual(["too-fast"]);
    expect(raterRows([stats({ votes: 3, medianMs: 12_000 })], raterThresholds(10))[0]!.suspicious).toEqual([]);
  });

  it("reports gold accuracy and flags below 50% on 3+ gold pairs; reports agreement", () => {
    const [row] = raterRows([stats({ votes: 5, goldVotes: 4, goldCorrect: 1, agreed: 3, compared: 4 })], t);
    expect(row!.gold).toEqual({ correct: 1, total: 4, accuracy: 0.25 });
    expect(row!.suspicious).toEqual(["low-gold"]);
    expect(row!.agreement).toEqual({ agreed: 3, compared: 4, rate: 0.75 });
    expect(raterRows([stats({ votes: 1 })], t)[0]!.agreement.rate).toBeNull();
  });

  it("flags agreement with unanimous others no better than the rater's own choice shares, Holm-corrected, and reports n and p", () => {
    // Careful: 40 reference votes (20 A-, 20 B-consensus), shares 50/50, 38 agreed: p far below 0.01.
    // Random: same shares and reference votes, 21 agreed (20 expected): p about 0.44, flagged.
    const careful = stats({ raterId: "u1", pseudonym: "r_1", votes: 40, ownA: 20, ownB: 20, refA: 20, refB: 20, refAgreed: 38 });
    const random = stats({ raterId: "u2", pseudonym: "r_2", votes: 40, ownA: 20, ownB: 20, refA: 20, refB: 20, refAgreed: 21 });
    const few = stats({ raterId: "u3", pseudonym: "r_3", votes: 9, ownA: 9, refA: 9, refAgreed: 0 });
    const [c, r, f] = raterRows([careful, random, few], t);
    expect(c!.suspicious).toEqual([]);
    expect(c!.reliability).toMatchObject({ n: 40, agreed: 38, expected: 20 });
    expect(c!.reliability.adjustedP!).toBeLessThan(0.01);
    expect(r!.suspicious).toEqual(["chance-agreement"]);
    expect(r!.reliability.pValue).toBeGreaterThan(0.3);
    // Under 10 reference votes: reported, not tested, not flagged.
    expect(f!.reliability).toMatchObject({ n: 9, adjustedP: null });
    expect(f!.suspicious).toEqual([]);
  });
});
