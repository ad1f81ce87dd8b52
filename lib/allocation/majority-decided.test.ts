import { describe, it, expect } from "vitest";
import { closedPrefixScores, majorityScore, pairMajority } from "./majority-decided";

const v = (winsA: number, winsB: number, ties = 0, bothBad = 0) => ({ winsA, winsB, ties, bothBad });

describe("pairMajority with k = 3", () => {
  it("no votes: open", () => {
    expect(pairMajority(v(0, 0), 3)).toEqual({ status: "open", outcome: null });
  });

  it("one vote never decides (the other two could both go against it)", () => {
    expect(pairMajority(v(1, 0), 3).status).toBe("open");
    expect(pairMajority(v(0, 0, 1), 3).status).toBe("open");
  });

  it("two agreeing votes decide: A,A -> A; B,B -> B", () => {
    // A third vote leaves A with 2 of 3, more than B's 1 and the tie bloc's 1.
    expect(pairMajority(v(2, 0), 3)).toEqual({ status: "decided", outcome: "A" });
    expect(pairMajority(v(0, 2), 3)).toEqual({ status: "decided", outcome: "B" });
  });

  it("a tie and a both-bad form one bloc of two: decided as a tie", () => {
    // Third vote A: A 1 <= tie bloc 2 -> tie. Third vote B: same. Third vote tie: tie.
    expect(pairMajority(v(0, 0, 1, 1), 3)).toEqual({ status: "decided", outcome: "tie" });
    expect(pairMajority(v(0, 0, 2), 3)).toEqual({ status: "decided", outcome: "tie" });
  });

  it("split votes stay open: A,B and A,tie", () => {
    expect(pairMajority(v(1, 1), 3).status).toBe("open"); // third decides A, B, or (A = B) tie
    expect(pairMajority(v(1, 0, 1), 3).status).toBe("open"); // third A -> A; otherwise tie
  });

  it("three votes: full, with the majority rule's outcome", () => {
    expect(pairMajority(v(1, 1, 1), 3)).toEqual({ status: "full", outcome: "tie" });
    expect(pairMajority(v(2, 1), 3)).toEqual({ status: "full", outcome: "A" });
    expect(pairMajority(v(3, 1), 3)).toEqual({ status: "full", outcome: "A" });
  });
});

describe("pairMajority with other k", () => {
  it("k = 5: three A of three decides, two A of two does not", () => {
    // A,A,A + two more: A 3 beats any 2. A,A + three B: B 3 > A 2.
    expect(pairMajority(v(3, 0), 5)).toEqual({ status: "decided", outcome: "A" });
    expect(pairMajority(v(2, 0), 5).status).toBe("open");
  });

  it("k = 4: A,A,A decides A; A,A,B does not (a fourth B makes 2-2, a tie)", () => {
    expect(pairMajority(v(3, 0), 4)).toEqual({ status: "decided", outcome: "A" });
    expect(pairMajority(v(2, 1), 4).status).toBe("open");
  });

  it("k = 1: the single vote is the majority", () => {
    expect(pairMajority(v(0, 1), 1)).toEqual({ status: "full", outcome: "B" });
  });

  it("rejects k < 1", () => {
    expect(() => pairMajority(v(0, 0), 0)).toThrow(RangeError);
  });
});

describe("closedPrefixScores", () => {
  it("reads prompts in order and stops at the first open one", () => {
    const ordered = [v(2, 0), v(1, 1, 1), v(0, 2), v(1, 0), v(2, 0)];
    // A -> 1, tie -> 0.5, B -> 0, then open: the decided prompt after it waits.
    expect(closedPrefixScores(ordered, 3)).toEqual([1, 0.5, 0]);
  });

  it("majorityScore: A 1, tie 1/2, B 0", () => {
    expect([majorityScore("A"), majorityScore("tie"), majorityScore("B")]).toEqual([1, 0.5, 0]);
  });
});
