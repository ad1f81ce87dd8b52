import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/stats/rng";
import { drawGold } from "./gold";

describe("drawGold", () => {
  it("never prefers gold at rate 0 and always at rate 1", () => {
    expect(drawGold(0, () => 0)).toBe(false);
    expect(drawGold(1, () => 0.999)).toBe(true);
  });

  it("prefers gold at about the configured rate", () => {
    const rng = mulberry32(7);
    const draws = Array.from({ length: 10_000 }, () => drawGold(0.1, rng)).filter(Boolean).length;
    expect(draws).toBeGreaterThan(900);
    expect(draws).toBeLessThan(1100);
  });
});
