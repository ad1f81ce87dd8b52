import { describe, expect, it } from "vitest";
import type { RankingJson } from "@/lib/results/types";
import { rankingMethod } from "./ranking-section";

const ranking: RankingJson = {
  models: [], converged: true, pseudoTies: 0, resamples: 1000, failed: 0, headToHead: { models: [], winRate: [], votes: [] },
};

describe("rankingMethod", () => {
  it("says how the scores and intervals were made", () => {
    expect(rankingMethod(ranking)).toBe("Bradley–Terry (ties as half), 400 points = 10:1 odds; 95% bootstrap intervals from 1000 resamples of the prompts, each drawn with its votes on every model pair.");
  });

  it("says so when votes are weighted by their pair's inclusion probability, and when virtual ties were added", () => {
    const text = rankingMethod({ ...ranking, inclusionWeighted: true, pseudoTies: 1 });
    expect(text).toContain("Each vote counts the inverse of its model pair's inclusion probability (as Chatbot Arena fits its leaderboard)");
    expect(text).toContain("the head-to-head shows plain votes.");
    expect(text).toMatch(/One virtual tie per pair was added/);
  });
});
