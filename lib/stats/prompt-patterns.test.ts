import { describe, it, expect } from "vitest";
import { buildPairMatrix, type PairRecord } from "./pair-matrix";
import { packPromptVotes, type PromptVotes } from "./prompt-patterns";
import { sumPatterns } from "./prompt-resample";

const rec = (a: string, b: string, winsA: number, winsB: number, ties = 0, bothBad = 0): PairRecord => ({ a, b, winsA, winsB, ties, bothBad });

/** The points matrix of `counts[k]` copies of each pattern. */
function pointsOf(prompts: readonly PromptVotes[], counts?: (multiplicity: Float64Array) => Float64Array) {
  const patterns = packPromptVotes(prompts);
  const n = patterns.models.length;
  const points = new Float64Array(n * n);
  sumPatterns(patterns, counts ? counts(patterns.multiplicity) : patterns.multiplicity, points);
  return { patterns, points: [...points] };
}

/** Every prompt's records, repeated `count` times, as one list for buildPairMatrix. */
const allRecords = (prompts: readonly PromptVotes[]) => prompts.flatMap((p) => Array.from({ length: p.count ?? 1 }, () => p.pairs).flat());

describe("packPromptVotes", () => {
  it("merges prompts whose points agree, however their draws are split or their pairs written", () => {
    // The first three give A and B a point each on A-B, and C 1.5 of 2 points against B (doubled: 2 and 2, 1 and 3).
    const prompts = [
      { pairs: [rec("A", "B", 1, 1), rec("B", "C", 0, 1, 1)] },
      { pairs: [rec("A", "B", 0, 0, 2), rec("C", "B", 1, 0, 0, 1)], count: 2 },
      { pairs: [rec("B", "A", 0, 0, 1, 1), rec("B", "C", 0, 1), rec("B", "C", 0, 0, 1)] },
      { pairs: [rec("A", "B", 2, 0)] }, // another pattern
      { pairs: [rec("A", "C", 0, 0)], count: 5 }, // no votes: left out
    ];
    const { patterns } = pointsOf(prompts);
    expect(patterns.models).toEqual(["A", "B", "C"]);
    expect(patterns.prompts).toBe(5);
    expect([...patterns.multiplicity].sort()).toEqual([1, 4]);
  });

  it("packs fields wide enough for P copies of the largest count, and keeps non-whole counts unpacked", () => {
    // Hand: 10 prompts whose largest doubled points are 6 (3 wins): a field must hold 60, so 6 bits, 8 per number.
    const ten = [{ pairs: [rec("A", "B", 3, 0), rec("B", "C", 1, 2)], count: 10 }];
    expect(pointsOf(ten).patterns).toMatchObject({ bits: 6, fields: 8 });
    // 2^26 prompts of one vote: fields up to 2^27 need 28 bits; one field per number then.
    expect(pointsOf([{ pairs: [rec("A", "B", 1, 0), rec("B", "C", 0, 1)], count: 2 ** 26 }]).patterns).toMatchObject({ fields: 1 });
    // A quarter vote doubles to a half point, not a whole number.
    expect(pointsOf([{ pairs: [rec("A", "B", 0.25, 1)] }]).patterns).toMatchObject({ fields: 1 });
  });

  it("sums to the points matrix of all the votes, packed or not", () => {
    const prompts: PromptVotes[] = Array.from({ length: 40 }, (_, i) => ({
      pairs: [rec("A", "B", i % 4, 3 - (i % 4)), rec("C", "B", i % 3, 1, 1, (i % 5) % 2), rec("A", "D", 1, 0, i % 2), rec("C", "D", 0, 2)],
      count: 1 + (i % 3),
    }));
    const { patterns, points } = pointsOf(prompts);
    expect(patterns.fields).toBeGreaterThan(1);
    expect(points).toEqual([...buildPairMatrix(allRecords(prompts)).points]);
    const halves = prompts.map((p) => ({ ...p, pairs: p.pairs.map((r) => ({ ...r, winsA: r.winsA + 0.25 })) }));
    expect(pointsOf(halves).patterns.fields).toBe(1);
    expect(pointsOf(halves).points).toEqual([...buildPairMatrix(allRecords(halves)).points]);
  });

  it("sums without carrying between fields when a resample draws every prompt as the largest pattern", () => {
    // Hand: 1,000 prompts, the largest doubled points 6, so fields of 13 bits (6,000 < 8,192), 4 per number.
    // All 1,000 draws on the pattern with 3 A wins on every pair: each model's wins are 3,000 per pair.
    const prompts = [
      { pairs: [rec("A", "B", 3, 0), rec("A", "C", 3, 0), rec("B", "C", 3, 0)], count: 1 },
      { pairs: [rec("A", "B", 0, 3), rec("A", "C", 1, 2), rec("B", "C", 0, 0, 3)], count: 999 },
    ];
    const { patterns, points } = pointsOf(prompts, (m) => Float64Array.from(m, (x) => (x === 1 ? 1000 : 0)));
    expect(patterns).toMatchObject({ bits: 13, fields: 4 });
    // Models A, B, C: row i is i's points against each.
    expect(points).toEqual([0, 3000, 3000, 0, 0, 3000, 0, 0, 0]);
  });

  it("rejects a model compared with itself and counts that are not whole", () => {
    expect(() => packPromptVotes([{ pairs: [rec("A", "A", 1, 0)] }])).toThrow(RangeError);
    expect(() => packPromptVotes([{ pairs: [rec("A", "B", 1, 0)], count: -1 }])).toThrow(RangeError);
  });
});
