import { describe, it, expect } from "vitest";
import * as stats from "./index";

describe("index", () => {
  it("re-exports the public API", () => {
    const expected = [
      "wilsonInterval",
      "binomialTest",
      "verdict",
      "winRate",
      "summarizeWinRate",
      "headline",
      "bootstrapWinRate",
      "fleissKappa",
      "pairwiseAgreement",
      "raterMajorityAgreement",
      "positionBias",
      "lengthBias",
      "bradleyTerry",
      "bradleyTerryBootstrap",
      "headToHeadMatrix",
      "votesNeeded",
      "majorityOutcome",
      "median",
      "mulberry32",
      "seedFromString",
      "mcnemarExact",
      "krippendorffAlphaNominal",
      "krippendorffAlphaBinary",
      "bootstrapMajorityRate",
      "majorityMarked",
    ];
    for (const name of expected) expect(typeof (stats as Record<string, unknown>)[name]).toBe("function");
  });
});
