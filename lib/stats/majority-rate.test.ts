import { describe, expect, it } from "vitest";
import { bootstrapWinRate } from "./bootstrap";
import { bootstrapMajorityRate, majorityMarked, type CountedMarks } from "./majority-rate";
import { mulberry32, randomInt } from "./rng";
import { quantileSorted } from "./summary";

describe("majorityMarked", () => {
  it("needs strictly more than half of the ratings", () => {
    expect(majorityMarked(1, 1)).toBe(true);
    expect(majorityMarked(2, 1)).toBe(false); // 1 of 2 is not a majority
    expect(majorityMarked(3, 2)).toBe(true);
    expect(majorityMarked(4, 2)).toBe(false);
    expect(majorityMarked(0, 0)).toBe(false);
  });
});

const answers: CountedMarks[] = [
  { rated: 3, marked: 3 },
  { rated: 3, marked: 2 },
  { rated: 2, marked: 1 },
  { rated: 1, marked: 0 },
  { rated: 4, marked: 1 },
  { rated: 2, marked: 2, count: 2 },
  { rated: 0, marked: 0, count: 5 }, // never rated: not counted
];

const many: CountedMarks[] = [
  { rated: 3, marked: 3, count: 10 },
  { rated: 3, marked: 0, count: 25 },
  { rated: 3, marked: 1, count: 5 },
  { rated: 2, marked: 2, count: 10 },
];

describe("bootstrapMajorityRate", () => {
  it("counts rated answers and majority-marked ones", () => {
    // Rated: 7 answers (the pattern with count 2 twice); present: (3,3), (3,2), (2,2) x2 = 4.
    const r = bootstrapMajorityRate(answers, { seed: "s", resamples: 500 });
    expect(r).toMatchObject({ answers: 7, present: 4, resamples: 500 });
    expect(r.rate).toBeCloseTo(4 / 7, 12);
  });

  it("adds up answers repeated with the same counts", () => {
    const apart = bootstrapMajorityRate([...answers, { rated: 3, marked: 2 }], { seed: "s", resamples: 200 });
    const together = bootstrapMajorityRate([...answers.slice(0, 1), { rated: 3, marked: 2, count: 2 }, ...answers.slice(2)], { seed: "s", resamples: 200 });
    expect(apart).toMatchObject({ answers: 8, present: 5 });
    expect(together).toEqual(apart);
  });

  it("is null without rated answers", () => {
    expect(bootstrapMajorityRate([{ rated: 0, marked: 0 }])).toEqual({ answers: 0, present: 0, rate: null, interval: null, resamples: 0 });
  });

  it("is deterministic for a seed, whatever the input order", () => {
    const a = bootstrapMajorityRate(answers, { seed: "study:issue", resamples: 300 });
    const b = bootstrapMajorityRate([...answers].reverse(), { seed: "study:issue", resamples: 300 });
    expect(b).toEqual(a);
    // Seven answers put the rates on a 1/7 grid where two seeds' quantiles often coincide; 60 answers do not.
    const wide = answers.map((x) => ({ ...x, count: 10 * (x.count ?? 1) }));
    const c = bootstrapMajorityRate(wide, { seed: "study:issue", resamples: 200 });
    const d = bootstrapMajorityRate(wide, { seed: "other", resamples: 200 });
    expect(d.interval).not.toEqual(c.interval);
  });

  it("contains the rate in a non-degenerate case", () => {
    const r = bootstrapMajorityRate(many, { seed: 7 });
    expect(r.rate).toBeCloseTo(20 / 50, 12);
    expect(r.interval!.low).toBeLessThan(0.4);
    expect(r.interval!.high).toBeGreaterThan(0.4);
    expect(r.interval!.high - r.interval!.low).toBeGreaterThan(0.15);
  });

  it("with one rating per answer, spreads like a plain prompt bootstrap", () => {
    // Second stage is degenerate (p = 0 or 1): only the prompt resampling is left.
    const once: CountedMarks[] = [{ rated: 1, marked: 1, count: 12 }, { rated: 1, marked: 0, count: 28 }];
    const r = bootstrapMajorityRate(once, { seed: 1, resamples: 2000 });
    const plain = bootstrapWinRate([{ winsA: 1, winsB: 0, ties: 0, count: 12 }, { winsA: 0, winsB: 1, ties: 0, count: 28 }], { seed: 2, resamples: 2000 });
    expect(r.rate).toBeCloseTo(plain.estimate!, 12);
    expect(Math.abs(r.interval!.low - plain.interval!.low)).toBeLessThan(0.03);
    expect(Math.abs(r.interval!.high - plain.interval!.high)).toBeLessThan(0.03);
  });

  it("agrees with resampling the prompts literally, each keeping its observed majority", () => {
    const counts: CountedMarks[] = [{ rated: 3, marked: 2, count: 30 }, { rated: 3, marked: 0, count: 20 }];
    const list = counts.flatMap((a) => Array.from({ length: a.count ?? 1 }, () => a));
    const rng = mulberry32(11);
    const rates = Array.from({ length: 4000 }, () => {
      let present = 0;
      for (let j = 0; j < list.length; j++) {
        const a = list[randomInt(rng, list.length)]!;
        present += +majorityMarked(a.rated, a.marked);
      }
      return present / list.length;
    }).sort((x, y) => x - y);
    const r = bootstrapMajorityRate(counts, { seed: 12, resamples: 4000 });
    expect(Math.abs(r.interval!.low - quantileSorted(rates, 0.025)!)).toBeLessThan(0.025);
    expect(Math.abs(r.interval!.high - quantileSorted(rates, 0.975)!)).toBeLessThan(0.025);
    expect(r.rate).toBe(0.6);
    expect(r.interval!.low).toBeLessThan(0.6);
    expect(r.interval!.high).toBeGreaterThan(0.6);
  });

  it("does not re-rate answers: a fragile majority counts as observed", () => {
    // Every answer marked by 2 of 3: each is present, in every resample.
    expect(bootstrapMajorityRate([{ rated: 3, marked: 2, count: 30 }], { seed: 3 }).interval).toEqual({ low: 1, high: 1 });
  });
});
