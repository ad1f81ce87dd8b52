import { describe, expect, it } from "vitest";
import { judgeResults } from "./judges";
import { orientationFrom } from "./orientation";

describe("judgeResults", () => {
  it("tallies the judge in the comparison's orientation and compares with the human majority", () => {
    const orient = orientationFrom([{ modelA: "a", modelB: "b", pairs: 1 }]);
    const run = { id: "r", name: "gpt4", fileName: "f.json", createdAt: new Date(0), labels: 6 };
    const rows = [
      { runId: "r", modelA: "a", modelB: "b", judge: "A" as const, human: "A" as const, pairs: 2 },
      // stored with b as output A: the judge's "A" is a win for b, the humans' "B" a win for a
      { runId: "r", modelA: "b", modelB: "a", judge: "A" as const, human: "B" as const, pairs: 1 },
      { runId: "r", modelA: "a", modelB: "b", judge: "tie" as const, human: null, pairs: 3 },
    ];
    const [judge] = judgeResults([run], rows, orient);
    expect(judge!.comparisons[0]).toMatchObject({ modelA: "a", modelB: "b", winsA: 2, winsB: 1, draws: 3 });
    // judge x human: (A, A) 2, (B, A) 1 -> 2 of 3 agree; row totals A 2, B 1; column A 3: p_e = 2/3, kappa = 0.
    expect(judge!.agreement).toMatchObject({ compared: 3, agreed: 2 });
    expect(judge!.agreement.rate).toBeCloseTo(2 / 3, 12);
    expect(judge!.agreement.kappa).toBeCloseTo(0, 12);
  });
});
