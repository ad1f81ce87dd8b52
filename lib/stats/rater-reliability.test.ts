import { describe, expect, it } from "vitest";
import { mulberry32 } from "./rng";
import { agreementAboveChance, holmAdjust, OUTCOMES, reliabilityFlags, type Outcome, type OutcomeCounts, type RaterReferenceCounts } from "./rater-reliability";

const counts = (c: Partial<OutcomeCounts> = {}): OutcomeCounts => ({ A: 0, B: 0, TIE: 0, BOTH_BAD: 0, ...c });

describe("agreementAboveChance", () => {
  it("matches a hand computation: 10 reference votes, all A-consensus, shares 50/50, 9 agreed", () => {
    // P(X >= 9 | n = 10, p = 0.5) = (10 + 1) / 1024
    const t = agreementAboveChance({ votes: counts({ A: 5, B: 5 }), reference: counts({ A: 10 }), agreed: 9 });
    expect(t.expected).toBeCloseTo(5, 12);
    expect(t.pValue).toBeCloseTo(11 / 1024, 12);
  });

  it("sums binomials of different consensus outcomes", () => {
    // Shares A 0.5, TIE 0.5; 1 A-consensus vote (p 0.5), 1 TIE-consensus vote (p 0.5): P(X >= 2) = 0.25.
    const t = agreementAboveChance({ votes: counts({ A: 1, TIE: 1 }), reference: counts({ A: 1, TIE: 1 }), agreed: 2 });
    expect(t.pValue).toBeCloseTo(0.25, 12);
    // A rater who never ties cannot match a TIE consensus by chance: P(X >= 1) with p_A = 1, p_TIE = 0 is 1.
    expect(agreementAboveChance({ votes: counts({ A: 4 }), reference: counts({ A: 1, TIE: 1 }), agreed: 1 }).pValue).toBeCloseTo(1, 12);
  });

  it("says nothing without reference votes", () => {
    expect(agreementAboveChance({ votes: counts({ A: 3 }), reference: counts(), agreed: 0 })).toEqual({ n: 0, agreed: 0, expected: 0, pValue: 1 });
    expect(() => agreementAboveChance({ votes: counts({ A: 3 }), reference: counts({ A: 2 }), agreed: 3 })).toThrow(RangeError);
  });
});

describe("holmAdjust", () => {
  it("steps down and keeps order monotone", () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });
});

// A simulated study like a real one: 400 pairs, 4 votes each from a pool of 8 raters. On three pairs in
// four the better answer is clear and careful raters pick it 90% of the time; on contested pairs careful
// raters split evenly, and the "minority" rater always takes the less popular side there (and the clear
// answer elsewhere). The "random" rater picks A, B or tie at random.
function simulate(seed: number) {
  const rng = mulberry32(seed);
  const raters = ["careful-1", "careful-2", "careful-3", "careful-4", "careful-5", "careful-6", "random", "minority"];
  const votes: { rater: string; pair: number; outcome: Outcome }[] = [];
  for (let pair = 0; pair < 400; pair++) {
    const truth: Outcome = rng() < 0.5 ? "A" : "B";
    const other: Outcome = truth === "A" ? "B" : "A";
    const contested = pair % 4 === 0;
    const panel = [...raters].sort(() => rng() - 0.5).slice(0, 4);
    for (const rater of panel) {
      let outcome: Outcome;
      if (rater === "random") outcome = OUTCOMES[Math.floor(rng() * 3)]!;
      else if (rater === "minority") outcome = contested ? other : truth;
      else if (contested) outcome = rng() < 0.5 ? truth : other;
      else outcome = rng() < 0.9 ? truth : other;
      votes.push({ rater, pair, outcome });
    }
  }
  return { raters, votes };
}

function referenceCounts(raters: string[], votes: { rater: string; pair: number; outcome: Outcome }[]): RaterReferenceCounts[] {
  return raters.map((rater) => {
    const own = votes.filter((v) => v.rater === rater);
    const r: RaterReferenceCounts = { votes: counts(), reference: counts(), agreed: 0 };
    for (const v of own) {
      r.votes[v.outcome]++;
      const others = votes.filter((o) => o.pair === v.pair && o.rater !== rater).map((o) => o.outcome);
      if (others.length >= 2 && others.every((o) => o === others[0])) {
        r.reference[others[0]!]++;
        if (v.outcome === others[0]) r.agreed++;
      }
    }
    return r;
  });
}

describe("reliabilityFlags", () => {
  it("flags a random rater among consistent ones, and not a consistent minority on contested pairs", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { raters, votes } = simulate(seed);
      const flags = reliabilityFlags(referenceCounts(raters, votes));
      const flagged = raters.filter((_, i) => flags[i]!.flagged);
      expect(flagged, `seed ${seed}`).toEqual(["random"]);
    }
  });

  it("does not test raters with too few reference votes", () => {
    const [few] = reliabilityFlags([{ votes: counts({ A: 5 }), reference: counts({ B: 3 }), agreed: 0 }]);
    expect(few).toMatchObject({ n: 3, adjustedP: null, flagged: false });
  });
});
